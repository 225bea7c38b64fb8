import { type ApiIssue, fieldKey } from '@cc/schema'
import type * as core from 'zod/v4/core'
import { sanitizeTerminalText } from './untrusted-text.js'

const inspectCustom = Symbol.for('nodejs.util.inspect.custom')

type Inspect = (value: unknown, options?: object) => string

/**
 * The base of every error the client throws. Its own `toJSON` and `util.inspect` output show
 * only the fields below: no request, no headers that were sent, so no API key. Its message is one line with no
 * control or escape sequence, whatever server text went into it.
 */
export class CcError extends Error {
  override name = 'CcError'

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(
      sanitizeTerminalText(message, { singleLine: true }),
      options.cause === undefined ? undefined : { cause: options.cause },
    )
  }

  /** The fields `toJSON` and `util.inspect` show besides name and message. */
  protected details(): Record<string, unknown> {
    return {}
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, ...this.details() }
  }

  [inspectCustom](_depth: number, options: { depth?: number | null }, inspect: Inspect): string {
    const details = this.details()
    const head = this.stack ?? `${this.name}: ${this.message}`
    if (Object.keys(details).length === 0) return head
    // Stryker disable next-line ConditionalExpression: util.inspect passes a depth; a depth of NaN, like undefined, sets no limit
    const depth = options.depth === null || options.depth === undefined ? options.depth : options.depth - 1
    return `${head} ${inspect(details, { ...options, depth })}`
  }
}

/** One problem with one input field, keyed like `fieldErrors` (`tags.3`, `*` for the whole input). */
export type FieldErrors = Record<string, string>

/** The input of a call (or a client option) is invalid. Nothing was sent. */
export class ValidationError extends CcError {
  override name = 'ValidationError'
  /** The zod issues, paths relative to the argument they describe. */
  readonly issues: readonly core.$ZodIssue[]
  /** `{ field: message }`, the key the dotted path (`tags.3`), whole-input issues under `*`. */
  readonly fieldErrors: FieldErrors

  constructor(message: string, issues: readonly core.$ZodIssue[], fieldErrors: FieldErrors) {
    super(message)
    this.issues = issues
    this.fieldErrors = fieldErrors
  }

  protected override details(): Record<string, unknown> {
    return { fieldErrors: this.fieldErrors }
  }
}

/** Where a request failed: enough to find it in logs, never a header or a body that was sent. */
export interface RequestContext {
  /** HTTP method, e.g. `PUT`. */
  method: string
  /** Path below the base URL, e.g. `/people/jd79abc123def` (no query string). */
  path: string
  /** How many HTTP attempts were made, retries included (0 when none was). */
  attempts: number
}

/** What a `RequestError` is built from. */
export interface RequestErrorInit extends RequestContext {
  /** The request id from the response (`X-Request-Id` or `meta.requestId`), when there was a response. */
  requestId?: string | undefined
  cause?: unknown
}

/** What the location in a message names besides method and path. */
type LocationDetail = 'attempt' | 'requestId' | 'none'

/**
 * The base of the errors that belong to one request: its method, path, attempts and request id, and the one
 * place that words where it happened, `(PUT /people/jd79abc123def, request 3c90…)`.
 */
export class RequestError extends CcError {
  override name = 'RequestError'
  /** HTTP method, e.g. `PUT`. */
  readonly method: string
  /** Path below the base URL, e.g. `/people/jd79abc123def` (no query string). */
  readonly path: string
  /** How many HTTP attempts were made, retries included. */
  readonly attempts: number
  /** The request id from the response (`X-Request-Id` or `meta.requestId`), when there was a response. */
  readonly requestId: string | undefined

  /** `summary (PUT /people/jd79abc123def, …)`, where `detail` says what follows method and path. */
  constructor(summary: string, init: RequestErrorInit, detail: LocationDetail) {
    super(`${summary} (${location(init, detail)})`, { cause: init.cause })
    this.method = init.method
    this.path = init.path
    this.attempts = init.attempts
    this.requestId = init.requestId
  }

  protected override details(): Record<string, unknown> {
    const where = { method: this.method, path: this.path, attempts: this.attempts }
    return this.requestId === undefined ? where : { requestId: this.requestId, ...where }
  }
}

/** `PUT /people/jd79abc123def`, then `, attempt 2` or `, request 3c90…` as `detail` asks. */
function location(init: RequestErrorInit, detail: LocationDetail): string {
  const where = `${init.method} ${init.path}`
  if (detail === 'attempt') return `${where}, attempt ${init.attempts}`
  if (detail === 'requestId' && init.requestId) return `${where}, request ${init.requestId}`
  return where
}

/** What an `ApiError` is built from. */
export interface ApiErrorInit extends RequestContext {
  status: number
  code: string | undefined
  /** The server's own message, when its body had one. */
  serverMessage: string | undefined
  requestId: string | undefined
  /** The error body: parsed JSON, text, or `undefined` when empty. */
  body: unknown
  /** Response headers, sensitive ones redacted. */
  headers: Record<string, string>
  issues?: ApiIssue[] | undefined
  /** Milliseconds the server asked us to wait (`retry-after-ms` / `Retry-After`). */
  retryAfter?: number | undefined
}

