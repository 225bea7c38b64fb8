#!/usr/bin/env node
import { HELP, parseCliArgs, UsageError } from './cli/args.js'
import { hideSqliteExperimentalWarning, showSecurityWarningsAsBanner } from './cli/warnings.js'

hideSqliteExperimentalWarning()
// The code of the sandbox's plain-HTTP warning (PLAIN_HTTP_WARNING), spelled out: sandbox.js is not loaded yet.
showSecurityWarningsAsBanner('CC_SANDBOX_PLAIN_HTTP', (text) => process.stderr.write(`cc-sandbox:${text}`))

let config: ReturnType<typeof parseCliArgs>
try {
  config = parseCliArgs(process.argv.slice(2))
} catch (error) {
  if (!(error instanceof UsageError)) throw error
  process.stderr.write(`cc-sandbox: ${error.message}\nRun cc-sandbox --help for the options.\n`)
  process.exit(2)
}
if (config.help) {
  process.stdout.write(`${HELP}\n`)
  process.exit(0)
}

// Loaded only now, after the warning filter is in place: this import brings in node:sqlite.
const { createSandbox } = await import('./sandbox.js')

const log = config.quiet ? undefined : (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`)
let sandbox: Awaited<ReturnType<typeof createSandbox>>
try {
  sandbox = await createSandbox({ ...config.options, ...(log ? { log } : {}) })
  if (config.reset) await sandbox.reset()
} catch (error) {
  process.stderr.write(`cc-sandbox: ${(error as Error).message}\n`)
  process.exit(1)
}

const storage = config.options.dataDir === undefined ? 'in memory (lost on exit)' : config.options.dataDir
// A key given with --api-key is the user's own secret: it is never printed back (a generated one has to be).
const keyGiven = config.options.apiKeys !== undefined
const keyCount = config.options.apiKeys?.length ?? 1
process.stdout.write(
  [
    'Client Commander sandbox',
    `  URL:      ${sandbox.url}`,
    `  API key:  ${keyGiven ? `${maskKey(sandbox.apiKey)} (from --api-key${keyCount > 1 ? `, and ${keyCount - 1} more` : ''})` : sandbox.apiKey}`,
    `  Data:     ${storage}`,
    `  Profile:  ${sandbox.profile === 'docs' ? 'docs (only what the API docs state)' : 'sandbox'}`,
    ...(config.options.cors ? [`  CORS:     ${config.options.cors.join(', ')}`] : []),
    `  Try:      curl -H "Authorization: Bearer ${keyGiven ? '<your key>' : sandbox.apiKey}" ${sandbox.url}/people`,
    '  Stop:     Ctrl-C',
    '',
  ].join('\n'),
)

/** Enough of a key to tell which one it is: a quarter of it, at most 6 characters. */
function maskKey(key: string): string {
  return `${key.slice(0, Math.min(6, Math.floor(key.length / 4)))}…`
}

let stopping = false
const stop = (signal: NodeJS.Signals) => {
  if (stopping) {
    process.stderr.write(`cc-sandbox: ${signal} again, exiting now\n`)
    process.exit(1)
  }
  stopping = true
  sandbox.close().then(
    () => {
      process.stdout.write(`cc-sandbox: stopped (${signal})\n`)
      process.exit(0)
    },
    (error: unknown) => {
      process.stderr.write(`cc-sandbox: error while stopping: ${(error as Error).message}\n`)
      process.exit(1)
    },
  )
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
