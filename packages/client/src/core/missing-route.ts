import type { EndpointName } from '@cc/schema'
import { ApiError, NotFoundError } from './errors.js'

/**
 * Whether `error` is the API's own "not found" (of a contact, a deal…), rather than a route the server does not
 * have: a 404 whose body is the API's error envelope, a `meta` object with a `requestId` and an `error` object
 * whose `code` is `not_found`. Every answer of the API carries `meta.requestId` (the one field the docs mark
 * required), which a proxy's or a framework's "no such route" page does not (ASSUMPTIONS.md#get-person-endpoint).
 */
export function isApiNotFound(error: unknown): error is NotFoundError {
  if (!(error instanceof NotFoundError) || error.status !== 404) return false
  const body = error.body as { meta?: { requestId?: unknown }; error?: { code?: unknown } } | undefined
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof body.meta?.requestId === 'string' &&
    typeof body.error === 'object' &&
    body.error !== null &&
    body.error.code === 'not_found'
  )
}

/**
 * Whether `error` says the server has no route for the call: a 405 or a 501 always; a 404 unless it is the API's
 * own "not found" (`isApiNotFound`): an empty body, a text or HTML page, JSON without `meta.requestId`, another code.
 */
export function isMissingRoute(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false
  if (error.status === 405 || error.status === 501) return true
  return error.status === 404 && !isApiNotFound(error)
}

/**
 * The operations a server turned out not to have, so that their fallback is used at once from then on. One per
 * client, shared by the clients derived from it for the same base URL: a route is the server's, whatever the key.
 */
export class RouteMemory {
  readonly #missing = new Set<EndpointName>()

  isMissing(operation: EndpointName): boolean {
    return this.#missing.has(operation)
  }

  /** Remembers `operation` as missing; `true` the first time, to log it once. */
  markMissing(operation: EndpointName): boolean {
    if (this.#missing.has(operation)) return false
    this.#missing.add(operation)
    return true
  }
}
