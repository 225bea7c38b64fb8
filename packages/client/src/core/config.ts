import type { RuleSet } from '@cc/schema'
import {
  DEFAULT_BASE_URL,
  type FieldErrorOptions,
  fieldErrors,
  messages,
  summarizeFieldErrors,
  worded,
} from '@cc/schema'
import * as z from 'zod'
import { isRunningInBrowser } from './browser.js'
import { type FieldErrors, ValidationError } from './errors.js'
import { isLogLevel, LevelLogger, LOG_LEVELS, type Logger } from './logger.js'
import { DEFAULT_BACKOFF } from './retry.js'
import type { FetchFunction } from './transport.js'
import { DEFAULT_VALIDATION, resolveValidation, type ValidateMode, ValidateOptionSchema } from './validate-option.js'

/** setTimeout's limit: longer delays fire at once. */
const MAX_TIMER = 2_147_483_647

const milliseconds = (min: number, rule: typeof worded | string) =>
  z.number(worded).int(messages.wholeNumberOf('milliseconds')).min(min, rule).max(MAX_TIMER, worded)

/**
 * Hosts that plain `http:` may reach: `localhost`, `127.0.0.0/8` and `[::1]` (the URL parser has already turned
 * `0x7f.1` and `[0:0::1]` into these forms). Not `*.localhost`: some resolvers send those names to DNS.
 */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i

/** 10 MiB: far above any page of contacts, far below what would exhaust memory. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024

const isFunction = (value: unknown) => typeof value === 'function'

/** The options of `createClient`. Each has an environment or built-in default. */
const ClientOptionsSchema = z.strictObject(
  {
    /** API key (`ccmd_live_…`). Default: `CC_API_KEY`. Required one way or the other. */
    apiKey: z
      .string(worded)
      // A header value, like any: what `fetch` sends unchanged.
      .regex(/^[\x21-\x7e]+$/, `${messages.headerToken} or line breaks (check for a stray newline)`)
      .optional(),
    /** Default: `CC_BASE_URL`, else `https://api.clientcommander.com/v1`. `http:` only for loopback hosts. */
    baseUrl: z.string(worded).optional(),
    /** Milliseconds per attempt, reading the body included. Default 30 000. */
    timeout: milliseconds(1, messages.atLeast(1, 'ms')).optional(),
    /** Retries after the first attempt. `0` means exactly one attempt. Default 2. */
    maxRetries: z.number(worded).int(worded).min(0, worded).max(10, worded).optional(),
    /** The longest server-requested wait (`Retry-After`) the client sleeps through, in ms. Default 60 000. */
    maxRetryAfter: milliseconds(0, worded).optional(),
    /** A web-standard `fetch`: e.g. `sandbox.fetch` to run in-process, or one with a proxy dispatcher. */
    fetch: z.custom<FetchFunction>(isFunction, messages.type('function')).optional(),
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
    logLevel: z.enum(LOG_LEVELS, worded).optional(),
    /**
     * What is validated. A string sets response validation: throw (`strict`), log a warning (`warn`, the default)
     * or skip (`off`). An object sets either part: `{ request?: true | 'documented' | false, response? }`, where
     * `request: true` (the default) checks the rules of `@cc/schema`, `'documented'` only what the API docs state,
     * and `false` sends the input as given.
     */
    validate: ValidateOptionSchema.optional(),
    /** Headers sent with every request. `Authorization` is the client's own and cannot be set here. */
    headers: z.record(z.string(worded), z.string(worded), worded).optional(),
    /** The largest response body read, in bytes; a larger one fails with `ResponseTooLargeError`. Default 10 MiB. */
    maxResponseBytes: z.number(worded).int(worded).min(1, worded).max(Number.MAX_SAFE_INTEGER, worded).optional(),
    /**
     * Lets the client start in a browser, where the API key is readable by anyone who opens the page. Only for a
     * key that may be public (a demo sandbox's, say): otherwise call the API from a server. Default `false`.
     */
    dangerouslyAllowBrowser: z.boolean(worded).optional(),
    /** Exponential backoff between retries. Default `{ initialDelay: 500, maxDelay: 8000 }`. */
    backoff: z
      .strictObject(
        { initialDelay: milliseconds(0, worded).optional(), maxDelay: milliseconds(0, worded).optional() },
        worded,
      )
      .optional(),
  },
  worded,
)
export type ClientOptions = z.input<typeof ClientOptionsSchema>

