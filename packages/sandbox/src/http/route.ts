import { type ApiIssue, apiIssues, type Endpoint, requestSchemas } from '@cc/schema'
import * as z from 'zod'
import type * as core from 'zod/v4/core'
import type { Profile } from '../profiles.js'
import { readJsonBody } from './body.js'
import { validationError } from './errors.js'
import type { ApiRequest } from './exchange.js'
import { meta } from './meta.js'
import type { Answer, RequestContext, Routes } from './router.js'

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

/** Success answers with the status the endpoint's entry in the table gives. */
export interface Reply {
  /** The endpoint's `status`, or its `alternateStatus` (an upsert that updated). */
  status(alternate?: boolean): number
  json(body: object, alternate?: boolean): Answer
  /** `{ meta, data }`. */
  data(context: RequestContext, data: unknown, alternate?: boolean): Answer
  /** `{ meta, success: true, message, ...extra }`: updates, moves and deletes. */
  success(context: RequestContext, extra?: Record<string, unknown>): Answer
}

export type Handler<E extends Endpoint> = (
  context: RequestContext,
  input: RouteInput<E>,
  reply: Reply,
) => Answer | Promise<Answer>

/** `/people/{id}` → `/v1/people/:id`. */
export const routePath = (path: string): string => `/v1${path.replace(/\{(\w+)\}/g, ':$1')}`

const SUCCESS_MESSAGE = 'Operation completed successfully'

function replyOf(endpoint: Endpoint, profile: Profile): Reply {
  const status = (alternate = false): number => {
    const code = alternate ? endpoint.alternateStatus : endpoint.status
    if (code === undefined) throw new Error(`${endpoint.method} ${endpoint.path} has no alternate status`)
    return code
  }
  const json = (body: object, alternate = false): Answer => ({ status: status(alternate), body: JSON.stringify(body) })
  return {
    status,
    json,
    data: (context, data, alternate) => json({ meta: meta(context.requestId), data }, alternate),
    success: (context, extra = {}) =>
      json(
        profile.successFlag
          ? { meta: meta(context.requestId), success: true, message: SUCCESS_MESSAGE, ...extra }
          : { meta: meta(context.requestId), message: SUCCESS_MESSAGE, ...extra },
      ),
  }
}

/**
 * Registers one operation of the `endpoints` table: validates params, query, body and the headers it declares with
 * the profile's rule set (422 naming every problem), then handles, answering with the endpoint's own success status.
 * A profile that serves only documented operations leaves the undocumented ones out: a request for one gets what the
 * route table answers without it (a 405 where the path has other methods, as `/people/{id}` has).
 */
export function addRoute<E extends Endpoint>(routes: Routes, profile: Profile, endpoint: E, handler: Handler<E>): void {
  if (endpoint.undocumented && !profile.undocumented) return
  const reply = replyOf(endpoint, profile)
  const schemas = requestSchemas(endpoint, profile.rules)
  const headerNames = Object.keys(endpoint.headers?.shape ?? {})
  const listed = { query: listedFields(schemas.query), body: listedFields(schemas.body) }
  const handle = (
    request: ApiRequest,
    context: RequestContext,
    rawParams: Record<string, string>,
    rawBody: unknown,
  ) => {
    let issues: ApiIssue[] | undefined
    const check = (schema: core.$ZodType, value: unknown): unknown => {
      const result = z.safeParse(schema, value)
      if (result.success) return result.data
      issues = [...(issues ?? []), ...apiIssues(result.error)]
      return undefined
    }
    const params = schemas.params && check(schemas.params, rawParams)
    const query = schemas.query && onlyListed(check(schemas.query, queryObject(request.query)), listed.query)
    const body = schemas.body && onlyListed(check(schemas.body, rawBody), listed.body)
    const headers = schemas.headers && check(schemas.headers, headerObject(request, headerNames))
    if (issues) throw validationError(issues)
    return handler(context, { params, query, headers, body, rawBody } as RouteInput<E>, reply)
  }
  // Without a body to read, an operation runs synchronously (no promise per request).
  routes.add(
    endpoint.method,
    routePath(endpoint.path),
    schemas.body
      ? async (request, context, params) => handle(request, context, params, await readJsonBody(request))
      : (request, context, params) => handle(request, context, params, undefined),
  )
}

/**
 * The fields an object schema lists (every query and body of the table is one; any other schema fails here, at
 * registration); none without a schema. Only an object that lets other fields through (the `documented` rule set's
 * `looseObject`s) gives more than these; of any other, keeping them is a copy.
 */
function listedFields(schema: core.$ZodType | undefined): readonly string[] {
  return Object.keys((schema?._zod.def as core.$ZodObjectDef | undefined)?.shape ?? {})
}

/**
 * Only the listed fields of a validated object: a field the docs do not list is accepted under the `documented`
 * rules, and dropped here, so that no handler (and no table) ever reads one (a `position`, an `id`, a `createdAt`).
 */
function onlyListed(value: unknown, fields: readonly string[]): unknown {
  // An object schema gives an object, or undefined when it refused the value.
  if (value === undefined) return value
  const given = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const field of fields) if (Object.hasOwn(given, field)) out[field] = given[field]
  return out
}

/** Query parameters as the schemas expect: a repeated name becomes an array (which they reject). */
function queryObject(query: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [name, value] of new URLSearchParams(query)) {
    const seen = out[name]
    out[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value]
  }
  return out
}

/** The declared headers that were sent, by the name the endpoint gives them (header names ignore case). */
function headerObject(request: ApiRequest, names: readonly string[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  // An absent header is undefined, as an absent field is.
  for (const name of names) out[name] = request.header(name.toLowerCase())
  return out
}
