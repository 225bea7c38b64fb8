import {
  type EndpointName,
  endpoints,
  fieldErrors,
  type RequestSchemas,
  RULE_SETS,
  type RuleSet,
  requestSchemas,
  summarizeFieldErrors,
} from '@cc/schema'
import * as z from 'zod'
import type * as core from 'zod/v4/core'
import type { PreparedCall } from './api-client.js'
import { optionError } from './config.js'
import { ValidationError } from './errors.js'

type Endpoints = typeof endpoints
/** The validated success body of an endpoint. */
export type ResponseOf<N extends EndpointName> = core.output<Endpoints[N]['response']>

export interface EndpointInput {
  params?: Record<string, string>
  query?: unknown
  body?: unknown
  idempotencyKey?: string | undefined
}

/** How a call is checked and what is added to it after the check: the per-call escape hatches. */
export interface CallShaping {
  /** The rule set of `@cc/schema` the input is checked with, or `false` to send it as given. */
  rules: RuleSet | false
  /** Fields added to the body after validation, sent as given. */
  extraBody?: Record<string, unknown> | undefined
  /** Query parameters added after validation, sent as given. */
  extraQuery?: Record<string, string | number | boolean> | undefined
}

const PROTECTIVE: CallShaping = { rules: 'protective' }

/** Segments a URL parser would resolve (`%2e%2e` included): never valid as an id. */
const DOT_SEGMENT = /^(\.|%2e){1,2}$/i
/** Half of a UTF-16 pair on its own: it cannot be URL-encoded. */
const LONE_SURROGATE = /\p{Cs}/u

/** What a call of one endpoint needs, worked out once per endpoint rather than per call. */
interface EndpointPlan {
  endpoint: Endpoints[EndpointName]
  /** The path split at its `{param}`s: text, name, text, name, …, text. */
  pathParts: string[]
  /** Whether the operation takes an `Idempotency-Key` header (a fresh one is sent when none is given). */
  takesIdempotencyKey: boolean
  /** The request schemas of each rule set. */
  schemas: Record<RuleSet, RequestSchemas>
}

function planOf(endpoint: Endpoints[EndpointName]): EndpointPlan {
  return {
    endpoint,
    pathParts: endpoint.path.split(/\{(\w+)\}/),
    takesIdempotencyKey: 'headers' in endpoint,
    schemas: Object.fromEntries(
      RULE_SETS.map((rules) => [rules, requestSchemas(endpoint, rules)]),
    ) as EndpointPlan['schemas'],
  }
}

/** The plan of every endpoint, made when the module loads. */
const plans = Object.fromEntries(
  Object.entries(endpoints).map(([name, endpoint]) => [name, planOf(endpoint)]),
) as Record<EndpointName, EndpointPlan>

/** What makes a path parameter unusable as a URL segment, whatever its schema says. */
function pathSegmentProblems(params: Record<string, string> | undefined): { path: string[]; message: string }[] {
  const problems: { path: string[]; message: string }[] = []
  for (const key in params) {
    const value: unknown = params[key]
    // Not text (a call with `rules: false`, or a caller without types): nothing else can be said of it.
    const problem =
      typeof value !== 'string'
        ? 'must be text'
        : DOT_SEGMENT.test(value)
          ? 'must not be "." or ".."'
          : LONE_SURROGATE.test(value)
            ? 'must be valid Unicode text'
            : undefined
    if (problem) problems.push({ path: [key], message: problem })
  }
  return problems
}

/** The path with each `{param}` replaced by its encoded value. */
function buildPath(parts: readonly string[], params: Record<string, string> = {}): string {
  // Text at the even places, a parameter's name at the odd ones.
  // Stryker disable next-line StringLiteral: every resource passes each of its path parameters
  const segments = parts.map((part, i) => (i % 2 === 0 ? part : encodeURIComponent(params[part] ?? '')))
  return segments.join('')
}

/** The rule a given `Idempotency-Key` follows in a rule set's headers schema, when it has one (the header is optional). */
function keySchemaOf(schemas: RequestSchemas): core.$ZodType | undefined {
  const headers = schemas.headers as z.ZodObject | undefined
  const header = headers?.shape['Idempotency-Key'] as z.ZodOptional | undefined
  return header?.unwrap()
}

/** Whether `fetch` can send `value` as a header value (it throws on line breaks and characters beyond Latin-1). */
function isHeaderValue(value: string): boolean {
  try {
    new Headers([['idempotency-key', value]])
  } catch {
    return false
  }
  return true
}

