import type { Io } from './io.js'

/** Ask for a secret on the terminal without echoing it. Ctrl+C cancels (empty answer). */
export function readSecret(prompt: string, io: Io): Promise<string> {
  const stdin = io.stdin as NodeJS.ReadStream
  io.stderr.write(prompt)
  return new Promise((resolve) => {
    let value = ''
    stdin.setRawMode(true)
    stdin.setEncoding('utf8')
    stdin.resume()
    const done = (answer: string) => {
      stdin.setRawMode(false)
      stdin.pause()
      stdin.removeListener('data', onData)
      io.stderr.write('\n')
      resolve(answer)
    }
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(value.trim())
        if (ch === '\u0003') return done('')
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1)
        else if (ch >= ' ') value += ch
      }
    }
    stdin.on('data', onData)
  })
}