/** The API answered with an error status. Subclasses name the common statuses. */
export class ApiError extends RequestError {
  override name = 'ApiError'
  readonly status: number
  /** The machine-readable code from the body, e.g. `not_found`. */
  readonly code: string | undefined
  readonly body: unknown
  /** Response headers, sensitive ones redacted. */
  readonly headers: Record<string, string>

  constructor(init: ApiErrorInit) {
    const what = [init.code, init.serverMessage].filter(Boolean).join(': ') || 'no error details in the response'
    super(`${init.status} ${what}`, init, 'requestId')
    this.status = init.status
    this.code = init.code
    this.body = init.body
    this.headers = init.headers
  }

  protected override details(): Record<string, unknown> {
    return { status: this.status, code: this.code, ...super.details(), body: this.body }
  }
}

export class BadRequestError extends ApiError {
  override name = 'BadRequestError'
}
export class AuthenticationError extends ApiError {
  override name = 'AuthenticationError'
}
export class PermissionDeniedError extends ApiError {
  override name = 'PermissionDeniedError'
}
export class NotFoundError extends ApiError {
  override name = 'NotFoundError'
}
export class ConflictError extends ApiError {
  override name = 'ConflictError'
}

/** 422: the server rejected fields of the request. */
export class UnprocessableEntityError extends ApiError {
  override name = 'UnprocessableEntityError'
  /** One issue per offending field, as the server sent them. */
  readonly issues: ApiIssue[]
  /** The same issues as `{ 'tags.3': message }`. */
  readonly fieldErrors: FieldErrors

  constructor(init: ApiErrorInit) {
    super(init)
    this.issues = init.issues ?? []
    // The server's own words, keyed like `fieldErrors`; the first issue of a field wins.
    this.fieldErrors = Object.fromEntries(
      this.issues.toReversed().map((issue) => [fieldKey(issue.path), issue.message]),
    )
  }

  protected override details(): Record<string, unknown> {
    return { ...super.details(), fieldErrors: this.fieldErrors }
  }
}

/** 429: too many requests. Thrown once retries are used up, or at once when the wait is over `maxRetryAfter`. */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError'
  /** How long the server asked us to wait, in milliseconds, when it said. */
  readonly retryAfter: number | undefined

  constructor(init: ApiErrorInit) {
    super(init)
    this.retryAfter = init.retryAfter
  }

  protected override details(): Record<string, unknown> {
    return { ...super.details(), retryAfter: this.retryAfter }
  }
}

/** 500 and above. */
export class InternalServerError extends ApiError {
  override name = 'InternalServerError'
}

/** The request failed in the network: refused, reset, DNS, TLS. It may or may not have reached the server. */
export class ConnectionError extends RequestError {
  override name = 'ConnectionError'

  constructor(message: string, context: RequestContext, cause: unknown) {
    super(message, { ...context, cause }, 'attempt')
  }

  protected override details(): Record<string, unknown> {
    return { ...super.details(), cause: this.cause }
  }
}

/** An attempt took longer than `timeout` (headers and body included). */
export class TimeoutError extends RequestError {
  override name = 'TimeoutError'
  /** The per-attempt timeout in milliseconds. */
  readonly timeout: number

  constructor(timeout: number, context: RequestContext) {
    super(`Request timed out after ${timeout} ms`, context, 'attempt')
    this.timeout = timeout
  }

  protected override details(): Record<string, unknown> {
    return { ...super.details(), timeout: this.timeout }
  }
}

/** The caller's `signal` aborted the call. `cause` is the signal's reason. */
export class AbortError extends RequestError {
  override name = 'AbortError'

  constructor(context: RequestContext, reason: unknown) {
    super(
      'Request aborted by the caller',
      { ...context, cause: reason },
      // Stryker disable next-line StringLiteral: location() names neither attempt nor request id for any other detail
      'none',
    )
  }
}

/** A response body was larger than `maxResponseBytes`: the rest was not read, and the call is not retried. */
export class ResponseTooLargeError extends RequestError {
  override name = 'ResponseTooLargeError'
  readonly status: number
  /** The limit in bytes (`maxResponseBytes`). */
  readonly limit: number

  constructor(limit: number, init: RequestErrorInit & { status: number }) {
    super(`The response is larger than maxResponseBytes (${limit} bytes); the rest was not read`, init, 'requestId')
    this.status = init.status
    this.limit = limit
  }

  protected override details(): Record<string, unknown> {
    return { status: this.status, ...super.details(), limit: this.limit }
  }
}

/** A successful response did not match the contract (with `validate: 'strict'`, or a body that is not JSON). */
export class ResponseValidationError extends RequestError {
  override name = 'ResponseValidationError'
  readonly status: number
  /** The zod issues, paths into the response body. */
  readonly issues: readonly core.$ZodIssue[]

  constructor(message: string, init: RequestErrorInit & { status: number; issues: readonly core.$ZodIssue[] }) {
    super(message, init, 'requestId')
    this.status = init.status
    this.issues = init.issues
  }

  protected override details(): Record<string, unknown> {
    return {
      status: this.status,
      ...super.details(),
      issues: this.issues.map((issue) => ({ path: issue.path, message: issue.message })),
    }
  }
}
