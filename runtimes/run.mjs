#!/usr/bin/env node
// Runs the same smoke of the built @cc/client (and, in the browser, @cc/schema) in every runtime integrators use,
// against one sandbox on loopback, and prints one line per runtime. Exits 1 when any check fails.
//
//   node runtimes/run.mjs [--node <path to another node>]... [--only node,bun,deno,workerd,chromium]
//
// Needs `pnpm build` (the packages' dist/) and `pnpm install --dir runtimes --frozen-lockfile`; Chromium is
// Debian's /usr/bin/chromium (or CHROMIUM_PATH). Runtimes run one after another: they share the sandbox's fault
// queue, and the sandbox is reset to its seeded state before each.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const runtimesDir = dirname(fileURLToPath(import.meta.url))
const root = dirname(runtimesDir)
const CHECKS = ['update', 'list pages', 'ApiError+requestId', 'abort', 'timeout']
const BROWSER_CHECKS = [...CHECKS, 'schema form', 'cross-origin']
const LIMIT_MS = 60_000

const { values } = parseArgs({
  options: { node: { type: 'string', multiple: true, default: [] }, only: { type: 'string' } },
})
const only = values.only?.split(',').map((name) => name.trim())
const wanted = (name) => only === undefined || only.includes(name)

for (const pkg of ['schema', 'client', 'sandbox']) {
  if (!existsSync(join(root, 'packages', pkg, 'dist/index.js'))) {
    console.error(`runtimes: packages/${pkg}/dist is missing: run \`pnpm build\` first`)
    process.exit(1)
  }
}
if (!existsSync(join(runtimesDir, 'node_modules/.pnpm'))) {
  console.error('runtimes: not installed: run `pnpm install --dir runtimes --frozen-lockfile` first')
  process.exit(1)
}

// Loaded only now, once we know they are installed.
const { createSandbox } = await import('@cc/sandbox')
const { platformBinary } = await import('./driver/binaries.mjs')
const { bundle } = await import('./driver/bundle.mjs')
const { CHROMIUM, runPage } = await import('./driver/chromium.mjs')
const { startFrontServer } = await import('./driver/front-server.mjs')
const { resultOf, run } = await import('./driver/spawn.mjs')
const { runWorker } = await import('./driver/workerd.mjs')

