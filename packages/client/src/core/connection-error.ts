import { isNetworkError } from 'ky'
import { ConnectionError, type RequestContext } from './errors.js'
import { cleanServerText } from './logger.js'

type SafeError = Error & { code?: string }

/**
 * A `ConnectionError` for whatever the transport threw, and a short description for the log. ky wraps network
 * failures in an error that holds the `Request` (and its Authorization header): only what the underlying failure
 * says is kept, as plain errors.
 */
export function connectionError(
  error: unknown,
  context: RequestContext,
  secrets: readonly string[],
): { error: ConnectionError; detail: string } {
  const root = isNetworkError(error) ? error.cause : error
  const cause = safeCopy(root, secrets)
  let deepest: SafeError | undefined = cause
  while (deepest?.cause instanceof Error) deepest = deepest.cause as SafeError
  const detail = deepest ? [deepest.code, deepest.message].filter(Boolean).join(' ') : 'unknown error'
  return { error: new ConnectionError(`Connection failed: ${detail}`, context, cause), detail }
}

/**
 * A plain copy of an error chain (name, message, code, cause; four levels at most), secrets scrubbed and on one
 * line: a runtime's message may quote what the server sent (a malformed header, say).
 */
function safeCopy(error: unknown, secrets: readonly string[], depth = 0): SafeError | undefined {
  if (error === undefined || error === null || depth > 3) return undefined
  const source = error as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown }
  const clean = (text: string) => cleanServerText(text, secrets, { singleLine: true })
  const message = typeof source.message === 'string' ? source.message : String(error)
  const cause = safeCopy(source.cause, secrets, depth + 1)
  const copy: SafeError = new Error(clean(message), cause ? { cause } : undefined)
  copy.name = typeof source.name === 'string' ? clean(source.name) : 'Error'
  if (typeof source.code === 'string') copy.code = clean(source.code)
  copy.stack = `${copy.name}: ${copy.message}`
  return copy
}
