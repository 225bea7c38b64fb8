// Runs the smoke worker in workerd (local mode, no Cloudflare account): a config with the bundled worker and a
// network service that may reach loopback only, served on a free port that workerd reports on its control fd.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runtimeEnv } from './spawn.mjs'

/** The newest compatibility date a workerd release supports is its version's date: 1.20261117.1 → 2026-11-17. */
export function compatibilityDate(version) {
  const digits = /^\d+\.(\d{4})(\d{2})(\d{2})\./.exec(version)
  if (!digits) throw new Error(`workerd version ${version} carries no date`)
  return `${digits[1]}-${digits[2]}-${digits[3]}`
}

const configText = (date) => `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "smoke", worker = .smokeWorker),
    # The worker's fetch() goes here: loopback addresses only, where the sandbox and the driver listen.
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "smoke")],
);

const smokeWorker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "${date}",
  globalOutbound = "loopback",
);
`

/** Starts workerd with the bundled worker, POSTs `config` to it, and resolves with the worker's JSON answer. */
export async function runWorker({ binary, version, workerScript, config, limitMs }) {
  const dir = mkdtempSync(join(tmpdir(), 'cc-workerd-'))
  writeFileSync(join(dir, 'worker.js'), workerScript)
  writeFileSync(join(dir, 'config.capnp'), configText(compatibilityDate(version)))
  const child = spawn(binary, ['serve', 'config.capnp', '--control-fd=3'], {
    cwd: dir,
    env: runtimeEnv,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    output += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    output += chunk
  })
  const exited = new Promise((resolve) => child.on('close', resolve))
  const timer = setTimeout(() => child.kill('SIGKILL'), limitMs)
  try {
    const port = await listeningPort(child, exited)
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      body: JSON.stringify(config),
      signal: AbortSignal.timeout(limitMs),
    })
    if (!response.ok) throw new Error(`the worker answered ${response.status}: ${await response.text()}`)
    return await response.json()
  } catch (error) {
    throw Object.assign(error, { output: output.trim() })
  } finally {
    clearTimeout(timer)
    child.kill('SIGTERM')
    await exited
    rmSync(dir, { recursive: true, force: true })
  }
}

/** workerd writes `{"event":"listen","socket":"http","port":N}` on the control fd once the socket is bound. */
function listeningPort(child, exited) {
  return new Promise((resolve, reject) => {
    let seen = ''
    child.stdio[3].setEncoding('utf8').on('data', (chunk) => {
      seen += chunk
      const lines = seen.split('\n')
      seen = lines.pop() ?? ''
      for (const line of lines) {
        const message = line.trim().startsWith('{') ? JSON.parse(line) : undefined
        if (message?.event === 'listen' && message.socket === 'http') resolve(message.port)
      }
    })
    exited.then((code) => reject(new Error(`workerd exited with ${code} before listening`)))
  })
}
