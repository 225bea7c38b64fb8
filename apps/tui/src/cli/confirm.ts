import { createInterface } from 'node:readline/promises'
import type { Io } from './io.js'

/**
 * Asks a yes/no question on the terminal and waits for a line. Enter alone gives `defaultYes`; Ctrl+C or Ctrl+D
 * is a no.
 */
export async function confirm(question: string, io: Io, defaultYes = false): Promise<boolean> {
  const lines = createInterface({ input: io.stdin, output: io.stderr, terminal: true })
  const cancelled = new Promise<string>((resolve) => {
    lines.once('SIGINT', () => resolve('n'))
    lines.once('close', () => resolve('n'))
  })
  try {
    const answer = await Promise.race([lines.question(`${question} ${defaultYes ? '[Y/n]' : '[y/N]'} `), cancelled])
    const text = answer.trim().toLowerCase()
    if (text === '') return defaultYes
    return text === 'y' || text === 'yes'
  } finally {
    lines.close()
  }
}
