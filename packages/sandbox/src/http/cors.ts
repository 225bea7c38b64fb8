import type { ApiRequest } from './exchange.js'

const ALLOW_METHODS = 'GET, HEAD, POST, PUT, DELETE'
const ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key'
/** What a page may read of a response beyond the safelisted headers: what `@cc/client` reads. */
const EXPOSE_HEADERS = [
  'X-Request-Id',
  'Retry-After',
  'retry-after-ms',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'Idempotent-Replayed',
].join(', ')
/** Browsers cache a preflight this long (seconds). */
const MAX_AGE = '600'

/**
 * Cross-origin access for the listed origins only (off when there are none). A page of a listed origin gets
 * `Access-Control-Allow-Origin` on every answer, errors included, and its preflight a 204 without an API key; any
 * other origin gets no CORS header, so the browser keeps the answer from it.
 *
 * Written out rather than Hono's `cors` middleware: the pipeline runs without Hono's `Context`, and this is the
 * whole of what the sandbox needs.
 */
export class CorsPolicy {
  readonly #origins: ReadonlySet<string>

  /** `origins` as `new URL(…).origin` gives them, like browsers send `Origin`. */
  constructor(origins: readonly string[]) {
    this.#origins = new Set(origins)
  }

  /**
   * Adds the CORS headers the request earns to `headers`. True when it is a preflight of a listed origin, which
   * the pipeline then answers with a 204 and nothing else.
   */
  apply(request: ApiRequest, headers: Record<string, string>): boolean {
    headers.Vary = 'Origin'
    const origin = request.header('origin')
    // Stryker disable next-line ConditionalExpression: no listed origin is undefined, so without the first test has() refuses it alike
    if (origin === undefined || !this.#origins.has(origin)) return false
    headers['Access-Control-Allow-Origin'] = origin
    if (request.method === 'OPTIONS' && request.header('access-control-request-method') !== undefined) {
      headers['Access-Control-Allow-Methods'] = ALLOW_METHODS
      headers['Access-Control-Allow-Headers'] = ALLOW_HEADERS
      headers['Access-Control-Max-Age'] = MAX_AGE
      return true
    }
    headers['Access-Control-Expose-Headers'] = EXPOSE_HEADERS
    return false
  }
}
