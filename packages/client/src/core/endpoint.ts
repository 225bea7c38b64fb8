import { type EndpointName, endpoints, fieldErrors, summarizeFieldErrors } from '@cc/schema'
import * as z from 'zod'
import type * as core from 'zod/v4/core'
import type { PreparedCall } from './api-client.js'
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

/** Segments a URL parser would resolve (`%2e%2e` included): never valid as an id. */
const DOT_SEGMENT = /^(\.|%2e){1,2}$/i
/** Half of a UTF-16 pair on its own: it cannot be URL-encoded. */
const LONE_SURROGATE = /\p{Cs}/u

/** What a call of one endpoint needs, worked out once per endpoint rather than per call. */
interface EndpointPlan {
  endpoint: Endpoints[EndpointName]
  /** The path split at its `{param}`s: text, name, text, name, …, text. */
  pathParts: string[]
  /** The endpoint's `Idempotency-Key` header, when it takes one. */
  idempotencyKey: core.$ZodType | undefined
}

const plans = new Map<EndpointName, EndpointPlan>()

function planOf(name: EndpointName): EndpointPlan {
  let plan = plans.get(name)
  if (!plan) {
    const endpoint: Endpoints[EndpointName] = endpoints[name]
    plan = {
      endpoint,
      pathParts: endpoint.path.split(/\{(\w+)\}/),
      idempotencyKey: 'headers' in endpoint ? endpoint.headers.shape['Idempotency-Key'] : undefined,
    }
    plans.set(name, plan)
  }
  return plan
}

/** What makes a path parameter unusable as a URL segment, whatever its schema says. */
function pathSegmentProblems(params: Record<string, string> | undefined): { path: string[]; message: string }[] {
  const problems: { path: string[]; message: string }[] = []
  for (const key in params) {
    const value = params[key] as string
    const problem = DOT_SEGMENT.test(value)
      ? 'must not be "." or ".."'
      : LONE_SURROGATE.test(value)
        ? 'must be valid Unicode text'
        : undefined
    if (problem) problems.push({ path: [key], message: problem })
  }
  return problems
}

/** The path with each `{param}` replaced by its encoded value. */
function buildPath(parts: readonly string[], params: Record<string, string> | undefined): string {
  let path = parts[0] ?? ''
  for (let i = 1; i < parts.length; i += 2) {
    path += encodeURIComponent(params?.[parts[i] as string] ?? '') + (parts[i + 1] ?? '')
  }
  return path
}

/**
 * Validates a call against its endpoint in `@cc/schema` (path params, query, body, idempotency key) and builds
 * the encoded path. Throws one `ValidationError` with every problem; nothing is sent.
 */
export function prepareCall(name: EndpointName, input: EndpointInput, operation: string): PreparedCall {
  const { endpoint, pathParts, idempotencyKey: keySchema } = planOf(name)
  let issues: core.$ZodIssue[] | undefined
  const parse = (schema: core.$ZodType, value: unknown): unknown => {
    const result = z.safeParse(schema, value)
    if (result.success) return result.data
    issues = [...(issues ?? []), ...result.error.issues]
    return undefined
  }

  const params = ('params' in endpoint ? parse(endpoint.params, input.params ?? {}) : undefined) as
    | Record<string, string>
    | undefined
  const query = 'query' in endpoint ? parse(endpoint.query, input.query ?? {}) : undefined
  const body = 'body' in endpoint ? parse(endpoint.body, input.body) : undefined
  const idempotencyKey = keySchema ? (input.idempotencyKey ?? crypto.randomUUID()) : undefined
  if (keySchema && input.idempotencyKey !== undefined) {
    // The rule of the endpoint's `Idempotency-Key` header: what `fetch` sends unchanged.
    const checked = z.safeParse(keySchema, input.idempotencyKey)
    if (!checked.success) {
      const keyIssues = checked.error.issues.map((issue) => ({ ...issue, path: ['idempotencyKey', ...issue.path] }))
      issues = [...(issues ?? []), ...keyIssues]
    }
  }

  const segmentProblems = pathSegmentProblems(input.params)
  if (issues || segmentProblems.length > 0) {
    const errors = fieldErrors([...(issues ?? []), ...segmentProblems])
    throw new ValidationError(`Invalid input for ${operation}: ${summarizeFieldErrors(errors)}`, issues ?? [], errors)
  }

  return {
    method: endpoint.method,
    path: buildPath(pathParts, params),
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
