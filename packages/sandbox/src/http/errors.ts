import type { ApiErrorBody, ApiIssue, ErrorCode } from '@cc/schema'
import { meta } from './meta.js'

/** An error answered with a status and an `ApiErrorBody`. Thrown anywhere in a request, caught by the app. */
export class ApiError extends Error {
  readonly status: number
  readonly code: ErrorCode
  readonly issues: ApiIssue[] | undefined
  readonly headers: Record<string, string>

  constructor(
    status: number,
    code: ErrorCode,
    message: string,
    options: { issues?: ApiIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
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
}

/** 422 with one issue per offending field. */
export function validationError(issues: ApiIssue[]): ApiError {
  const fields = issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'request'} ${issue.message}`)
  return new ApiError(422, 'validation_failed', `Invalid request: ${fields.join('; ')}`, { issues })
}

export const notFound = (what: string): ApiError => new ApiError(404, 'not_found', `${what} not found`)