const NO_AUTHORIZATION = 'must not set Authorization: pass `apiKey` to the client instead'

/** Headers of one call: valid names and values (checked later, with `Headers`), never Authorization. */
const callHeaders = ClientOptionsSchema.shape.headers.refine(
  (headers) => !Object.keys(headers ?? {}).some((name) => name.toLowerCase() === 'authorization'),
  NO_AUTHORIZATION,
)

/** Options every call takes. They override the client's for that call only. */
export const RequestOptionsSchema = z.object(
  {
    /** Aborts the call at any stage: waiting, sending, reading, or between retries. */
    signal: z.custom<AbortSignal>((value) => value instanceof AbortSignal, 'must be an AbortSignal').optional(),
    /** Milliseconds per attempt, reading the body included. */
    timeout: ClientOptionsSchema.shape.timeout,
    /** Retries after the first attempt; `0` means one attempt. */
    maxRetries: ClientOptionsSchema.shape.maxRetries,
    /** The largest response body read for this call, in bytes. */
    maxResponseBytes: ClientOptionsSchema.shape.maxResponseBytes,
    /**
     * Headers for this call, over the client's. The client's own (`Accept`, `Content-Type`, `Idempotency-Key`) win
     * over these; `Authorization` cannot be set.
     */
    headers: callHeaders,
    /** What is validated for this call, over the client's `validate` (the parts it sets). */
    validate: ValidateOptionSchema.optional(),
    /**
     * Fields added to the JSON body after validation, sent as given (they replace fields of the same name): for
     * fields the API takes and the docs do not list. Only for calls that send a body.
     */
    extraBody: z.record(z.string(worded), z.unknown(), worded).optional(),
    /** Query parameters added after validation, sent as given (they replace parameters of the same name). */
    extraQuery: z
      .record(
        z.string(worded),
        z.union([z.string(), z.number(), z.boolean()], { error: 'must be text, a number or true or false' }),
        worded,
      )
      .optional(),
    /**
     * Headers sent exactly as given, after the client's own (they replace `Accept`, `Content-Type` or
     * `Idempotency-Key`). `Authorization` cannot be set.
     */
    extraHeaders: callHeaders,
  },
  worded,
)
export type RequestOptions = z.input<typeof RequestOptionsSchema>

/** Everything the request lifecycle needs, checked and defaulted. */
export interface ResolvedConfig {
  apiKey: string
  baseUrl: string
  timeout: number
  maxRetries: number
  maxRetryAfter: number
  maxResponseBytes: number
  /** `undefined`: the platform's `fetch`. */
  fetch: FetchFunction | undefined
  logger: LevelLogger
  /** Response validation, unless a call says otherwise. */
  validate: ValidateMode
  /** The rule set requests are checked with (`false`: none), unless a call says otherwise. */
  validateRequest: RuleSet | false
  headers: Record<string, string>
  backoff: { initialDelay: number; maxDelay: number }
}

type Env = Record<string, string | undefined>

/**
 * A variable's trimmed value, `undefined` when unset, empty or unreadable. Without `env`, `process.env`: where there
 * is no `process` (browsers, workerd without `nodejs_compat`) reading it throws, and Deno without `--allow-env`
 * throws `NotCapable` on every read; a client that was given its options needs no environment.
 */
function readEnv(env: Env | undefined, name: string): string | undefined {
  let value: unknown
  try {
    value = (env ?? globalThis.process.env)[name]
  } catch {
    // Unreadable: not set.
  }
  const trimmed = typeof value === 'string' ? value.trim() : ''
  return trimmed ? trimmed : undefined
}

/** `url` without its trailing slashes. A loop rather than `/\/+$/`, which backtracks on every slash inside a URL. */
function trimTrailingSlashes(url: string): string {
  let end = url.length
  // Before the first character, charCodeAt gives NaN: the loop stops there.
  while (url.charCodeAt(end - 1) === 0x2f) end--
  return url.slice(0, end)
}

/** `{ name: 'name: problem' }`, worded as `fieldErrors` words a schema's problems; `label` names where it came from. */
export function optionError(name: string, problem: string, label = name): FieldErrors {
  return fieldErrors([{ path: [name], message: problem }], { labels: { [name]: label } })
}

/** Client options are named as they are written: no labels. */
const OPTION_NAMES: FieldErrorOptions = { labels: {} }

