import { type ApiIssue, type ClientErrorName, ERROR_TEXT_MAX_CHARS, errorCodes, parseErrorBody } from '@cc/schema'
import {
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  type RequestContext,
  UnprocessableEntityError,
} from './errors.js'
import { cleanServerText, redactHeaders, scrubSecrets, serverLine } from './logger.js'
import { parseRetryAfter } from './retry.js'

type ErrorClass = new (init: ApiErrorInit) => ApiError

/** The classes `errorCodes` names. */
const errorClasses: Record<ClientErrorName, ErrorClass> = {
  ApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
}

/** Status → class, as the table of error codes in `@cc/schema` gives them. */
const byStatus = new Map<number, ErrorClass>(
  Object.values(errorCodes).map(({ status, clientError }) => [status, errorClasses[clientError]]),
)

/** How deep a parsed error body is kept; deeper values are replaced (and the walk below stays shallow). */
const MAX_BODY_DEPTH = 32
/** A redirect target is named up to this many characters. */
const MAX_LOCATION = 200

/** What an error response is read with. */
export interface ErrorSource {
  context: RequestContext
  /** Removed from everything the server sent: the API key. */
  secrets: readonly string[]
  /** The request's URL, that a relative `Location` resolves against. */
  url: string
  /** Whether `text` is only the start of the body (it was longer than `ERROR_TEXT_MAX_CHARS`). */
  truncated: boolean
}

type Clean = (text: string, singleLine?: boolean) => string

/**
 * The `ApiError` subclass for an error response. The body may be JSON of any shape, HTML or empty. Everything
 * the server sent is untrusted: the body is capped before it is parsed, and every string in it, every header
 * value and the status text lose their control and escape sequences and any secret they echo back (a proxy that
 * prints the request, say), before any of it reaches a message or a field. A redirect is named, never followed.
 */
export function errorFromResponse(response: Response, text: string, source: ErrorSource): ApiError {
  const { context, secrets } = source
  const clean: Clean = (value, singleLine = false) => cleanServerText(value, secrets, { singleLine })
  const line = (value: string | null | undefined) => serverLine(value, secrets)
  const redirect = redirectOf(response, source.url, clean)

  const cut = source.truncated || text.length > ERROR_TEXT_MAX_CHARS
  const scrubbed = scrubSecrets(cut ? text.slice(0, ERROR_TEXT_MAX_CHARS) : text, secrets)
  const capped = cut ? withoutPartialSecret(scrubbed, secrets) : scrubbed
  // The body of a redirect only repeats the Location, credentials and all: it is not kept.
  const body = redirect ? undefined : cleanBody(lenientBody(capped), clean, 0)
  const parsed = parseErrorBody(body)

  const headers = cleanHeaders(response.headers, secrets)
  if (redirect?.location) headers.location = redirect.location
  else if (redirect) delete headers.location

  const init: ApiErrorInit = {
    ...context,
    status: response.status,
    code: line(parsed.code),
    serverMessage: redirect?.message ?? line(parsed.message) ?? line(response.statusText),
    // The documented `meta.requestId` first; a proxy's `X-Request-Id` only when the body has none.
    requestId: line(parsed.requestId) ?? line(response.headers.get('x-request-id')),
    body,
    headers,
    issues: parsed.issues?.map((issue) => cleanIssue(issue, clean)),
    retryAfter: parseRetryAfter(response.headers),
  }
  // Stryker disable next-line EqualityOperator: 500 itself is in the table of error codes
  const ErrorClass = byStatus.get(response.status) ?? (response.status >= 500 ? InternalServerError : ApiError)
  return new ErrorClass(init)
}

/** Response headers for an error: credentials redacted, every value cleaned of control sequences and secrets. */
export function cleanHeaders(headers: Headers, secrets: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(redactHeaders(headers)).map(([name, value]) => [
      name,
      cleanServerText(value, secrets, { singleLine: true }),
    ]),
  )
}

/** JSON when it parses, else the text itself; `undefined` when empty. Never throws. */
function lenientBody(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** A parsed body with every string (keys included) cleaned. Parsing decoded JSON escapes: `\u0063cmd…` is a key now. */
function cleanBody(value: unknown, clean: Clean, depth: number): unknown {
  if (typeof value === 'string') return clean(value)
  if (value === null || typeof value !== 'object') return value
  if (depth >= MAX_BODY_DEPTH) return '[nested too deep]'
  if (Array.isArray(value)) return value.map((item) => cleanBody(item, clean, depth + 1))
  // fromEntries defines own properties: a key "__proto__" stays a key.
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [clean(key, true), cleanBody(item, clean, depth + 1)]),
  )
}

function cleanIssue(issue: ApiIssue, clean: Clean): ApiIssue {
  const path = issue.path.map((part) => (typeof part === 'string' ? clean(part, true) : part))
  return { ...issue, path, message: clean(issue.message, true) }
}

/** A body cut short may end in the first characters of a secret whose rest was not read: they go too. */
function withoutPartialSecret(text: string, secrets: readonly string[]): string {
  for (const secret of secrets) {
    // Stryker disable next-line MethodExpression,ArithmeticOperator,EqualityOperator: longer prefixes than the text, or the whole key (scrubbed already), never match; the empty prefix cuts nothing
    for (let length = Math.min(secret.length - 1, text.length); length > 0; length--) {
      if (text.endsWith(secret.slice(0, length))) return text.slice(0, text.length - length)
    }
  }
  return text
}

/**
 * What a redirect says, when the response is one: a 3xx with a `Location`, or a browser's opaque redirect.
 * The target is named by origin and path only: a user name, password, query or fragment in it may be a credential.
 */
function redirectOf(response: Response, url: string, clean: Clean): { message: string; location?: string } | undefined {
  if (response.type === 'opaqueredirect')
    return { message: 'redirect not followed (the browser does not say where to)' }
  const header = response.headers.get('location')
  // Only an answer that is not ok comes here: under 400, a 3xx.
  if (response.status > 399 || header === null) return undefined
  let target: URL
  try {
    target = new URL(header, url)
  } catch {
    return { message: 'redirect to an invalid Location not followed' }
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    return { message: `redirect to a ${target.protocol} URL not followed` }
  }
  // Stryker disable next-line BooleanLiteral: a parsed URL's origin and path hold no line break or tab (the parser drops or encodes them)
  const whole = clean(`${target.origin}${target.pathname}`, true)
  const location = whole.length > MAX_LOCATION ? `${whole.slice(0, MAX_LOCATION)}…` : whole
  return { message: `redirect to ${location} not followed`, location }
}