/** The first dotted version number `command --version` prints. */
function versionOf(command) {
  const text = execFileSync(command, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  return /\d+(\.\d+)+/.exec(text)?.[0] ?? text.trim()
}

const cliEntry = join(runtimesDir, 'smoke/cli.mjs')

/** Runs smoke/cli.mjs with `command` and its `args` (the run's config goes last), and returns its checks. */
async function runFile(command, args, config) {
  const result = resultOf(
    await run(command, [...args, cliEntry, JSON.stringify(config)], {
      cwd: runtimesDir,
      limitMs: LIMIT_MS,
    }),
  )
  // Which file the bare specifier loaded: anything but the built dist/ is not what integrators get.
  if (!/\/client\/dist\/index\.js$/.test(result.resolved)) {
    throw new Error(`@cc/client resolved to ${result.resolved}, not the built dist/index.js`)
  }
  return result.checks
}

/** The runtimes in the order they run: `{ name, expected, prepare }`, `prepare` giving `{ version, smoke }`. */
const runtimes = [
  ...[process.execPath, ...values.node].map((node) => ({
    name: 'node',
    expected: CHECKS,
    prepare: () => ({ version: versionOf(node), smoke: (config) => runFile(node, [], config) }),
  })),
  {
    name: 'bun',
    expected: CHECKS,
    prepare: () => {
      const bun = platformBinary('bun')
      return { version: bun.version, smoke: (config) => runFile(bun.path, ['run', '--no-install'], config) }
    },
  },
  {
    name: 'deno',
    expected: CHECKS,
    prepare: () => {
      const deno = platformBinary('deno')
      // npm packages come from runtimes/node_modules (Deno's "manual" node_modules mode, bare specifiers), not from
      // a registry: the links there are the workspace's built packages. Permissions: loopback, files, three
      // variables.
      const args = (config) => [
        'run',
        '--no-prompt',
        '--no-lock',
        '--node-modules-dir=manual',
        `--allow-net=${new URL(config.baseUrl).host},${new URL(config.controlUrl).host}`,
        `--allow-read=${root}`,
        // createClient reads CC_LOG (and CC_API_KEY, CC_BASE_URL when not passed): without this, Deno refuses.
        '--allow-env=CC_API_KEY,CC_BASE_URL,CC_LOG',
      ]
      return { version: deno.version, smoke: (config) => runFile(deno.path, args(config), config) }
    },
  },
  {
    name: 'workerd',
    expected: CHECKS,
    prepare: async () => {
      const { path: binary, version } = platformBinary('workerd')
      const workerScript = await bundle('smoke/worker.mjs', { runtimesDir, conditions: ['workerd', 'worker'] })
      return {
        version,
        smoke: async (config) => (await runWorker({ binary, version, workerScript, config, limitMs: LIMIT_MS })).checks,
      }
    },
  },
  {
    name: 'chromium',
    expected: BROWSER_CHECKS,
    prepare: async () => {
      if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`)
      front.browserScript = await bundle('smoke/browser.mjs', { runtimesDir })
      return {
        version: versionOf(CHROMIUM),
        smoke: async (config) => (await runPage({ pageUrl: `${front.url}/`, config, limitMs: LIMIT_MS })).checks,
      }
    },
  },
].filter((runtime) => wanted(runtime.name))

/** The one line a runtime gets. */
function summary(name, version, expected, checks, failure) {
  const passed = checks.filter((check) => check.ok).map((check) => check.name)
  const head = `runtime ${name}${version ? ` ${version}` : ''}: ${passed.length}/${expected.length} checks passed`
  const parts = [passed.length > 0 ? `${head} (${passed.join(', ')})` : head]
  const failed = checks.filter((check) => !check.ok).map((check) => `${check.name}: ${check.detail}`)
  const missing = expected.filter((check) => !checks.some((done) => done.name === check))
  if (failed.length > 0) parts.push(`failed ${failed.join('; ')}`)
  if (failure) parts.push(`could not run: ${failure.message.split('\n')[0]}`)
  else if (missing.length > 0) parts.push(`not reported: ${missing.join(', ')}`)
  return { line: parts.join('; '), ok: !failure && failed.length === 0 && missing.length === 0 }
}

// The page's server starts first: the sandbox lets its origin call it across origins (CORS).
const front = await startFrontServer({ sandbox: () => sandbox })
const sandbox = await createSandbox({
  listen: { port: 0 },
  // No random faults; the ones the checks queue hold a response for 5 s, far past the 300 ms timeout check.
  faults: { rate: 0, kinds: ['slow'], latencyMs: 5000 },
  cors: [front.url],
})
let allOk = true
try {
  for (const runtime of runtimes) {
    await sandbox.reset()
    // The browser runs the checks through the same-origin proxy, then its cross-origin check straight to the sandbox;
    // every other runtime calls the sandbox directly.
    const baseUrl = runtime.name === 'chromium' ? `${front.url}/v1` : sandbox.url
    const config = {
      baseUrl,
      sandboxUrl: sandbox.url,
      apiKey: sandbox.apiKey,
      controlUrl: `${front.url}/control/faults`,
      runtime: runtime.name,
    }
    let version
    let checks = []
    let failure
    try {
      const prepared = await runtime.prepare()
      version = prepared.version
      // Each runtime tags the contact it updates with its own name: node 22 and node 24 differ.
      if (runtime.name === 'node') config.runtime = `node ${version.split('.')[0]}`
      checks = await prepared.smoke(config)
    } catch (error) {
      failure = error
    }
    const { line, ok } = summary(runtime.name, version, runtime.expected, checks, failure)
    console.log(line)
    if (!ok) {
      allOk = false
      // What went wrong, under the runtime's line and on the same stream, so the two stay together in a log.
      const details = [failure?.stack, failure?.output].filter(Boolean).join('\n')
      if (details) console.log(details.replace(/^/gm, `  ${runtime.name}> `))
    }
  }
} finally {
  await front.close()
  await sandbox.close()
}
process.exit(allOk ? 0 : 1)
