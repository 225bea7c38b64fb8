import { randomUUID } from 'node:crypto'
import type { FaultKind } from '../options.js'
import type { Profile } from '../profiles.js'
import type { Store } from '../storage/store.js'
import type { KeyRing } from './auth.js'
import type { CorsPolicy } from './cors.js'
import { ApiError, apiError, jsonResponse } from './errors.js'
import type { ApiRequest, ApiResponse } from './exchange.js'
import { type FaultInjector, sleep } from './faults.js'
import type { HostCheck } from './host-check.js'
import type { FailedAuthLimiter, RateLimiter } from './rate-limit.js'
import { Routes } from './router.js'
import { addActivityRoutes } from './routes/activities.js'
import { addDealRoutes } from './routes/deals.js'
import { addPeopleRoutes } from './routes/people.js'
import { addUserRoutes } from './routes/users.js'

export interface AppParts {
  /** Which routes are served, which rules check requests, what answers carry. */
  profile: Profile
  store: Store
  keys: KeyRing
  faults: FaultInjector
  /** Read per request: rate limiting can be reconfigured on a running sandbox. */
  rateLimiter: () => RateLimiter | undefined
  /** Failed authentications per client; undefined: not limited. */
  failedAuthLimiter: FailedAuthLimiter | undefined
  /** The names a request over the network may give as `Host` (read per request: known once listening). */
  hostCheck: () => HostCheck | undefined
  /** Cross-origin access; undefined: no CORS headers at all. */
  cors: CorsPolicy | undefined
  /** The OpenAPI document served at `/openapi.json`, as JSON text. */
  openApiDocument: () => string
  /** Called with errors no handler expected (bugs): they are answered with a 500. */
  onInternalError: (error: unknown) => void
}

/** The sandbox's HTTP application: one request in, its answer out, whatever the transport. */
export type App = (request: ApiRequest) => Promise<ApiResponse>

/** What the injected fault of a request does once it has an answer. */
interface Aftermath {
  bodyDelayMs?: number
  drop?: boolean
}

/**
 * Builds the application. Order: request id → `Host` (over the network) → CORS (a preflight ends here) → on `/v1`:
 * injected faults → failed-auth limit → API key → rate limit; then the route (validated by the `endpoints` table) or
 * a 404/405. Every error becomes an `ApiErrorBody`.
 */
export function createApp(parts: AppParts): App {
  const { profile } = parts
  const routes = new Routes()
  addPeopleRoutes(routes, profile, parts.store)
  addUserRoutes(routes, profile)
  addDealRoutes(routes, profile, parts.store)
  addActivityRoutes(routes, profile, parts.store)
  routes.add('GET', '/openapi.json', () => ({ status: 200, body: parts.openApiDocument() }))

  async function serve(
    request: ApiRequest,
    requestId: string,
    headers: Record<string, string>,
    aftermath: Aftermath,
  ): Promise<ApiResponse> {
    const { path, method } = request
    // Stryker disable next-line StringLiteral: only routes under /v1 read the key scope, and there it is always set
    let keyScope = ''
    if (path === '/v1' || path.startsWith('/v1/')) {
      // Most requests have nothing to wait: only a `slow` fault awaits.
      if (injectFault(aftermath) === 'slow') {
        await sleep(parts.faults.latencyMs, request.signal)
        // Nobody reads this answer; it only keeps the handler from touching the store after the client left.
        if (request.signal.aborted) throw apiError('service_unavailable', 'The client went away')
      }
      const failures = parts.failedAuthLimiter
      // In-process, every caller is one client.
      const client = request.clientAddress ?? 'in-process'
      failures?.check(client)
      keyScope = parts.keys.authenticate(request.header('authorization'), failures && (() => failures.record(client)))
      const limiter = parts.rateLimiter()
      if (limiter) Object.assign(headers, limiter.take(keyScope))
    }
    const match = routes.match(method, path)
    if (match === undefined) {
      const allowed = routes.allowedMethods(path)
      if (allowed.length > 0 && !allowed.includes(method)) {
        throw apiError('method_not_allowed', `${method} is not allowed here (allowed: ${allowed.join(', ')})`, {
          headers: { Allow: allowed.join(', ') },
        })
      }
      throw apiError('not_found', `No route for ${method} ${truncate(path)}`)
    }
    const pending = match.operation(request, { requestId, keyScope }, match.params)
    const answer = pending instanceof Promise ? await pending : pending
    Object.assign(headers, answer.headers)
    return jsonResponse(answer.status, answer.body, headers)
  }

  /** Applies the request's injected fault, if any, and gives its kind: a `slow` one is for the caller to wait. */
  function injectFault(aftermath: Aftermath): FaultKind | undefined {
    const fault = parts.faults.next()
    switch (fault) {
      case '500':
        throw apiError('internal_error', 'Injected fault: internal server error')
      case '503':
        throw apiError('service_unavailable', 'Injected fault: service unavailable', {
          headers: parts.faults.retryAfterHeaders,
        })
      case '429':
        throw apiError('rate_limited', 'Injected fault: too many requests', { headers: parts.faults.retryAfterHeaders })
      case 'slow-body':
        aftermath.bodyDelayMs = parts.faults.latencyMs
        break
      case 'reset':
        aftermath.drop = true
        break
    }
    return fault
  }

  return async (request) => {
    const requestId = randomUUID()
    const headers: Record<string, string> = { 'X-Request-Id': requestId }
    const aftermath: Aftermath = {}
    let response: ApiResponse
    try {
      if (request.clientAddress !== undefined) parts.hostCheck()?.check(request.header('host'))
      if (parts.cors?.apply(request, headers))
        return withRequestId({ status: 204, headers, body: null }, requestId, profile)
      response = await serve(request, requestId, headers, aftermath)
    } catch (error) {
      if (!(error instanceof ApiError)) parts.onInternalError(error)
      const known = error instanceof ApiError ? error : apiError('internal_error', 'Internal error in the sandbox')
      response = known.response(requestId, headers)
    }
    // Faults that act on the answer act on error answers too.
    if (aftermath.drop) request.drop()
    response.bodyDelayMs = aftermath.bodyDelayMs
    if (request.method === 'HEAD') {
      response.body = null
      delete response.headers['Content-Length']
    }
    return withRequestId(response, requestId, profile)
  }
}

/** Gives an answer its request id: for the log, and in an `X-Request-Id` header unless the profile leaves it out. */
export function withRequestId(response: ApiResponse, requestId: string, profile: Profile): ApiResponse {
  response.requestId = requestId
  if (!profile.requestIdHeader) delete response.headers['X-Request-Id']
  return response
}

const truncate = (text: string): string => (text.length > 100 ? `${text.slice(0, 100)}…` : text)
