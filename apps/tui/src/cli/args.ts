import { parseArgs } from 'node:util'

export const USAGE = `cc-tui: find, edit and safely save Client Commander contacts.

Usage:
  cc-tui [options]                     open the editor (needs a terminal)
  cc-tui get <id> [--json]             print a contact
  cc-tui set <id> <field=value>...     change fields of a contact
  cc-tui create <field=value>... [--json]
                                       create a contact; prints its id (--json: the contact)
  cc-tui delete <id> [--permanent] [--yes]
                                       move a contact to the trash (--permanent: for good)
  cc-tui log <id> [--type <type>] [--direction <dir>] [<text> | -]
                                       log an activity on a contact (- reads the text from stdin)
  cc-tui export [--format csv|jsonl] [--out <file>]
                                       write every contact to stdout or a file
  cc-tui import <file> [--dry-run] [--match id|email] [--concurrency <n>] [--yes]
                                       create and update contacts from a CSV or JSONL file
  cc-tui login [< keyfile]             save an API key (asked for, or read from stdin)
  cc-tui logout                        forget the saved API key

Options:
  --base-url <url>   API base URL (default: CC_BASE_URL, then https://api.clientcommander.com/v1)
  --sandbox          use the local sandbox with demo data (the default when there is no key)
  --json             print JSON (get, create, log)
  --yes, -y          do it without asking (delete, import); needed when there is no terminal
  --permanent        delete for good instead of moving to the trash (delete)
  --type <type>      call, email, note, meeting, sms or activity (log; default note)
  --direction <dir>  inbound or outbound (log)
  --format <fmt>     csv or jsonl (export: default csv, or by the --out name; import: by the file)
  --out <file>       write the export to this file, whole or not at all (default stdout)
  --dry-run          check every row and print what import would do; send nothing
  --match <how>      id (default): a row with an id updates that contact, one without creates;
                     email: every row updates the contact with its email, or creates one
  --concurrency <n>  requests at once during import (1-64, default 8)
  --restart          start an unfinished import of the same file over instead of resuming it
  --ignore-unknown   import even when some columns are not contact fields (they are left out)
  --no-verify        save the key without checking it (login)
  --no-color         no colours (NO_COLOR does the same)
  -h, --help         show this help
  -v, --version      show the version

set, create: field names are firstName, lastName, email, phone, source, stage, price, timeframe,
background, tags (comma-separated), street, city, state, zipCode. An empty value clears a
field. Phone numbers and states are normalised as the editor does ("(555) 123-4567" becomes
"+15551234567"). For create, the API updates the contact that already has the email instead
(then that contact's id is printed).

export: CSV (RFC 4180) has the columns id, the 14 fields, createdAt and updatedAt, tags joined
with ", "; a cell starting with = + - @ tab, carriage return or ' gets a ' in front, so that a
spreadsheet shows it as text (import takes one leading ' off again). JSONL: one contact per line.

import: CSV or JSONL (by the name, else by the content). Headers are matched ignoring case and
spaces, with common names ("First Name", "E-mail", "Mobile", "Zip", "Postal Code", "Tags"...);
an unknown column stops the import unless --ignore-unknown. Every row is checked before
anything is sent; each problem is reported with its row, column, value and rule. Only non-empty
cells are sent. Without --yes it asks first (and needs a terminal). A journal in the user state
directory records each row's outcome: after a crash or Ctrl+C, importing the same file again
resumes it (rows done are not sent again; creates repeat safely with the same idempotency key).
A changed file is a new import.

The API key comes from CC_API_KEY, else the key saved by cc-tui login; never from the command
line, where other users (/proc/<pid>/cmdline) and the shell history would see it.

Exit codes: 0 done, 1 API or network error, 2 invalid input. delete exits 0 when the contact
is already gone.

Environment: CC_API_KEY, CC_BASE_URL, NO_COLOR, INK_SCREEN_READER=true (linear layout),
VISUAL / EDITOR (Ctrl+G in the editor).`

export type Command =
  | 'edit'
  | 'get'
  | 'set'
  | 'create'
  | 'delete'
  | 'log'
  | 'export'
  | 'import'
  | 'login'
  | 'logout'
  | 'help'
  | 'version'

export interface ParsedArgs {
  command: Command
  /** Positionals after the command (`get <id>`, `set <id> field=value…`). */
  rest: string[]
  baseUrl?: string
  sandbox: boolean
  json: boolean
  verify: boolean
  color: boolean
  /** delete, import: no question asked. */
  yes: boolean
  /** delete: for good. */
  permanent: boolean
  /** log: the activity's type and direction, checked by the schema. */
  type?: string
  direction?: string
  /** export, import. */
  format?: 'csv' | 'jsonl'
  /** export: the file to write. */
  out?: string
  /** import. */
  dryRun: boolean
  match?: 'id' | 'email'
  /** import: as typed, checked by the command against its limits. */
  concurrency?: string
  restart: boolean
  ignoreUnknown: boolean
}

export class UsageError extends Error {
  override name = 'UsageError'
}

