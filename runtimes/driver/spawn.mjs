// Runs a runtime as a child process with a time limit, and returns what it printed.
import { spawn } from 'node:child_process'

/** The environment a runtime gets: the driver's, without package-manager and CC_* variables (the smoke passes
 * its key and URL as options). */
export const runtimeEnv = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(npm_|pnpm_|PNPM_|INIT_CWD$|COREPACK_|CC_)/i.test(name)),
  ),
  // Plain text in the CI log.
  NO_COLOR: '1',
}

/** Resolves `{ code, signal, stdout, stderr, timedOut }`; a process still running after `limitMs` is killed. */
export function run(command, args, { cwd, limitMs }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: runtimeEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk
    })
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, limitMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr, timedOut })
    })
  })
}

/** The `RESULT <json>` line a smoke entry printed, parsed; throws with the output when there is none. */
export function resultOf({ code, signal, stdout, stderr, timedOut }) {
  const line = stdout.split('\n').find((text) => text.startsWith('RESULT '))
  if (line) return JSON.parse(line.slice('RESULT '.length))
  const how = timedOut ? 'was killed after its time limit' : `exited with ${signal ?? code}`
  throw Object.assign(new Error(`it ${how} before reporting`), { output: `${stdout}${stderr}`.trim() })
}
