import { parseArgs } from 'node:util'

export const USAGE = `cc-tui: find, edit and safely save Client Commander contacts.

Usage:
  cc-tui [options]                     open the editor (needs a terminal)
  cc-tui get <id> [--json]             print a contact
  cc-tui set <id> <field=value>...     change fields of a contact
  cc-tui login [--api-key <key>]       save an API key (asked for, or read from stdin)
  cc-tui logout                        forget the saved API key

Options:
  --api-key <key>    API key (default: CC_API_KEY, then the saved key)
  --base-url <url>   API base URL (default: CC_BASE_URL, then https://api.clientcommander.com/v1)
  --sandbox          use the local sandbox with demo data (the default when there is no key)
  --json             print JSON (get)
  --no-verify        save the key without checking it (login)
  --no-color         no colours (NO_COLOR does the same)
  -h, --help         show this help
  -v, --version      show the version

set: field names are firstName, lastName, email, phone, source, stage, price, timeframe,
background, tags (comma-separated), street, city, state, zipCode. An empty value clears a
field. Phone numbers and states are normalised as the editor does ("(555) 123-4567" becomes
"+15551234567"). Exit codes: 0 done, 1 API or network error, 2 invalid input.

Environment: CC_API_KEY, CC_BASE_URL, NO_COLOR, INK_SCREEN_READER=true (linear layout),
VISUAL / EDITOR (Ctrl+G in the editor).`

export type Command = 'edit' | 'get' | 'set' | 'login' | 'logout' | 'help' | 'version'

export interface ParsedArgs {
  command: Command
  /** Positionals after the command (`get <id>`, `set <id> field=value…`). */
  rest: string[]
  apiKey?: string
  baseUrl?: string
  sandbox: boolean
  json: boolean
  verify: boolean
  color: boolean
}

export class UsageError extends Error {
  override name = 'UsageError'
}

const COMMANDS = new Set(['get', 'set', 'login', 'logout'])

/** Parse the command line, or throw a `UsageError` that says what is wrong. */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const { values, positionals } = parsed
  const [first, ...rest] = positionals
  const base = {
    sandbox: values.sandbox ?? false,
    json: values.json ?? false,
    verify: !(values['no-verify'] ?? false),
    color: !(values['no-color'] ?? false),
    ...(values['api-key'] !== undefined ? { apiKey: values['api-key'] } : {}),
    ...(values['base-url'] !== undefined ? { baseUrl: values['base-url'] } : {}),
  }
  if (values.help) return { command: 'help', rest: [], ...base }
  if (values.version) return { command: 'version', rest: [], ...base }
  if (first === undefined) return { command: 'edit', rest: [], ...base }
  if (!COMMANDS.has(first)) throw new UsageError(`Unknown command "${first}". Commands: get, set, login, logout.`)
  const command = first as Command
  if ((command === 'get' || command === 'set') && rest.length === 0) {
    throw new UsageError(
      `${command} needs a contact id: cc-tui ${command} <id>${command === 'set' ? ' field=value…' : ''}`,
    )
  }
  if (command === 'set' && rest.length < 2) throw new UsageError('set needs at least one field=value after the id')
  if (command === 'get' && rest.length > 1) throw new UsageError('get takes one contact id')
  return { command, rest, ...base }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      'api-key': { type: 'string' },
      'base-url': { type: 'string' },
      sandbox: { type: 'boolean' },
      json: { type: 'boolean' },
      'no-verify': { type: 'boolean' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  })
}
