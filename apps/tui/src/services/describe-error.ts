import {
  ApiError,
  AuthenticationError,
  ConnectionError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
} from '@cc/client'
import { displayLine } from '../text/sanitize.js'

export interface ErrorDescription {
  /** One sentence a person understands. Never contains the API key (the client's errors never do). */
  message: string
  /** Field messages, for 422s and client-side validation. */
  fieldErrors?: Record<string, string>
  /** The kind of problem, for choosing what to offer. */
  kind: 'auth' | 'forbidden' | 'not-found' | 'invalid' | 'rate-limit' | 'server' | 'network' | 'timeout' | 'other'
}

const withRequest = (text: string, requestId: string | undefined) =>
  requestId ? `${text} (request ${requestId})` : text

/**
 * What went wrong with an API call, in words; every kind of client error has its own sentence. Whatever came from
 * the server (a request id, a 422's field names and messages, a network error's cause) is made safe for a terminal:
 * the description is printed by the scripts and drawn by the editor as it is.
 */
export function describeError(error: unknown): ErrorDescription {
  const described = describeUnsafe(error)
  const fieldErrors = described.fieldErrors
  return {
    ...described,
    message: displayLine(described.message),
    ...(fieldErrors
      ? {
          fieldErrors: Object.fromEntries(
            Object.entries(fieldErrors).map(([field, message]) => [displayLine(field), displayLine(message)]),
          ),
        }
      : {}),
  }
}

function describeUnsafe(error: unknown): ErrorDescription {
  if (error instanceof AuthenticationError) {
    return {
      kind: 'auth',
      message: 'The API key was rejected (401). Check the key, or run `cc-tui login`.',
    }
  }
  if (error instanceof PermissionDeniedError) {
    return {
      kind: 'forbidden',
      message: withRequest('This API key may not do that (403).', error.requestId),
    }
  }
  if (error instanceof NotFoundError) {
    return { kind: 'not-found', message: 'Not found (404): the contact may have been deleted.' }
  }
  if (error instanceof UnprocessableEntityError) {
    return {
      kind: 'invalid',
      fieldErrors: error.fieldErrors,
      message: withRequest('The server rejected some fields (422).', error.requestId),
    }
  }
  if (error instanceof ValidationError) {
    return { kind: 'invalid', fieldErrors: error.fieldErrors, message: error.message }
  }
  if (error instanceof RateLimitError) {
    const wait = error.retryAfter === undefined ? '' : ` Try again in ${Math.ceil(error.retryAfter / 1000)} s.`
    return { kind: 'rate-limit', message: `Too many requests (429).${wait}` }
  }
  if (error instanceof ApiError && error.status >= 500) {
    return {
      kind: 'server',
      message: withRequest(`The server had a problem (${error.status}).`, error.requestId),
    }
  }
  if (error instanceof ApiError) {
    return {
      kind: 'other',
      message: withRequest(`The server said no (${error.status}).`, error.requestId),
    }
  }
  if (error instanceof TimeoutError) {
    return { kind: 'timeout', message: 'The server did not answer in time.' }
  }
  if (error instanceof ConnectionError) {
    const cause = error.cause instanceof Error ? error.cause.message : undefined
    return {
      kind: 'network',
      message: `Could not reach the server${cause ? `: ${cause}` : ''}. Check the network or the base URL.`,
    }
  }
  if (error instanceof ResponseValidationError) {
    return {
      kind: 'other',
      message: withRequest('The server answered in an unexpected shape.', error.requestId),
    }
  }
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) }
}
