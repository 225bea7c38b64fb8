import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { createInterface, type Interface } from 'node:readline'

/** A server in a child process that speaks JSON lines on stdin/stdout (see bench/src/servers). */
export interface ChildServer {
  url: string
  /** Sends a command and waits for its `{ ok: true }`. */
  command(command: Record<string, unknown>): Promise<void>
  stop(): Promise<void>
}

const nextLine = async (lines: Interface, what: string, timeoutMs: number): Promise<string> => {
  const timeout = AbortSignal.timeout(timeoutMs)
  const [line] = (await once(lines, 'line', { signal: timeout }).catch((error: unknown) => {
    throw new Error(`${what} did not answer within ${timeoutMs} ms`, { cause: error })
  })) as [string]
  return line
}

/** Starts `node <script> ...args` and waits (up to `startTimeoutMs`) for its first line, `{"url": …}`. */
export async function startChildServer(
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
  startTimeoutMs = 30_000,
): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--no-warnings', script, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  })
  const lines = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> })
  const exited = once(child, 'exit')
  const first = await Promise.race([
    nextLine(lines, script, startTimeoutMs),
    exited.then(([code]) => {
      throw new Error(`${script} exited with code ${code} before listening`)
    }),
  ])
  const { url } = JSON.parse(first) as { url: string }
  return {
    url,
    async command(command) {
      child.stdin?.write(`${JSON.stringify(command)}\n`)
      const answer = JSON.parse(await nextLine(lines, script, 30_000)) as { ok?: boolean; error?: string }
      if (!answer.ok) throw new Error(`${script}: ${answer.error ?? 'command failed'}`)
    },
    async stop() {
      if (child.exitCode !== null) return
      child.stdin?.end()
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    },
  }
}

/** A TCP port that was free a moment ago (for tools that need a port number up front). */
export async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  server.close()
  await once(server, 'close')
  return port
}

/**
 * Runs `node <script> ...args` to its end and parses the last line it printed as JSON: a measurement in a process of
 * its own (fresh memory). Its stderr goes to ours; a non-zero exit rejects.
 */
export async function runProbe<T>(script: string, args: string[] = []): Promise<T> {
  const child = spawn(process.execPath, ['--no-warnings', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  let output = ''
  child.stdout?.setEncoding('utf8')
  child.stdout?.on('data', (chunk: string) => {
    output += chunk
  })
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null]
  const name = [script.split('/').at(-1), ...args].join(' ')
  if (code !== 0) throw new Error(`${name} failed (${signal ?? `exit code ${code}`})`)
  const last = output.trim().split('\n').at(-1)
  if (!last) throw new Error(`${name} printed nothing`)
  return JSON.parse(last) as T
}
