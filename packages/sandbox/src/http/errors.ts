import {
  type ApiErrorBody,
  type ApiIssue,
  type ErrorCode,
  errorCodes,
  fieldErrors,
  summarizeFieldErrors,
} from '@cc/schema'
import type { ApiResponse } from './exchange.js'
import { meta } from './meta.js'

interface ApiErrorOptions {
  issues?: ApiIssue[]
  headers?: Record<string, string>
}

/**
 * An error answered with an `ApiErrorBody`, its status the one `errorCodes` gives its code. Thrown anywhere in a
 * request, caught by the app.
 */
export class ApiError extends Error {
  readonly status: number
  readonly code: ErrorCode
  readonly issues: ApiIssue[] | undefined
  readonly headers: Record<string, string>

  constructor(code: ErrorCode, message: string, options: ApiErrorOptions = {}) {
    super(message)
    this.name = 'ApiError'
    this.status = errorCodes[code].status
    this.code = code
    this.issues = options.issues
    this.headers = options.headers ?? {}
  }

  body(requestId: string): ApiErrorBody {
    return {
      meta: meta(requestId),
      success: false,
      error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) },
    }
  }

  /** The answer: `headers` (the request's common ones), then this error's own, over them. */
  response(requestId: string, headers: Record<string, string> = {}): ApiResponse {
    return jsonResponse(this.status, JSON.stringify(this.body(requestId)), {
      ...headers,
      'X-Request-Id': requestId,
      ...this.headers,
    })
  }
}

/** A JSON answer with its length, as both transports send it. */
export function jsonResponse(status: number, body: string, headers: Record<string, string>): ApiResponse {
  headers['Content-Type'] = 'application/json'
  headers['Content-Length'] = String(Buffer.byteLength(body))
  return { status, headers, body }
}

/** `apiError('not_found', 'Contact x not found')`: the error for a code of `errorCodes`, with its status. */
export const apiError = (code: ErrorCode, message: string, options?: ApiErrorOptions): ApiError =>
  new ApiError(code, message, options)

/** 422 with one issue per offending field; the message lists them all, as the request names them. */
export function validationError(issues: ApiIssue[]): ApiError {
  const summary = summarizeFieldErrors(fieldErrors(issues, { labels: {} }), Number.POSITIVE_INFINITY)
  return apiError('validation_failed', `Invalid request: ${summary}`, { issues })
}

export const notFound = (what: string): ApiError => apiError('not_found', `${what} not found`)
