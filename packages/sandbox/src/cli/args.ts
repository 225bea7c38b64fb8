import { parseArgs } from 'node:util'
import { FaultKind, type SandboxOptions } from '../options.js'
import { SANDBOX_PROFILES, type SandboxProfile } from '../profiles.js'
import { MAX_SEED_CONTACTS } from '../seed/demo-data.js'

export const DEFAULT_PORT = 4010
export const DEFAULT_FAULT_KINDS: FaultKind[] = ['500', '503', '429', 'reset', 'slow']

export const HELP = `cc-sandbox: a local, stateful Client Commander API server (SQLite inside).

Usage: cc-sandbox [options]

Server
  --port <n>            Port to listen on (0 picks a free one). Default ${DEFAULT_PORT}.
  --host <addr>         Address to bind. Default 127.0.0.1 (this machine only). Another address
                        serves plain HTTP to the network: the sandbox warns on start.
  --allowed-host <name> Another name clients may reach the sandbox by (Host header; repeatable).
                        Default: the bound address, and localhost names on a loopback address.
  --api-key <key>       Accept this API key instead of a generated one (repeatable). Not printed back.
  --cors <origin>       Let web pages of this origin call the sandbox, e.g. http://localhost:5173
                        (repeatable). Default: no cross-origin access.
  --failed-auth-limit <n>
                        Failed authentications per client per minute before 429s. Default 10; 0: no limit.
  --profile <name>      How closely to play the API. sandbox (the default): every operation,
                        our rules as well as the docs', success flags and X-Request-Id headers.
                        docs: only what the API docs state (documented routes, so no
                        GET /people/{id}; only the docs' rules; no success flag, no X-Request-Id).
  --quiet               Do not log one line per request.

Data
  --data <dir>          Keep the database in <dir>/sandbox.db (created if missing).
  --memory              Keep the database in memory, lost on exit (the default).
  --seed <n>            Seed of the demo data written into an empty database. Default 1.
  --contacts <n>        How many demo contacts to write into an empty database. Default 200.
  --empty               Start without demo contacts, deals or activities.
  --reset               Replace everything in the database with the seeded state on start.

Limits and faults (for testing clients)
  --rate-limit <n>      Allow n requests per key per window; then 429 with Retry-After.
  --rate-window <ms>    Rate-limit window in ms. Default 60000.
  --fault-rate <x>      Fraction of requests (0-1) that get a fault. Default 0 (none).
  --fault-kinds <list>  Comma-separated: ${FaultKind.options.join(',')}.
                        Default ${DEFAULT_FAULT_KINDS.join(',')}.
  --fault-seed <n>      Seed of the fault sequence. Default 1.
  --latency <ms>        Delay of slow and slow-body faults. Default 1000.

  -h, --help            Show this help.

Prints the base URL and a test API key on start; stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
The request log never contains API keys or query strings.`

export interface CliConfig {
  help: boolean
  quiet: boolean
  reset: boolean
  options: SandboxOptions & { listen: { port: number; host: string; hosts?: string[] } }
}

