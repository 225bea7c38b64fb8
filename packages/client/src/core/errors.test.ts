import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import {
  AbortError,
  ApiError,
  CcError,
  ConnectionError,
  NotFoundError,
  RequestError,
  ResponseValidationError,
  TimeoutError,
  ValidationError,
} from './errors.js'

const context = { method: 'PUT', path: '/people/jd79abc123def', attempts: 2 }
const apiInit = {
  ...context,
  status: 404,
  code: 'not_found',
  serverMessage: 'Contact jd79abc123def not found',
  requestId: 'req_1',
  body: { error: 'x' },
  headers: {},
}

describe('RequestError: the errors of one request', () => {
  const errors = [
    new ApiError(apiInit),
    new NotFoundError(apiInit),
    new ConnectionError('Connection failed: ECONNRESET', context, new Error('reset')),
    new TimeoutError(1000, context),
    new AbortError(context, new Error('stop')),
    new ResponseValidationError('The response body is not JSON', {
      ...context,
      status: 200,
      requestId: 'r',
      issues: [],
    }),
  ]

  it.each(errors.map((error) => [error.name, error] as const))('%s carries method, path and attempts', (_, error) => {
    expect(error).toBeInstanceOf(RequestError)
    expect(error).toBeInstanceOf(CcError)
    expect(error).toMatchObject(context)
    expect(error.toJSON()).toMatchObject(context)
  })

  it('words where it happened in one way: the request id for answers, the attempt for failures on the way', () => {
    expect(errors.map((error) => error.message)).toEqual([
      '404 not_found: Contact jd79abc123def not found (PUT /people/jd79abc123def, request req_1)',
      '404 not_found: Contact jd79abc123def not found (PUT /people/jd79abc123def, request req_1)',
      'Connection failed: ECONNRESET (PUT /people/jd79abc123def, attempt 2)',
      'Request timed out after 1000 ms (PUT /people/jd79abc123def, attempt 2)',
      'Request aborted by the caller (PUT /people/jd79abc123def)',
      'The response body is not JSON (PUT /people/jd79abc123def, request r)',
    ])
  })

  it('shows the request id only when there is one', () => {
    const error = new ApiError({ ...apiInit, requestId: undefined })
    expect(error.message).toBe('404 not_found: Contact jd79abc123def not found (PUT /people/jd79abc123def)')
    expect(error.toJSON()).not.toHaveProperty('requestId')
    expect(new ApiError(apiInit).toJSON()).toMatchObject({ requestId: 'req_1', status: 404, code: 'not_found' })
  })

  it('util.inspect shows the same fields as toJSON, nothing else', () => {
    const text = inspect(new TimeoutError(1000, context))
    expect(text).toContain("method: 'PUT'")
    expect(text).toContain('timeout: 1000')
  })

  it('a ValidationError belongs to no request', () => {
    expect(new ValidationError('bad', [], {})).not.toBeInstanceOf(RequestError)
  })
})
