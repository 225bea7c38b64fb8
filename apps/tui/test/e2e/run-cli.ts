import { type ChildProcess, spawn } from 'node:child_process'
import { CLI } from './tmux.js'

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Starts the built `cc-tui` with exactly `env` (no terminal: stdin, stdout and stderr are pipes). */
export function startCli(args: readonly string[], env: Record<string, string>, input?: string): ChildProcess {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] })
  child.stdin?.end(input ?? '')
  return child
}

/** How a started `cc-tui` ended, and what it printed. */
export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** Runs `cc-tui` to the end, with `input` on stdin. */
export const runCli = (args: readonly string[], env: Record<string, string>, input?: string): Promise<CliResult> =>
  finished(startCli(args, env, input))
