#!/usr/bin/env node
import { HELP, parseCliArgs, UsageError } from './cli/args.js'
import { hideSqliteExperimentalWarning } from './cli/warnings.js'

hideSqliteExperimentalWarning()

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
process.stdout.write(
  [
    'Client Commander sandbox',
    `  URL:      ${sandbox.url}`,
    `  API key:  ${sandbox.apiKey}`,
    `  Data:     ${storage}`,
    `  Try:      curl -H "Authorization: Bearer ${sandbox.apiKey}" ${sandbox.url}/people`,
    '  Stop:     Ctrl-C',
    '',
  ].join('\n'),
)

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
