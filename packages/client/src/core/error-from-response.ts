import { type ClientErrorName, errorCodes, parseErrorBody } from '@cc/schema'
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
import { redactHeaders, scrubSecrets } from './logger.js'
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

/** JSON when it parses, else the text itself; `undefined` when empty. Never throws. */
function lenientBody(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/**
 * The `ApiError` subclass for an error response. The body may be JSON of any shape, HTML or empty; any secret
 * it echoes back (a proxy that prints the request, say) is removed before it reaches a message or a field.
 */
export function errorFromResponse(
  response: Response,
  text: string,
  context: RequestContext,
  secrets: readonly string[],
): ApiError {
  const body = lenientBody(scrubSecrets(text, secrets))
  const parsed = parseErrorBody(body)
  const init: ApiErrorInit = {
    ...context,
    status: response.status,
    code: parsed.code,
    serverMessage: parsed.message ?? (response.statusText || undefined),
    requestId: response.headers.get('x-request-id') ?? parsed.requestId,
    body,
    headers: Object.fromEntries(
      Object.entries(redactHeaders(response.headers)).map(([name, value]) => [name, scrubSecrets(value, secrets)]),
    ),
    issues: parsed.issues,
    retryAfter: parseRetryAfter(response.headers),
  }
  const ErrorClass = byStatus.get(response.status) ?? (response.status >= 500 ? InternalServerError : ApiError)
  return new ErrorClass(init)
}
