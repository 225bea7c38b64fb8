import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The built CLI. Tests that spawn it need `pnpm exec turbo run build --filter=@cc/sandbox` first. */
export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url))

export function assertBuilt(): void {
  if (!existsSync(CLI))
    throw new Error(`${CLI} is missing: build first (pnpm exec turbo run build --filter=@cc/sandbox)`)
}

export interface RunningCli {
  child: ChildProcess
  url: string
  apiKey: string
  stdout: () => string
  stderr: () => string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Starts `cc-sandbox` with `args` and resolves once it has printed its URL and key. */
export async function startCli(args: string[]): Promise<RunningCli> {
  assertBuilt()
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  const started = await new Promise<{ url: string; apiKey: string }>((resolve, reject) => {
    const check = () => {
      const url = /URL: +(http\S+)/.exec(stdout)?.[1]
      const apiKey = /API key: +(\S+)/.exec(stdout)?.[1]
      if (url && apiKey) {
        child.stdout?.off('data', check)
        resolve({ url, apiKey })
      }
    }
    child.stdout?.on('data', check)
    exited.then(({ code }) => reject(new Error(`cc-sandbox exited (${code}) before starting:\n${stdout}\n${stderr}`)))
  })
  return { child, ...started, stdout: () => stdout, stderr: () => stderr, exited }
}

/** Runs the CLI to completion (for --help and bad arguments). */
export async function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  assertBuilt()
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
  })
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  return { code, stdout, stderr }
}
