import { randomUUID } from 'node:crypto'
import { Hono } from 'hono'
import { methodNotAllowed } from 'hono/method-not-allowed'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Store } from '../storage/store.js'
import type { KeyRing } from './auth.js'
import type { AppEnv } from './context.js'
import { ApiError, apiError } from './errors.js'
import { delayBody, type FaultInjector, sleep } from './faults.js'
import type { RateLimiter } from './rate-limit.js'
import { addActivityRoutes } from './routes/activities.js'
import { addDealRoutes } from './routes/deals.js'
import { addPeopleRoutes } from './routes/people.js'
import { addUserRoutes } from './routes/users.js'

export interface AppParts {
  store: Store
  keys: KeyRing
  faults: FaultInjector
  /** Read per request: rate limiting can be reconfigured on a running sandbox. */
  rateLimiter: () => RateLimiter | undefined
  /** The OpenAPI document served at `/openapi.json`. */
  openApiDocument: () => unknown
  /** Called with errors no handler expected (bugs): they are answered with a 500. */
  onInternalError: (error: unknown) => void
}

/**
 * The sandbox's HTTP application. Order: request id → injected faults → API key → rate limit →
 * method check → the operation (validated by the `endpoints` table). Every error becomes an `ApiErrorBody`.
 */
export function createApp(parts: AppParts): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.use('*', async (c, next) => {
    const requestId = randomUUID()
    c.set('requestId', requestId)
    c.header('X-Request-Id', requestId)
    await next()
  })

  app.use('/v1/*', async (c, next) => {
    const fault = parts.faults.next()
    const latency = parts.faults.latencyMs
    switch (fault) {
      case '500':
        throw apiError('internal_error', 'Injected fault: internal server error')
      case '503':
        throw apiError('service_unavailable', 'Injected fault: service unavailable', {
          headers: parts.faults.retryAfterHeaders,
        })
      case '429':
        throw apiError('rate_limited', 'Injected fault: too many requests', {
          headers: parts.faults.retryAfterHeaders,
        })
      case 'slow':
        await sleep(latency, c.req.raw.signal)
        // Nobody reads this answer; it only keeps the handler from touching the store after the client left.
        if (c.req.raw.signal.aborted) throw apiError('service_unavailable', 'The client went away')
        return next()
      case 'slow-body':
        await next()
        c.res = new Response(delayBody(c.res.body, latency), c.res)
        return
      case 'reset':
        await next()
        c.env.connection.drop()
        return
      default:
        return next()
    }
  })

  app.use('/v1/*', async (c, next) => {
    const scope = parts.keys.authenticate(c.req.header('Authorization') ?? null)
    c.set('keyScope', scope)
    const limiter = parts.rateLimiter()
    if (limiter) {
      for (const [name, value] of Object.entries(limiter.take(scope))) c.header(name, value)
    }
    await next()
  })

  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        sendError(
          c,
          apiError('method_not_allowed', `${c.req.method} is not allowed here (allowed: ${methods.join(', ')})`, {
            headers: { Allow: methods.join(', ') },
          }),
        ),
    }),
  )

  addPeopleRoutes(app, parts.store)
  addUserRoutes(app)
  addDealRoutes(app, parts.store)
  addActivityRoutes(app, parts.store)
  app.get('/openapi.json', (c) => c.json(parts.openApiDocument() as object))

  app.notFound((c) => sendError(c, apiError('not_found', `No route for ${c.req.method} ${truncate(c.req.path)}`)))
  app.onError((error, c) => {
    if (error instanceof ApiError) return sendError(c, error)
    parts.onInternalError(error)
    return sendError(c, apiError('internal_error', 'Internal error in the sandbox'))
  })
  return app
}

function sendError(c: Parameters<Parameters<Hono<AppEnv>['notFound']>[0]>[0], error: ApiError): Response {
  const requestId = c.get('requestId') ?? randomUUID()
  return c.json(error.body(requestId), error.status as ContentfulStatusCode, error.headers)
}

const truncate = (text: string): string => (text.length > 100 ? `${text.slice(0, 100)}…` : text)
