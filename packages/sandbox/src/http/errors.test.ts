import { ApiErrorBody, errorCodes } from '@cc/schema'
import { describe, expect, it } from 'vitest'
import { ApiError, apiError, jsonResponse, notFound, validationError } from './errors.js'

const REQUEST_ID = '00000000-0000-4000-8000-000000000001'

describe('ApiError', () => {
  it('takes the status the errorCodes table gives its code', () => {
    for (const code of Object.keys(errorCodes) as (keyof typeof errorCodes)[]) {
      const error = apiError(code, 'message')
      expect(error).toBeInstanceOf(ApiError)
      expect(error).toBeInstanceOf(Error)
      expect(error.name).toBe('ApiError')
      expect(error.code).toBe(code)
      expect(error.status).toBe(errorCodes[code].status)
      expect(error.message).toBe('message')
      expect(error.headers).toEqual({})
      expect(error.issues).toBeUndefined()
    }
  })

  it('answers an ApiErrorBody with the request id; issues only when it has some', () => {
    const plain = JSON.parse(apiError('not_found', 'Contact x not found').response(REQUEST_ID).body as string)
    expect(ApiErrorBody.parse(plain)).toEqual(plain)
    expect(plain).toMatchObject({
      meta: { requestId: REQUEST_ID, version: '1.0.0' },
      success: false,
      error: { code: 'not_found', message: 'Contact x not found' },
    })
    expect(Object.keys(plain.error)).toEqual(['code', 'message'])
    const issues = [{ path: ['firstName'], message: 'must not be empty' }]
    const invalid = apiError('validation_failed', 'Invalid request', { issues }).body(REQUEST_ID)
    expect(invalid.error).toEqual({ code: 'validation_failed', message: 'Invalid request', issues })
  })

  it('answers with its status, JSON headers and the request id, its own headers over the common ones', () => {
    const error = apiError('rate_limited', 'Slow down', {
      headers: { 'Retry-After': '3', 'X-RateLimit-Remaining': '0' },
    })
    const response = error.response(REQUEST_ID, { Vary: 'Origin', 'X-RateLimit-Remaining': '5', 'X-Request-Id': 'old' })
    expect(response.status).toBe(429)
    expect(response.headers).toEqual({
      Vary: 'Origin',
      'X-RateLimit-Remaining': '0',
      'X-Request-Id': REQUEST_ID,
      'Retry-After': '3',
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(response.body as string)),
    })
    expect(apiError('conflict', 'x').response(REQUEST_ID).headers['X-Request-Id']).toBe(REQUEST_ID)
  })
})

describe('jsonResponse', () => {
  it('sets the JSON type and the length in bytes, not characters', () => {
    const headers: Record<string, string> = { Vary: 'Origin' }
    const response = jsonResponse(201, '{"name":"Zoë 😀"}', headers)
    expect(response).toEqual({
      status: 201,
      body: '{"name":"Zoë 😀"}',
      headers: { Vary: 'Origin', 'Content-Type': 'application/json', 'Content-Length': '20' },
    })
    expect(response.headers).toBe(headers)
  })
})

describe('validationError', () => {
  it('is a 422 whose message names every offending field, however many', () => {
    const issues = Array.from({ length: 7 }, (_, i) => ({ path: [`field${i}`], message: 'is not a known field' }))
    const error = validationError(issues)
    expect(error.status).toBe(422)
    expect(error.code).toBe('validation_failed')
    expect(error.issues).toBe(issues)
    expect(error.message).toBe(
      `Invalid request: ${issues.map((issue) => `${issue.path[0]}: is not a known field`).join('; ')}`,
    )
  })

  it('names a nested field by its path as the request spells it', () => {
    expect(validationError([{ path: ['peopleIds', 1], message: 'is not a known contact (x)' }]).message).toBe(
      'Invalid request: peopleIds.1: is not a known contact (x)',
    )
  })
})

describe('notFound', () => {
  it('is a 404 saying what was not found', () => {
    const error = notFound('Contact abc')
    expect(error.status).toBe(404)
    expect(error.code).toBe('not_found')
    expect(error.message).toBe('Contact abc not found')
  })
})
