import { fieldErrors, type Meta, summarizeFieldErrors } from '@cc/schema'
import * as z from 'zod'
import type * as core from 'zod/v4/core'
import type { PreparedCall, RawResult } from './api-client.js'
import type { ValidateMode } from './config.js'
import { type RequestContext, ResponseValidationError } from './errors.js'
import { cleanServerText, type LevelLogger, serverLine } from './logger.js'

/** Empty or only white space: a success without a body. */
const BLANK = /^\s*$/

/** How a success is read. */
export interface SuccessReading {
  context: RequestContext
  validate: ValidateMode
  logger: LevelLogger
  /** Removed from the server text that reaches an error or a result: the API key. */
  secrets: readonly string[]
}

/**
 * A success response as a result: the body parsed as JSON and checked against the endpoint's contract
 * (`strict` throws, `warn` logs and keeps the body as received, `off` skips), with its `meta` and request id.
 * The request id and whatever of the body reaches an error (the paths of its keys) are cleaned like any server text.
 */
export function readSuccess(call: PreparedCall, response: Response, text: string, how: SuccessReading): RawResult {
  const { context, validate, logger, secrets } = how
  const headerRequestId = serverLine(response.headers.get('x-request-id'), secrets)
  const where = { ...context, status: response.status }
  let body: unknown
  try {
    body = BLANK.test(text) ? undefined : JSON.parse(text)
  } catch {
    throw new ResponseValidationError('The response body is not JSON', {
      ...where,
      requestId: headerRequestId,
      issues: [],
    })
  }
  const rawMeta = (body as { meta?: unknown } | undefined)?.meta
  const meta = rawMeta !== null && typeof rawMeta === 'object' ? (rawMeta as Meta) : undefined
  const requestId =
    headerRequestId ?? (typeof meta?.requestId === 'string' ? serverLine(meta.requestId, secrets) : undefined)
  if (validate !== 'off') {
    const result = z.safeParse(call.responseSchema, body)
    if (result.success) {
      body = result.data
    } else {
      const issues = result.error.issues.map((issue) => cleanIssuePath(issue, secrets))
      // For developers: paths into the body as they are, no form labels.
      const problem = `The response does not match the contract: ${summarizeFieldErrors(fieldErrors(issues, { labels: {} }))}`
      const error = new ResponseValidationError(problem, { ...where, requestId, issues })
      if (validate === 'strict') throw error
      logger.warn(error.message)
    }
  }
  return { body, meta, response, requestId }
}

/** An issue whose path names keys of the server's body: each key cleaned. */
function cleanIssuePath(issue: core.$ZodIssue, secrets: readonly string[]): core.$ZodIssue {
  if (!issue.path.some((part) => typeof part === 'string')) return issue
  const path = issue.path.map((part) =>
    typeof part === 'string' ? cleanServerText(part, secrets, { singleLine: true }) : part,
  )
  return { ...issue, path }
}
