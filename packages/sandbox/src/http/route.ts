import { type ApiIssue, apiIssues, type Endpoint } from '@cc/schema'
import type { Context, Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import * as z from 'zod'
import type * as core from 'zod/v4/core'
import { readJsonBody } from './body.js'
import type { AppEnv } from './context.js'
import { validationError } from './errors.js'
import { meta } from './meta.js'

type Parsed<T> = T extends core.$ZodType ? core.output<T> : undefined

/** What a handler gets: the request's params, query, headers and body, validated by the endpoint's schemas. */
export interface RouteInput<E extends Endpoint> {
  params: Parsed<E['params']>
  query: Parsed<E['query']>
  /** The headers the endpoint declares, by the name it gives them. */
  headers: Parsed<E['headers']>
  body: Parsed<E['body']>
  /** The body as sent (parsed JSON, before validation), for idempotency fingerprints. */
  rawBody: unknown
}

/** Success responses with the status the endpoint's entry in the table gives. */
export interface Reply {
  /** The endpoint's `status`, or its `alternateStatus` (an upsert that updated). */
  status(alternate?: boolean): ContentfulStatusCode
  json(c: Context<AppEnv>, body: object, alternate?: boolean): Response
  /** `{ meta, data }`. */
  data(c: Context<AppEnv>, data: unknown, alternate?: boolean): Response
  /** `{ meta, success: true, message, ...extra }`: updates, moves and deletes. */
  success(c: Context<AppEnv>, extra?: Record<string, unknown>): Response
}

export type Handler<E extends Endpoint> = (
  c: Context<AppEnv>,
  input: RouteInput<E>,
  reply: Reply,
) => Response | Promise<Response>

/** `/people/{id}` → `/v1/people/:id`. */
export const honoPath = (path: string): string => `/v1${path.replace(/\{(\w+)\}/g, ':$1')}`

const SUCCESS_MESSAGE = 'Operation completed successfully'

function replyOf(endpoint: Endpoint): Reply {
  const status = (alternate = false): ContentfulStatusCode => {
    const code = alternate ? endpoint.alternateStatus : endpoint.status
    if (code === undefined) throw new Error(`${endpoint.method} ${endpoint.path} has no alternate status`)
    return code as ContentfulStatusCode
  }
  const json = (c: Context<AppEnv>, body: object, alternate = false) => c.json(body, status(alternate))
  return {
    status,
    json,
    data: (c, data, alternate) => json(c, { meta: meta(c.get('requestId')), data }, alternate),
    success: (c, extra = {}) =>
      json(c, { meta: meta(c.get('requestId')), success: true, message: SUCCESS_MESSAGE, ...extra }),
  }
}

/**
 * Registers one operation of the `endpoints` table: validates params, query, body and the headers it declares
 * (422 naming every problem), then handles, answering with the endpoint's own success status.
 */
export function addRoute<E extends Endpoint>(app: Hono<AppEnv>, endpoint: E, handler: Handler<E>): void {
  const reply = replyOf(endpoint)
  const headerNames = endpoint.headers ? Object.keys(endpoint.headers.shape) : []
  app.on(endpoint.method, honoPath(endpoint.path), async (c) => {
    const rawBody = endpoint.body ? await readJsonBody(c.req.raw, c.env.connection.lengthFramed) : undefined
    let issues: ApiIssue[] | undefined
    const check = (schema: core.$ZodType, value: unknown): unknown => {
      const result = z.safeParse(schema, value)
      if (result.success) return result.data
      issues = [...(issues ?? []), ...apiIssues(result.error)]
      return undefined
    }
    const params = endpoint.params && check(endpoint.params, c.req.param())
    const query = endpoint.query && check(endpoint.query, queryObject(c.req.queries()))
    const body = endpoint.body && check(endpoint.body, rawBody)
    const headers = endpoint.headers && check(endpoint.headers, headerObject(c, headerNames))
    if (issues) throw validationError(issues)
    return handler(c, { params, query, headers, body, rawBody } as RouteInput<E>, reply)
  })
}

/** Query parameters as the schemas expect: a repeated name becomes an array (which they reject). */
function queryObject(queries: Record<string, string[]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [name, values] of Object.entries(queries)) out[name] = values.length === 1 ? (values[0] as string) : values
  return out
}

/** The declared headers that were sent, by the name the endpoint gives them (header names ignore case). */
function headerObject(c: Context<AppEnv>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of names) {
    const value = c.req.header(name)
    if (value !== undefined) out[name] = value
  }
  return out
}
