import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  CcError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestError,
  ResponseTooLargeError,
  ResponseValidationError,
  TimeoutError,
  UnprocessableEntityError,
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

describe('CcError', () => {
  it('puts its message on one line, without control or escape sequences', () => {
    const error = new CcError('first\nsecond\x1b[31m red\u202e')
    expect(error.message).toBe('first second red')
    expect(error.name).toBe('CcError')
  })

  it('has a cause only when given one', () => {
    expect('cause' in new CcError('no cause')).toBe(false)
    expect('cause' in new CcError('no cause', { cause: undefined })).toBe(false)
    const cause = new Error('root')
    expect(new CcError('with cause', { cause }).cause).toBe(cause)
  })

  it('toJSON and util.inspect of an error without details: name and message', () => {
    const error = new CcError('plain')
    expect(error.toJSON()).toEqual({ name: 'CcError', message: 'plain' })
    expect(inspect(error)).toBe(error.stack)
    error.stack = undefined
    expect(inspect(error)).toBe('CcError: plain')
  })
})

describe('what each error shows', () => {
  const init = { ...apiInit, body: { error: { code: 'x', detail: { deeper: { deepest: 1 } } } } }

  it('every class has its own name', () => {
    const classes = [
      BadRequestError,
      AuthenticationError,
      PermissionDeniedError,
      NotFoundError,
      ConflictError,
      UnprocessableEntityError,
      RateLimitError,
      InternalServerError,
    ]
    expect(classes.map((ErrorClass) => new ErrorClass(apiInit).name)).toEqual(classes.map((c) => c.name))
    expect(new ApiError(apiInit).name).toBe('ApiError')
    expect(new ResponseTooLargeError(10, { ...context, status: 200 }).name).toBe('ResponseTooLargeError')
    expect(new ValidationError('bad', [], {}).name).toBe('ValidationError')
    expect(new RequestError('failed', context, 'none').name).toBe('RequestError')
  })

  it('the location names the attempt, the request id, or neither, as asked', () => {
    const init = { ...context, attempts: 2, requestId: 'req_7' }
    const where = `${context.method} ${context.path}`
    expect(new RequestError('failed', init, 'attempt').message).toBe(`failed (${where}, attempt 2)`)
    expect(new RequestError('failed', init, 'requestId').message).toBe(`failed (${where}, request req_7)`)
    expect(new RequestError('failed', init, 'none').message).toBe(`failed (${where})`)
    expect(new RequestError('failed', context, 'requestId').message).toBe(`failed (${where})`)
  })

  it('an ApiError: status, code, request id, where, and the body, in that order', () => {
    const error = new ApiError(apiInit)
    expect(Object.keys(error.toJSON())).toEqual([
      'name',
      'message',
      'status',
      'code',
      'requestId',
      'method',
      'path',
      'attempts',
      'body',
    ])
    expect(error.toJSON()).toMatchObject({ status: 404, code: 'not_found', body: { error: 'x' }, attempts: 2 })
    expect(error.headers).toEqual({})
  })

  it('an ApiError is worded from what the server said, or says it said nothing', () => {
    const words = (code: string | undefined, serverMessage: string | undefined) =>
      new ApiError({ ...apiInit, code, serverMessage, requestId: undefined }).message
    expect(words('not_found', 'gone')).toBe('404 not_found: gone (PUT /people/jd79abc123def)')
    expect(words('not_found', undefined)).toBe('404 not_found (PUT /people/jd79abc123def)')
    expect(words(undefined, 'gone')).toBe('404 gone (PUT /people/jd79abc123def)')
    expect(words('', '')).toBe('404 no error details in the response (PUT /people/jd79abc123def)')
    expect(words(undefined, undefined)).toBe('404 no error details in the response (PUT /people/jd79abc123def)')
  })

  it('a 422 keys the server’s issues by field, the first issue of a field winning', () => {
    const error = new UnprocessableEntityError({
      ...apiInit,
      status: 422,
      issues: [
        { path: ['email'], message: 'first problem' },
        { path: ['tags', 3], message: 'must not be empty' },
        { path: ['email'], message: 'second problem' },
      ],
    })
    expect(error.fieldErrors).toEqual({ email: 'first problem', 'tags.3': 'must not be empty' })
    expect(error.toJSON()).toMatchObject({ fieldErrors: error.fieldErrors, status: 422 })
    const none = new UnprocessableEntityError({ ...apiInit, status: 422 })
    expect(none.issues).toEqual([])
    expect(none.fieldErrors).toEqual({})
  })

  it('a 429 says how long the server asked to wait', () => {
    const error = new RateLimitError({ ...apiInit, status: 429, retryAfter: 2000 })
    expect(error.retryAfter).toBe(2000)
    expect(error.toJSON()).toMatchObject({ status: 429, retryAfter: 2000 })
    expect(Object.keys(error.toJSON()).at(-1)).toBe('retryAfter')
  })

  it('a ConnectionError shows its cause; a TimeoutError its timeout', () => {
    const cause = new Error('reset')
    expect(new ConnectionError('Connection failed: reset', context, cause).toJSON()).toEqual({
      name: 'ConnectionError',
      message: 'Connection failed: reset (PUT /people/jd79abc123def, attempt 2)',
      method: 'PUT',
      path: '/people/jd79abc123def',
      attempts: 2,
      cause,
    })
    expect(new TimeoutError(1500, context).toJSON()).toEqual({
      name: 'TimeoutError',
      message: 'Request timed out after 1500 ms (PUT /people/jd79abc123def, attempt 2)',
      method: 'PUT',
      path: '/people/jd79abc123def',
      attempts: 2,
      timeout: 1500,
    })
  })

  it('an AbortError keeps the signal’s reason as its cause', () => {
    const reason = new Error('user pressed Ctrl+C')
    const error = new AbortError(context, reason)
    expect(error.cause).toBe(reason)
    expect(error.toJSON()).toEqual({
      name: 'AbortError',
      message: 'Request aborted by the caller (PUT /people/jd79abc123def)',
      method: 'PUT',
      path: '/people/jd79abc123def',
      attempts: 2,
    })
  })

  it('a ResponseTooLargeError: the status, where, and the limit', () => {
    const error = new ResponseTooLargeError(1024, { ...context, status: 200, requestId: 'req_big' })
    expect(error.message).toBe(
      'The response is larger than maxResponseBytes (1024 bytes); the rest was not read (PUT /people/jd79abc123def, request req_big)',
    )
    expect(error).toMatchObject({ status: 200, limit: 1024, requestId: 'req_big' })
    expect(error.toJSON()).toEqual({
      name: 'ResponseTooLargeError',
      message: error.message,
      status: 200,
      requestId: 'req_big',
      method: 'PUT',
      path: '/people/jd79abc123def',
      attempts: 2,
      limit: 1024,
    })
  })

  it('a ResponseValidationError shows each issue as its path and message only', () => {
    const error = new ResponseValidationError('The response does not match the contract: data.emails: wrong', {
      ...context,
      status: 200,
      requestId: undefined,
      issues: [{ code: 'invalid_type', expected: 'array', path: ['data', 'emails'], message: 'wrong', input: 'x' }],
    })
    expect(error.status).toBe(200)
    expect(error.toJSON()).toEqual({
      name: 'ResponseValidationError',
      message: 'The response does not match the contract: data.emails: wrong (PUT /people/jd79abc123def)',
      status: 200,
      method: 'PUT',
      path: '/people/jd79abc123def',
      attempts: 2,
      issues: [{ path: ['data', 'emails'], message: 'wrong' }],
    })
  })

  it('a ValidationError shows its field errors', () => {
    const error = new ValidationError('Invalid input: email: must be an email', [], {
      email: 'email: must be an email',
    })
    expect(error.toJSON()).toEqual({
      name: 'ValidationError',
      message: 'Invalid input: email: must be an email',
      fieldErrors: { email: 'email: must be an email' },
    })
  })

  it('util.inspect goes one level less deep into the details than it was asked to', () => {
    const error = new ApiError(init)
    const shallow = inspect(error, { depth: 3 })
    expect(shallow).toContain('detail: [Object]')
    expect(shallow).not.toContain('deeper')
    const deeper = inspect(error, { depth: 4 })
    expect(deeper).toContain('deeper: [Object]')
    const all = inspect(error, { depth: null })
    expect(all).toContain('deepest: 1')
    expect(all.startsWith(error.stack as string)).toBe(true)
  })
})