/**
 * Validates a call against its endpoint in `@cc/schema` (path params, query, body, idempotency key) with the rule
 * set `shaping.rules` names, adds the extra body fields and query parameters, and builds the encoded path. Throws one
 * `ValidationError` with every problem; nothing is sent. With `rules: false` the input is sent as given, but a path
 * parameter must still be a usable URL segment and an idempotency key a header value.
 */
export function prepareCall(
  name: EndpointName,
  input: EndpointInput,
  operation: string,
  shaping: CallShaping = PROTECTIVE,
): PreparedCall {
  const { endpoint, pathParts, takesIdempotencyKey, schemas: bySet } = plans[name]
  const schemas: RequestSchemas = shaping.rules === false ? {} : bySet[shaping.rules]
  let issues: core.$ZodIssue[] | undefined
  const parse = (schema: core.$ZodType | undefined, value: unknown): unknown => {
    if (schema === undefined) return value
    const result = z.safeParse(schema, value)
    if (result.success) return result.data
    issues = [...(issues ?? []), ...result.error.issues]
    return undefined
  }

  const params = ('params' in endpoint ? parse(schemas.params, input.params ?? {}) : undefined) as
    | Record<string, string>
    | undefined
  const query = 'query' in endpoint ? parse(schemas.query, input.query ?? {}) : undefined
  const body = 'body' in endpoint ? parse(schemas.body, input.body) : undefined
  const idempotencyKey = takesIdempotencyKey ? (input.idempotencyKey ?? crypto.randomUUID()) : undefined
  if (takesIdempotencyKey && input.idempotencyKey !== undefined) {
    const keySchema = keySchemaOf(schemas)
    const checked = keySchema ? z.safeParse(keySchema, input.idempotencyKey) : undefined
    const keyIssues: core.$ZodIssue[] = checked?.success === false ? [...checked.error.issues] : []
    if (keyIssues.length === 0 && !isHeaderValue(input.idempotencyKey)) {
      // Whatever the rule set: `fetch` would refuse to send it.
      keyIssues.push({ code: 'custom', path: [], message: 'must be a valid HTTP header value', input: undefined })
    }
    if (keyIssues.length > 0) {
      issues = [...(issues ?? []), ...keyIssues.map((issue) => ({ ...issue, path: ['idempotencyKey', ...issue.path] }))]
    }
  }

  const segmentProblems = pathSegmentProblems(input.params)
  if (issues || segmentProblems.length > 0) {
    const errors = fieldErrors([...(issues ?? []), ...segmentProblems])
    throw new ValidationError(`Invalid input for ${operation}: ${summarizeFieldErrors(errors)}`, issues ?? [], errors)
  }

  return {
    endpoint: name,
    method: endpoint.method,
    path: buildPath(pathParts, params),
    query: withExtraQuery(query, shaping.extraQuery),
    body: withExtraBody(body, shaping.extraBody, 'body' in endpoint, operation),
    idempotencyKey,
    responseSchema: endpoint.response,
  }
}

/** The query as text, with the extra parameters over it; `undefined` when there is none. */
function withExtraQuery(
  query: unknown,
  extra: Record<string, string | number | boolean> | undefined,
): Record<string, string> | undefined {
  const params = query === undefined ? undefined : toSearchParams(query)
  if (extra === undefined) return params
  // Spread and fromEntries define own properties: a parameter may be called "__proto__".
  return { ...params, ...toSearchParams(extra) }
}

/** The body with the extra fields over it. Refused for a call that sends no body, or a body that is not an object. */
function withExtraBody(
  body: unknown,
  extra: Record<string, unknown> | undefined,
  sendsBody: boolean,
  operation: string,
): unknown {
  if (extra === undefined) return body
  const isObject = body === undefined || (typeof body === 'object' && body !== null && !Array.isArray(body))
  if (!sendsBody || !isObject) {
    const problem = sendsBody
      ? 'needs a body that is an object'
      : `is only for calls that send a body (${operation} sends none)`
    const errors = optionError('extraBody', problem)
    throw new ValidationError(`Invalid request options: ${summarizeFieldErrors(errors)}`, [], errors)
  }
  return { ...(body as object | undefined), ...extra }
}

function toSearchParams(query: unknown): Record<string, string> {
  const entries = Object.entries(query as Record<string, unknown>).filter(([, value]) => value !== undefined)
  return Object.fromEntries(entries.map(([key, value]) => [key, String(value)]))
}
