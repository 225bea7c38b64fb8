import { fieldErrors, type Meta, summarizeFieldErrors } from '@cc/schema'
import * as z from 'zod'
import type { PreparedCall, RawResult } from './api-client.js'
import type { ValidateMode } from './config.js'
import { type RequestContext, ResponseValidationError } from './errors.js'
import type { LevelLogger } from './logger.js'

/** Empty or only white space: a success without a body. */
const BLANK = /^\s*$/

/**
 * A success response as a result: the body parsed as JSON and checked against the endpoint's contract
 * (`strict` throws, `warn` logs and keeps the body as received, `off` skips), with its `meta` and request id.
 */
export function readSuccess(
  call: PreparedCall,
  context: RequestContext,
  response: Response,
  text: string,
  validate: ValidateMode,
  logger: LevelLogger,
): RawResult {
  const headerRequestId = response.headers.get('x-request-id') ?? undefined
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
  const requestId = headerRequestId ?? (typeof meta?.requestId === 'string' ? meta.requestId : undefined)
  if (validate !== 'off') {
    const result = z.safeParse(call.responseSchema, body)
    if (result.success) {
      body = result.data
    } else {
      // For developers: paths into the body as they are, no form labels.
      const problem = `The response does not match the contract: ${summarizeFieldErrors(fieldErrors(result.error, { labels: {} }))}`
      const error = new ResponseValidationError(problem, { ...where, requestId, issues: result.error.issues })
      if (validate === 'strict') throw error
      logger.warn(error.message)
    }
  }
  return { body, meta, response, requestId }
}