const COMMANDS = ['get', 'set', 'create', 'delete', 'log', 'export', 'import', 'login', 'logout'] as const

/** Options that belong to some commands only; the others take any option (connection options, --no-color…). */
const OPTION_COMMANDS: Readonly<Record<string, readonly Command[]>> = {
  json: ['get', 'create', 'log'],
  yes: ['delete', 'import'],
  permanent: ['delete'],
  type: ['log'],
  direction: ['log'],
  format: ['export', 'import'],
  out: ['export'],
  'dry-run': ['import'],
  match: ['import'],
  concurrency: ['import'],
  restart: ['import'],
  'ignore-unknown': ['import'],
  'no-verify': ['login'],
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`--${option} must be ${allowed.join(' or ')} (you gave "${value}")`)
}

/** Checks the positionals a command takes. */
function checkPositionals(command: Command, rest: readonly string[]): void {
  const need = (ok: boolean, message: string) => {
    if (!ok) throw new UsageError(message)
  }
  switch (command) {
    case 'get':
      need(rest.length > 0, 'get needs a contact id: cc-tui get <id>')
      need(rest.length === 1, 'get takes one contact id')
      break
    case 'set':
      need(rest.length > 0, 'set needs a contact id: cc-tui set <id> field=value…')
      need(rest.length >= 2, 'set needs at least one field=value after the id')
      break
    case 'create':
      need(
        rest.length > 0,
        'create needs at least one field=value: cc-tui create firstName=Jane email=jane@example.com',
      )
      break
    case 'delete':
      need(rest.length > 0, 'delete needs a contact id: cc-tui delete <id> --yes')
      need(rest.length === 1, 'delete takes one contact id')
      break
    case 'log':
      need(rest.length > 0, 'log needs a contact id: cc-tui log <id> --type call "text"')
      need(!(rest.length > 2 && rest.slice(1).includes('-')), 'log takes "-" alone, to read the text from stdin')
      break
    case 'import':
      need(rest.length > 0, 'import needs a file: cc-tui import contacts.csv --dry-run')
      need(rest.length === 1, 'import takes one file')
      break
    case 'export':
    case 'login':
    case 'logout':
      need(rest.length === 0, `${command} takes no arguments (got "${rest[0]}")`)
      break
  }
}

/** Parse the command line, or throw a `UsageError` that says what is wrong. */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  refuseKeyFlag(argv)
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
    yes: values.yes ?? false,
    permanent: values.permanent ?? false,
    dryRun: values['dry-run'] ?? false,
    restart: values.restart ?? false,
    ignoreUnknown: values['ignore-unknown'] ?? false,
    ...(values['base-url'] !== undefined ? { baseUrl: values['base-url'] } : {}),
    ...(values.type !== undefined ? { type: values.type } : {}),
    ...(values.direction !== undefined ? { direction: values.direction } : {}),
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values.concurrency !== undefined ? { concurrency: values.concurrency } : {}),
  }
  if (values.help) return { command: 'help', rest: [], ...base }
  if (values.version) return { command: 'version', rest: [], ...base }
  if (first === undefined) {
    checkOptions('edit', values)
    return { command: 'edit', rest: [], ...base }
  }
  if (!(COMMANDS as readonly string[]).includes(first)) {
    throw new UsageError(`Unknown command "${first}". Commands: ${COMMANDS.join(', ')}.`)
  }
  const command = first as Command
  checkOptions(command, values)
  checkPositionals(command, rest)
  const format = oneOf('format', values.format, ['csv', 'jsonl'] as const)
  const match = oneOf('match', values.match, ['id', 'email'] as const)
  return { command, rest, ...base, ...(format ? { format } : {}), ...(match ? { match } : {}) }
}

/** `--api-key` is refused before anything else, its value never echoed: a key in argv is visible to other users. */
function refuseKeyFlag(argv: readonly string[]): void {
  const options = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length)
  if (options.some((arg) => arg === '--api-key' || arg.startsWith('--api-key='))) {
    throw new UsageError(
      '--api-key is not accepted: a key on the command line can be read by other users (/proc/<pid>/cmdline) and stays in the shell history. Set CC_API_KEY, or save the key with `cc-tui login` (it asks for it, or reads it from stdin: cc-tui login < keyfile).',
    )
  }
}

function checkOptions(command: Command, values: Record<string, unknown>): void {
  for (const [option, commands] of Object.entries(OPTION_COMMANDS)) {
    if (values[option] !== undefined && !commands.includes(command)) {
      const where = command === 'edit' ? 'the editor' : command
      throw new UsageError(`--${option} is for ${commands.join(', ')}, not ${where}`)
    }
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      'base-url': { type: 'string' },
      sandbox: { type: 'boolean' },
      json: { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      permanent: { type: 'boolean' },
      type: { type: 'string' },
      direction: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      'dry-run': { type: 'boolean' },
      match: { type: 'string' },
      concurrency: { type: 'string' },
      restart: { type: 'boolean' },
      'ignore-unknown': { type: 'boolean' },
      'no-verify': { type: 'boolean' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  })
}
