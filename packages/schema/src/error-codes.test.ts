import { describe, expect, it } from 'vitest'
import { ErrorCode, errorCodes } from './index.js'

describe('errorCodes', () => {
  it('gives each code the status it is sent with and the client error class it becomes', () => {
    const table = Object.fromEntries(
      Object.entries(errorCodes).map(([code, { status, clientError }]) => [code, [status, clientError]]),
    )
    expect(table).toEqual({
      bad_request: [400, 'BadRequestError'],
      unauthorized: [401, 'AuthenticationError'],
      forbidden: [403, 'PermissionDeniedError'],
      not_found: [404, 'NotFoundError'],
      method_not_allowed: [405, 'ApiError'],
      conflict: [409, 'ConflictError'],
      payload_too_large: [413, 'ApiError'],
      unsupported_media_type: [415, 'ApiError'],
      validation_failed: [422, 'UnprocessableEntityError'],
      rate_limited: [429, 'RateLimitError'],
      internal_error: [500, 'InternalServerError'],
      service_unavailable: [503, 'InternalServerError'],
    })
  })

  it('says when each code is sent', () => {
    for (const [code, { description }] of Object.entries(errorCodes)) {
      expect(description, code).toMatch(/^[A-Z].*\.$/)
    }
    expect(errorCodes.validation_failed.description).toContain('`error.issues`')
    expect(errorCodes.rate_limited.description).toContain('`Retry-After`')
    expect(errorCodes.method_not_allowed.description).toContain('`Allow`')
  })
})

describe('ErrorCode', () => {
  it('is every code of the table, and nothing else', () => {
    for (const code of Object.keys(errorCodes)) expect(ErrorCode.parse(code)).toBe(code)
    expect(ErrorCode.options).toEqual(Object.keys(errorCodes))
    expect(ErrorCode.safeParse('teapot').error?.issues[0]?.message).toMatch(/^must be one of "bad_request", /)
  })
})