/** A command-line mistake: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

function integer(
  name: string,
  text: string | undefined,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${text}")`)
  }
  return value
}

export function parseCliArgs(argv: string[]): CliConfig {
  let values: ReturnType<typeof parse>['values']
  try {
    values = parse(argv).values
  } catch (error) {
    // Node's message quotes the stray argument, which may be a key that lost its --api-key.
    if ((error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new UsageError('unexpected positional argument: every value follows its flag, e.g. --api-key <key>')
    }
    throw new UsageError((error as Error).message)
  }
  if (values.data !== undefined && values.memory) throw new UsageError('--data and --memory exclude each other')
  if (values.seed !== undefined && values.empty) throw new UsageError('--seed and --empty exclude each other')
  if (values.contacts !== undefined && values.empty) throw new UsageError('--contacts and --empty exclude each other')
  if (values.reset && values.data === undefined)
    throw new UsageError('--reset needs --data (memory starts fresh anyway)')

  const options: CliConfig['options'] = {
    listen: { port: integer('port', values.port, 0, 65535) ?? DEFAULT_PORT, host: values.host ?? '127.0.0.1' },
  }
  if (values['allowed-host'] !== undefined) options.listen.hosts = values['allowed-host']
  if (values.profile !== undefined) {
    if (!(SANDBOX_PROFILES as readonly string[]).includes(values.profile)) {
      throw new UsageError(`--profile must be ${SANDBOX_PROFILES.join(' or ')} (got "${values.profile}")`)
    }
    options.profile = values.profile as SandboxProfile
  }
  if (values.cors !== undefined) options.cors = values.cors
  const failedAuthLimit = integer('failed-auth-limit', values['failed-auth-limit'], 0)
  if (failedAuthLimit !== undefined) {
    options.failedAuthLimit = failedAuthLimit === 0 ? false : { attempts: failedAuthLimit, windowMs: 60_000 }
  }
  if (values.data !== undefined) options.dataDir = values.data
  if (values.empty) options.seed = false
  const seed = integer('seed', values.seed, -(2 ** 31), 2 ** 32)
  const contacts = integer('contacts', values.contacts, 0, MAX_SEED_CONTACTS)
  if (contacts !== undefined) options.seed = { ...(seed === undefined ? {} : { value: seed }), contacts }
  else if (seed !== undefined) options.seed = seed
  if (values['api-key'] !== undefined) options.apiKeys = values['api-key']

  const rateLimit = integer('rate-limit', values['rate-limit'], 1)
  const rateWindow = integer('rate-window', values['rate-window'], 1)
  if (rateWindow !== undefined && rateLimit === undefined) throw new UsageError('--rate-window needs --rate-limit')
  if (rateLimit !== undefined) options.rateLimit = { requests: rateLimit, windowMs: rateWindow ?? 60_000 }

  const faultFlags = ['fault-kinds', 'fault-seed', 'latency'] as const
  if (values['fault-rate'] === undefined) {
    const stray = faultFlags.find((flag) => values[flag] !== undefined)
    if (stray) throw new UsageError(`--${stray} needs --fault-rate`)
  } else {
    const rate = Number(values['fault-rate'])
    if (values['fault-rate'].trim() === '' || !(rate >= 0 && rate <= 1)) {
      throw new UsageError(`--fault-rate must be a number from 0 to 1 (got "${values['fault-rate']}")`)
    }
    const kinds = values['fault-kinds']?.split(',').map((kind) => kind.trim()) ?? DEFAULT_FAULT_KINDS
    for (const kind of kinds) {
      if (!FaultKind.safeParse(kind).success) {
        throw new UsageError(`--fault-kinds: unknown kind "${kind}" (known: ${FaultKind.options.join(', ')})`)
      }
    }
    const faultSeed = integer('fault-seed', values['fault-seed'], -(2 ** 31), 2 ** 32)
    const latencyMs = integer('latency', values.latency, 0, 600_000)
    options.faults = {
      rate,
      kinds: kinds as FaultKind[],
      ...(faultSeed === undefined ? {} : { seed: faultSeed }),
      ...(latencyMs === undefined ? {} : { latencyMs }),
    }
  }
  return { help: values.help ?? false, quiet: values.quiet ?? false, reset: values.reset ?? false, options }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'api-key': { type: 'string', multiple: true },
      'allowed-host': { type: 'string', multiple: true },
      cors: { type: 'string', multiple: true },
      'failed-auth-limit': { type: 'string' },
      profile: { type: 'string' },
      quiet: { type: 'boolean' },
      data: { type: 'string' },
      memory: { type: 'boolean' },
      seed: { type: 'string' },
      contacts: { type: 'string' },
      empty: { type: 'boolean' },
      reset: { type: 'boolean' },
      'rate-limit': { type: 'string' },
      'rate-window': { type: 'string' },
      'fault-rate': { type: 'string' },
      'fault-kinds': { type: 'string' },
      'fault-seed': { type: 'string' },
      latency: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
}