/** `fieldErrors` of options that break their schema. */
export const optionErrors = (issues: readonly z.core.$ZodIssue[]): FieldErrors => fieldErrors(issues, OPTION_NAMES)

export const INVALID_HEADERS = 'must be valid HTTP header names and values'

/** Why a browser is refused, said on the option that allows it. */
const BROWSER_REFUSED =
  'must be true to run in a browser, where the API key is readable by anyone who opens the page: call the API ' +
  'from your server (or a proxy that adds the key) instead, or pass `dangerouslyAllowBrowser: true` if the key ' +
  'may be public'

function invalid(errors: FieldErrors, issues: z.core.$ZodIssue[] = []): ValidationError {
  return new ValidationError(`Invalid client options: ${summarizeFieldErrors(errors)}`, issues, errors)
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

/** The two parts of the client's `validate`, defaults filled in. */
function validation(option: ClientOptions['validate']): Pick<ResolvedConfig, 'validate' | 'validateRequest'> {
  const { request, response } = resolveValidation(DEFAULT_VALIDATION, option)
  return { validate: response, validateRequest: request }
}

/**
 * Checks the options, fills in environment (`env`, else `process.env`) and built-in defaults. Throws
 * `ValidationError` naming each option.
 */
export function resolveConfig(options: ClientOptions = {}, env?: Env): ResolvedConfig {
  const parsed = ClientOptionsSchema.safeParse(options)
  if (!parsed.success) throw invalid(optionErrors(parsed.error.issues), parsed.error.issues)
  const o = parsed.data
  if (o.dangerouslyAllowBrowser !== true && isRunningInBrowser()) {
    throw invalid(optionError('dangerouslyAllowBrowser', BROWSER_REFUSED))
  }

  const envLevel = readEnv(env, 'CC_LOG')
  const level = o.logLevel ?? (isLogLevel(envLevel) ? envLevel : 'warn')
  const apiKey = o.apiKey ?? readEnv(env, 'CC_API_KEY')
  // Stryker disable next-line ArrayDeclaration: without a key the client is refused a few lines below: this logger writes at most the CC_LOG warning
  const logger = new LevelLogger(level, o.logger, apiKey ? [apiKey] : [])
  if (envLevel !== undefined && o.logLevel === undefined && !isLogLevel(envLevel)) {
    logger.warn(`CC_LOG=${JSON.stringify(envLevel)} is not a log level (${LOG_LEVELS.join(', ')}); using warn`)
  }

  if (apiKey === undefined) {
    throw invalid(
      optionError('apiKey', 'missing: pass `apiKey` to createClient() or set the CC_API_KEY environment variable'),
    )
  }
  const keyCheck = ClientOptionsSchema.shape.apiKey.safeParse(apiKey)
  if (!keyCheck.success) {
    // Stryker disable next-line OptionalChaining,StringLiteral: a failed parse has at least one issue
    throw invalid(optionError('apiKey', keyCheck.error.issues[0]?.message ?? '', 'apiKey (from CC_API_KEY)'))
  }

  const baseUrl = trimTrailingSlashes(o.baseUrl ?? readEnv(env, 'CC_BASE_URL') ?? DEFAULT_BASE_URL)
  const urlProblem = baseUrlProblem(baseUrl)
  if (urlProblem) {
    throw invalid(
      optionError('baseUrl', urlProblem, o.baseUrl === undefined ? 'baseUrl (from CC_BASE_URL)' : 'baseUrl'),
    )
  }

  const headers = o.headers ?? {}
  if (Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')) {
    throw invalid(optionError('headers', 'must not set Authorization: pass `apiKey` instead'))
  }
  try {
    new Headers(headers)
  } catch {
    throw invalid(optionError('headers', INVALID_HEADERS))
  }

  return {
    apiKey,
    baseUrl,
    timeout: o.timeout ?? 30_000,
    maxRetries: o.maxRetries ?? 2,
    maxRetryAfter: o.maxRetryAfter ?? 60_000,
    maxResponseBytes: o.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    fetch: o.fetch,
    logger,
    ...validation(o.validate),
    headers,
    backoff: {
      initialDelay: o.backoff?.initialDelay ?? DEFAULT_BACKOFF.initialDelay,
      maxDelay: o.backoff?.maxDelay ?? DEFAULT_BACKOFF.maxDelay,
    },
  }
}
