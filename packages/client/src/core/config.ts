import { DEFAULT_BASE_URL } from '@cc/schema'
import { z } from 'zod'
import { ValidationError } from './errors.js'
import { describeFieldErrors, toFieldErrors } from './issues.js'
import { isLogLevel, LevelLogger, LOG_LEVELS, type Logger } from './logger.js'
import { DEFAULT_BACKOFF } from './retry.js'
import type { FetchFunction } from './transport.js'

/** setTimeout's limit: longer delays fire at once. */
const MAX_TIMER = 2_147_483_647

const milliseconds = (min: number, rule: string) =>
  z.number().int('must be a whole number of milliseconds').min(min, rule).max(MAX_TIMER)

const LOOPBACK = /^(localhost|[^.]+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i

const isFunction = (value: unknown) => typeof value === 'function'

/** The options of `createClient`. Each has an environment or built-in default. */
export const ClientOptionsSchema = z.strictObject({
  /** API key (`ccmd_live_…`). Default: `CC_API_KEY`. Required one way or the other. */
  apiKey: z
    .string()
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII with no spaces or line breaks (check for a stray newline)')
    .optional(),
  /** Default: `CC_BASE_URL`, else `https://api.clientcommander.com/v1`. `http:` only for loopback hosts. */
  baseUrl: z.string().optional(),
  /** Milliseconds per attempt, reading the body included. Default 30 000. */
  timeout: milliseconds(1, 'must be at least 1 ms').optional(),
  /** Retries after the first attempt. `0` means exactly one attempt. Default 2. */
  maxRetries: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(10, 'must be at most 10')
    .optional(),
  /** The longest server-requested wait (`Retry-After`) the client sleeps through, in ms. Default 60 000. */
  maxRetryAfter: milliseconds(0, 'must be 0 or more').optional(),
  /** A web-standard `fetch`: e.g. `sandbox.fetch` to run in-process, or one with a proxy dispatcher. */
  fetch: z.custom<FetchFunction>(isFunction, 'must be a function').optional(),
  /** Where log lines go. Default: `console`. */
  logger: z
    .custom<Logger>(
      (value) =>
        typeof value === 'object' &&
        value !== null &&
        ['error', 'warn', 'info', 'debug'].every((level) => isFunction((value as Record<string, unknown>)[level])),
      'must have error, warn, info and debug methods',
    )
    .optional(),
  /** Default: `CC_LOG`, else `warn`. `info` logs one line per attempt, `debug` adds headers (redacted). */
  logLevel: z.enum(LOG_LEVELS).optional(),
  /** Response validation: throw (`strict`), log a warning (`warn`, the default) or skip (`off`). */
  validate: z.enum(['strict', 'warn', 'off']).optional(),
  /** Headers sent with every request. `Authorization` is the client's own and cannot be set here. */
  headers: z.record(z.string(), z.string()).optional(),
  /** Exponential backoff between retries. Default `{ initialDelay: 500, maxDelay: 8000 }`. */
  backoff: z
    .strictObject({
      initialDelay: milliseconds(0, 'must be 0 or more').optional(),
      maxDelay: milliseconds(0, 'must be 0 or more').optional(),
    })
    .optional(),
})
export type ClientOptions = z.input<typeof ClientOptionsSchema>

export type ValidateMode = 'strict' | 'warn' | 'off'

/** Options every call takes. They override the client's for that call only. */
export const RequestOptionsSchema = z.object({
  /** Aborts the call at any stage: waiting, sending, reading, or between retries. */
  signal: z.custom<AbortSignal>((value) => value instanceof AbortSignal, 'must be an AbortSignal').optional(),
  /** Milliseconds per attempt, reading the body included. */
  timeout: ClientOptionsSchema.shape.timeout,
  /** Retries after the first attempt; `0` means one attempt. */
  maxRetries: ClientOptionsSchema.shape.maxRetries,
  /** Extra headers for this call. `Authorization` cannot be set here. */
  headers: ClientOptionsSchema.shape.headers.refine(
    (headers) => !Object.keys(headers ?? {}).some((name) => name.toLowerCase() === 'authorization'),
    'must not set Authorization: pass `apiKey` to the client instead',
  ),
})
export type RequestOptions = z.input<typeof RequestOptionsSchema>

/** Everything the request lifecycle needs, checked and defaulted. */
export interface ResolvedConfig {
  apiKey: string
  baseUrl: string
  timeout: number
  maxRetries: number
  maxRetryAfter: number
  /** `undefined`: the platform's `fetch`. */
  fetch: FetchFunction | undefined
  logger: LevelLogger
  validate: ValidateMode
  headers: Record<string, string>
  backoff: { initialDelay: number; maxDelay: number }
}

type Env = Record<string, string | undefined>

function readEnv(env: Env, name: string): string | undefined {
  const value = env[name]?.trim()
  return value ? value : undefined
}

function invalid(fieldErrors: Record<string, string>, issues: z.core.$ZodIssue[] = []): ValidationError {
  return new ValidationError(`Invalid client options: ${describeFieldErrors(fieldErrors)}`, issues, fieldErrors)
}

/** Why `url` may not be a base URL, or `undefined` when it is fine. */
export function baseUrlProblem(url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'must be an absolute URL like https://api.clientcommander.com/v1'
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'must use https:'
  if (parsed.protocol === 'http:' && !LOOPBACK.test(parsed.hostname)) {
    return 'must use https: (http: is allowed only for localhost, 127.0.0.1 and [::1]: the API key would travel in clear text)'
  }
  if (parsed.username || parsed.password) return 'must not contain a user name or password'
  if (parsed.search || parsed.hash) return 'must not have a query string or fragment'
  return undefined
}

/** Checks the options, fills in environment and built-in defaults. Throws `ValidationError` naming each option. */
export function resolveConfig(options: ClientOptions = {}, env: Env = globalThis.process?.env ?? {}): ResolvedConfig {
  const parsed = ClientOptionsSchema.safeParse(options)
  if (!parsed.success) throw invalid(toFieldErrors(parsed.error.issues), parsed.error.issues)
  const o = parsed.data

  const envLevel = readEnv(env, 'CC_LOG')
  const level = o.logLevel ?? (isLogLevel(envLevel) ? envLevel : 'warn')
  const apiKey = o.apiKey ?? readEnv(env, 'CC_API_KEY')
  const logger = new LevelLogger(level, o.logger, apiKey ? [apiKey] : [])
  if (envLevel !== undefined && o.logLevel === undefined && !isLogLevel(envLevel)) {
    logger.warn(`CC_LOG=${JSON.stringify(envLevel)} is not a log level (${LOG_LEVELS.join(', ')}); using warn`)
  }

  if (apiKey === undefined) {
    throw invalid({
      apiKey: 'apiKey: missing: pass `apiKey` to createClient() or set the CC_API_KEY environment variable',
    })
  }
  const keyCheck = ClientOptionsSchema.shape.apiKey.safeParse(apiKey)
  if (!keyCheck.success) throw invalid({ apiKey: `apiKey (from CC_API_KEY): ${keyCheck.error.issues[0]?.message}` })

  const baseUrl = (o.baseUrl ?? readEnv(env, 'CC_BASE_URL') ?? DEFAULT_BASE_URL).replace(/\/+$/, '')
  const urlProblem = baseUrlProblem(baseUrl)
  if (urlProblem)
    throw invalid({ baseUrl: `baseUrl${o.baseUrl === undefined ? ' (from CC_BASE_URL)' : ''}: ${urlProblem}` })

  const headers = o.headers ?? {}
  if (Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')) {
    throw invalid({ headers: 'headers: must not set Authorization: pass `apiKey` instead' })
  }
  try {
    new Headers(headers)
  } catch {
    throw invalid({ headers: 'headers: must be valid HTTP header names and values' })
  }

  return {
    apiKey,
    baseUrl,
    timeout: o.timeout ?? 30_000,
    maxRetries: o.maxRetries ?? 2,
    maxRetryAfter: o.maxRetryAfter ?? 60_000,
    fetch: o.fetch,
    logger,
    validate: o.validate ?? 'warn',
    headers,
    backoff: {
      initialDelay: o.backoff?.initialDelay ?? DEFAULT_BACKOFF.initialDelay,
      maxDelay: o.backoff?.maxDelay ?? DEFAULT_BACKOFF.maxDelay,
    },
  }
}
