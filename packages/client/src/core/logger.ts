import { type SanitizeOptions, sanitizeTerminalText } from './untrusted-text.js'

/** Anything with these four methods: `console`, pino, winston, a test's line collector. */
export interface Logger {
  error(message: string, ...rest: unknown[]): void
  warn(message: string, ...rest: unknown[]): void
  info(message: string, ...rest: unknown[]): void
  debug(message: string, ...rest: unknown[]): void
}

export const LOG_LEVELS = ['off', 'error', 'warn', 'info', 'debug'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export function isLogLevel(value: unknown): value is LogLevel {
  // Stryker disable next-line ConditionalExpression: includes() is false for anything that is not one of the level names
  return typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value)
}

/** Looked up at call time, so replacing `console.warn` later still works. */
const consoleLogger: Logger = {
  // Stryker disable next-line ArrowFunction: LevelLogger writes no error lines: the method is there for the Logger type
  error: (message) => console.error(message),
  warn: (message) => console.warn(message),
  info: (message) => console.info(message),
  debug: (message) => console.debug(message),
}

const REDACTED = '[redacted]'

/** A line to log, or a function that builds it (called only when the line is written). */
type Message = string | (() => string)

/**
 * The client's logger: drops lines below `level`, prefixes them, and removes every secret it was given from
 * every line, so that even a server that echoes the key back cannot make us log it.
 */
export class LevelLogger {
  readonly level: LogLevel
  readonly #rank: number
  readonly #sink: Logger
  /** Empty ones included: scrubSecrets skips them. */
  readonly #secrets: readonly string[]

  // Stryker disable next-line ArrayDeclaration: resolveConfig always passes the secrets; only tests leave them out
  constructor(level: LogLevel, sink: Logger = consoleLogger, secrets: string[] = []) {
    this.level = level
    this.#rank = LOG_LEVELS.indexOf(level)
    this.#sink = sink
    this.#secrets = secrets
  }

  /** Whether lines of `level` are written: check it before building a line that costs something. */
  enabled(level: Exclude<LogLevel, 'off'>): boolean {
    return LOG_LEVELS.indexOf(level) <= this.#rank
  }

  // A message may be a function that builds the line: it is called only when lines of its level are written.
  warn(message: Message): void {
    if (this.enabled('warn')) this.#sink.warn(this.#line(message))
  }
  info(message: Message): void {
    if (this.enabled('info')) this.#sink.info(this.#line(message))
  }
  debug(message: Message): void {
    if (this.enabled('debug')) this.#sink.debug(this.#line(message))
  }

  /** One line, whatever a server put into `message`: no line break to forge another, no escape sequence. */
  #line(message: Message): string {
    const text = typeof message === 'function' ? message() : message
    return `[cc-client] ${cleanServerText(text, this.#secrets, { singleLine: true })}`
  }
}

/** Replaces each secret in `text` by `[redacted]`. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let result = text
  for (const secret of secrets) if (secret) result = result.split(secret).join(REDACTED)
  return result
}

/**
 * Server text made safe to show and to log: every secret scrubbed, control and escape sequences removed, every
 * secret scrubbed again. Before, because a sequence may end in the key's first character (`ESC c` then `cmd…`)
 * and removing it would leave the key unrecognisable; after, because a key broken up by invisible characters is
 * whole again once they are gone.
 */
export function cleanServerText(text: string, secrets: readonly string[], options: SanitizeOptions = {}): string {
  return scrubSecrets(sanitizeTerminalText(scrubSecrets(text, secrets), options), secrets)
}

const SENSITIVE_HEADER = /auth|token|secret|key|cookie|session|password|signature/i
/** Names that match the pattern above but carry nothing secret, and help when reading logs. */
const HARMLESS_HEADERS = new Set(['idempotency-key'])

/** A plain copy of `headers` with credentials replaced by `[redacted]`: by a deny-pattern, not a fixed list. */
export function redactHeaders(headers: Headers): Record<string, string> {
  const result: Record<string, string> = {}
  headers.forEach((value, name) => {
    result[name] = SENSITIVE_HEADER.test(name) && !HARMLESS_HEADERS.has(name) ? REDACTED : value
  })
  return result
}

/** Server text for a one-line field (a request id, a code): cleaned, and `undefined` when nothing is left. */
export function serverLine(text: string | null | undefined, secrets: readonly string[]): string | undefined {
  return text ? cleanServerText(text, secrets, { singleLine: true }) || undefined : undefined
}
