import { type EndpointName, endpoints } from '@cc/schema'
import { z } from 'zod'
import type * as core from 'zod/v4/core'
import type { ApiClient, PreparedCall, RawResult } from './api-client.js'
import { APIPromise, withRequestId } from './api-promise.js'
import type { RequestOptions } from './config.js'
import { type FieldErrors, ValidationError } from './errors.js'
import { describeFieldErrors, toFieldErrors } from './issues.js'

type Endpoints = typeof endpoints
type Part = 'params' | 'query' | 'body'
type SchemaOf<N extends EndpointName, P extends Part> =
  Endpoints[N] extends Record<P, infer S extends core.$ZodType> ? S : never

/** What the caller passes for each part of an endpoint, typed from its schemas in `@cc/schema`. */
export type ParamsOf<N extends EndpointName> = core.input<SchemaOf<N, 'params'>>
export type QueryOf<N extends EndpointName> = core.input<SchemaOf<N, 'query'>>
export type BodyOf<N extends EndpointName> = core.input<SchemaOf<N, 'body'>>
/** The validated success body of an endpoint. */
export type ResponseOf<N extends EndpointName> = core.output<Endpoints[N]['response']>

export interface EndpointInput {
  params?: Record<string, string>
  query?: unknown
  body?: unknown
  idempotencyKey?: string | undefined
}

const IdempotencyKey = z
  .string()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII with no spaces')

/** Segments a URL parser would resolve (`%2e%2e` included): never valid as an id. */
const DOT_SEGMENT = /^(\.|%2e){1,2}$/i
/** Half of a UTF-16 pair on its own: it cannot be URL-encoded. */
const LONE_SURROGATE = /\p{Cs}/u

/**
 * Validates a call against its endpoint in `@cc/schema` (path params, query, body, idempotency key) and builds
 * the encoded path. Throws one `ValidationError` with every problem; nothing is sent.
 */
export function prepareCall(name: EndpointName, input: EndpointInput, operation: string): PreparedCall {
  const endpoint: Endpoints[EndpointName] = endpoints[name]
  const issues: core.$ZodIssue[] = []
  const parse = (schema: core.$ZodType | undefined, value: unknown): unknown => {
    if (!schema) return undefined
    const result = z.safeParse(schema, value)
    if (result.success) return result.data
    issues.push(...result.error.issues)
    return undefined
  }

  const params = ('params' in endpoint ? parse(endpoint.params, input.params ?? {}) : undefined) as
    | Record<string, string>
    | undefined
  const query = 'query' in endpoint ? parse(endpoint.query, input.query ?? {}) : undefined
  const body = 'body' in endpoint ? parse(endpoint.body, input.body) : undefined
  const takesKey = 'headers' in endpoint && (endpoint.headers as readonly string[]).includes('Idempotency-Key')
  const idempotencyKey = takesKey ? (input.idempotencyKey ?? crypto.randomUUID()) : undefined
  if (input.idempotencyKey !== undefined) {
    const checked = IdempotencyKey.safeParse(input.idempotencyKey)
    if (!checked.success) issues.push(...checked.error.issues.map((issue) => ({ ...issue, path: ['idempotencyKey'] })))
  }

  const fieldErrors: FieldErrors = toFieldErrors(issues)
  for (const [key, value] of Object.entries(input.params ?? {})) {
    if (DOT_SEGMENT.test(value)) fieldErrors[key] ??= `${key}: must not be "." or ".."`
    if (LONE_SURROGATE.test(value)) fieldErrors[key] ??= `${key}: must be valid Unicode text`
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw new ValidationError(
      `Invalid input for ${operation}: ${describeFieldErrors(fieldErrors)}`,
      issues,
      fieldErrors,
    )
  }

  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(params?.[key] ?? ''))
  return {
    method: endpoint.method,
    path,
    query: query === undefined ? undefined : toSearchParams(query),
    body,
    idempotencyKey,
    responseSchema: endpoint.response,
  }
}

function toSearchParams(query: unknown): Record<string, string> {
  const entries = Object.entries(query as Record<string, unknown>).filter(([, value]) => value !== undefined)
  return Object.fromEntries(entries.map(([key, value]) => [key, String(value)]))
}

/**
 * Calls an endpoint: validates the input, sends it through the client's request lifecycle, and maps the success
 * body to the result with `unwrap`. The result carries a non-enumerable `requestId`.
 */
export function callEndpoint<N extends EndpointName, T>(
  api: ApiClient,
  name: N,
  operation: string,
  input: EndpointInput,
  options: RequestOptions | undefined,
  unwrap: (body: ResponseOf<N>, raw: RawResult) => T,
): APIPromise<T> {
  const result = (async () => {
    const raw = await api.request(prepareCall(name, input, operation), options)
    const data = withRequestId(unwrap(raw.body as ResponseOf<N>, raw), raw.requestId)
    return { data, meta: raw.meta, response: raw.response, requestId: raw.requestId }
  })()
  return new APIPromise(result)
}
