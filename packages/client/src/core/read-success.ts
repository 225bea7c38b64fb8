import { fieldErrors, type Meta, summarizeFieldErrors } from '@cc/schema'
import * as z from 'zod'
import type * as core from 'zod/v4/core'
import type { PreparedCall } from './api-client.js'
import { type RequestContext, ResponseValidationError } from './errors.js'
import { cleanServerText, type LevelLogger, serverLine } from './logger.js'
import type { ValidateMode } from './validate-option.js'

/** Empty or only white space: a success without a body. */
const BLANK = /^\s*$/

/** A success body, parsed but not yet checked against the contract. */
export interface ParsedSuccess {
  body: unknown
  meta: Meta | undefined
  response: Response
  /** `meta.requestId`, else the `X-Request-Id` header. */
  requestId: string | undefined
  status: number
}

/**
 * The request id of an answer: the documented `meta.requestId` of its body, else (an error page from a proxy, a
 * body that is not JSON) the `X-Request-Id` header, which a proxy may have added (ASSUMPTIONS.md#request-id).
 * Cleaned like any server text.
 */
export function requestIdOf(meta: unknown, headers: Headers, secrets: readonly string[]): string | undefined {
  const fromBody = (meta as { requestId?: unknown } | null | undefined)?.requestId
  return (
    (typeof fromBody === 'string' ? serverLine(fromBody, secrets) : undefined) ??
    serverLine(headers.get('x-request-id'), secrets)
  )
}

/**
 * A success response's body parsed as JSON, with its `meta` and request id. A body that is not JSON is a
 * `ResponseValidationError` whatever `validate` says.
 */
export function parseSuccess(
  response: Response,
  text: string,
  context: RequestContext,
  secrets: readonly string[],
): ParsedSuccess {
  let body: unknown
  try {
    body = BLANK.test(text) ? undefined : JSON.parse(text)
  } catch {
    throw new ResponseValidationError('The response body is not JSON', {
      ...context,
      status: response.status,
      requestId: serverLine(response.headers.get('x-request-id'), secrets),
      issues: [],
    })
  }
  const rawMeta = (body as { meta?: unknown } | null | undefined)?.meta
  const meta = rawMeta !== null && typeof rawMeta === 'object' ? (rawMeta as Meta) : undefined
  return { body, meta, response, requestId: requestIdOf(meta, response.headers, secrets), status: response.status }
}

/** How a success is checked. */
export interface SuccessCheck {
  context: RequestContext
  validate: ValidateMode
  logger: LevelLogger
  /** Removed from whatever of the body reaches an error (the paths of its keys): the API key. */
  secrets: readonly string[]
}

/**
 * Checks a parsed success against the endpoint's contract: `strict` throws, `warn` logs, `off` skips. The body is
 * kept as it came either way: the contract only checks it, so fields it does not know stay, at any depth.
 */
export function checkSuccess(call: PreparedCall, parsed: ParsedSuccess, how: SuccessCheck): void {
  const { context, validate, logger, secrets } = how
  if (validate === 'off') return
  const result = z.safeParse(call.responseSchema, parsed.body)
  if (result.success) return
  const issues = result.error.issues.map((issue) => cleanIssuePath(issue, secrets))
  // For developers: paths into the body as they are, no form labels.
  const problem = `The response does not match the contract: ${summarizeFieldErrors(fieldErrors(issues, { labels: {} }))}`
  const error = new ResponseValidationError(problem, {
    ...context,
    status: parsed.status,
    requestId: parsed.requestId,
    issues,
  })
  if (validate === 'strict') throw error
  logger.warn(error.message)
}

/** An issue with the keys of the server's body in its path cleaned, each on one line; indexes as they are. */
function cleanIssuePath(issue: core.$ZodIssue, secrets: readonly string[]): core.$ZodIssue {
  const path = issue.path.map((part) =>
    typeof part === 'string' ? cleanServerText(part, secrets, { singleLine: true }) : part,
  )
  return { ...issue, path }
}
