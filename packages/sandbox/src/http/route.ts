import type { ApiIssue, Endpoint } from '@cc/schema'
import type { Context, Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { z } from 'zod'
import type * as core from 'zod/v4/core'
import { readJsonBody } from './body.js'
import type { AppEnv } from './context.js'
import { validationError } from './errors.js'
import { toApiIssues } from './issues.js'
import { meta } from './meta.js'

type Parsed<T> = T extends core.$ZodType ? core.output<T> : undefined

/** What a handler gets: the request's params, query and body, validated by the endpoint's schemas. */
export interface RouteInput<E extends Endpoint> {
  params: Parsed<E['params']>
  query: Parsed<E['query']>
  body: Parsed<E['body']>
  /** The body as sent (parsed JSON, before validation), for idempotency fingerprints. */
  rawBody: unknown
}

export type Handler<E extends Endpoint> = (c: Context<AppEnv>, input: RouteInput<E>) => Response | Promise<Response>

/** `/people/{id}` → `/v1/people/:id`. */
export const honoPath = (path: string): string => `/v1${path.replace(/\{(\w+)\}/g, ':$1')}`

/** Registers one operation of the `endpoints` table: validates params, query and body (422), then handles. */
export function addRoute<E extends Endpoint>(app: Hono<AppEnv>, endpoint: E, handler: Handler<E>): void {
  app.on(endpoint.method, honoPath(endpoint.path), async (c) => {
    const rawBody = endpoint.body ? await readJsonBody(c.req.raw, c.env.connection.lengthFramed) : undefined
    const issues: ApiIssue[] = []
    const check = (schema: core.$ZodType, value: unknown): unknown => {
      const result = z.safeParse(schema, value)
      if (result.success) return result.data
      issues.push(...toApiIssues(result.error))
      return undefined
    }
    const params = endpoint.params && check(endpoint.params, c.req.param())
    const query = endpoint.query && check(endpoint.query, queryObject(c.req.queries()))
    const body = endpoint.body && check(endpoint.body, rawBody)
    if (issues.length > 0) throw validationError(issues)
    return handler(c, { params, query, body, rawBody } as RouteInput<E>)
  })
}

/** Query parameters as the schemas expect: a repeated name becomes an array (which they reject). */
function queryObject(queries: Record<string, string[]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [name, values] of Object.entries(queries)) out[name] = values.length === 1 ? (values[0] as string) : values
  return out
}

/** `{ meta, data }` with the given status. */
export function sendData(c: Context<AppEnv>, data: unknown, status: ContentfulStatusCode = 200): Response {
  return c.json({ meta: meta(c.get('requestId')), data }, status)
}

export const SUCCESS_MESSAGE = 'Operation completed successfully'

/** `{ meta, success: true, message, ...extra }`: updates, moves and deletes. */
export function sendSuccess(c: Context<AppEnv>, extra: Record<string, unknown> = {}): Response {
  return c.json({ meta: meta(c.get('requestId')), success: true, message: SUCCESS_MESSAGE, ...extra }, 200)
}
