import { type ClientErrorName, errorCodes } from '@cc/schema'
import { describe, expect, it } from 'vitest'
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  CcError,
  ConflictError,
  createClient,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../index.js'
import { answering, errorBody, json, offline } from './test-fetch.js'

/** What `cc.people.get` rejects with when the server answers `response` (no retries). */
async function failure(response: () => Response): Promise<ApiError> {
  const cc = createClient(offline(answering(response).fetch, { maxRetries: 0 }))
  const error = await cc.people.get('jd79abc123def').catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

describe('error classes by status', () => {
  it.each([
    [400, BadRequestError, 'bad_request'],
    [401, AuthenticationError, 'unauthorized'],
    [403, PermissionDeniedError, 'forbidden'],
    [404, NotFoundError, 'not_found'],
    [409, ConflictError, 'conflict'],
    [422, UnprocessableEntityError, 'validation_failed'],
    [429, RateLimitError, 'rate_limited'],
    [500, InternalServerError, 'internal_error'],
    [503, InternalServerError, 'service_unavailable'],
    [529, InternalServerError, 'overloaded'],
  ])('%i → %o', async (status, ErrorClass, code) => {
    const error = await failure(() => json(status, errorBody(code, 'Something specific', 'req_42')))
    expect(error).toBeInstanceOf(ErrorClass)
    expect(error).toBeInstanceOf(CcError)
    expect(error.name).toBe(ErrorClass.name)
    expect(error).toMatchObject({ status, code, requestId: 'req_42', method: 'GET', path: '/people/jd79abc123def' })
    expect(error.message).toBe(`${status} ${code}: Something specific (GET /people/jd79abc123def, request req_42)`)
    expect(error.body).toEqual(errorBody(code, 'Something specific', 'req_42'))
  })

  it('every code of the table in @cc/schema becomes the class it names', async () => {
    const classes: Record<ClientErrorName, unknown> = {
      ApiError,
      BadRequestError,
      AuthenticationError,
      PermissionDeniedError,
      NotFoundError,
      ConflictError,
      UnprocessableEntityError,
      RateLimitError,
      InternalServerError,
    }
    for (const [code, { status, clientError }] of Object.entries(errorCodes)) {
      const error = await failure(() => json(status, errorBody(code, 'From the table', 'req_t')))
      expect(error.constructor, code).toBe(classes[clientError])
      expect(error.code).toBe(code)
    }
  })

  it('any other status is a plain ApiError', async () => {
    const error = await failure(() => json(418, { message: 'short and stout' }))
    expect(error.constructor).toBe(ApiError)
    expect(error.message).toBe('418 short and stout (GET /people/jd79abc123def)')
  })

  it('prefers the X-Request-Id header', async () => {
    const error = await failure(() =>
      json(404, errorBody('not_found', 'gone', 'from_body'), { 'x-request-id': 'from_header' }),
    )
    expect(error.requestId).toBe('from_header')
  })

  it('keeps response headers with credentials redacted', async () => {
    const error = await failure(() =>
      json(
        404,
        {},
        { 'set-cookie': 'session=abc', 'x-api-key': 'k', 'x-request-id': 'r1', 'content-type': 'application/json' },
      ),
    )
    expect(error.headers).toEqual({
      'content-type': 'application/json',
      'set-cookie': '[redacted]',
      'x-api-key': '[redacted]',
      'x-request-id': 'r1',
    })
  })
})

describe('lenient error bodies', () => {
  it('reads HTML', async () => {
    const error = await failure(
      () =>
        new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', {
          status: 502,
          headers: { 'content-type': 'text/html' },
        }),
    )
    expect(error).toBeInstanceOf(InternalServerError)
    expect(error.message).toBe('502 502 Bad Gateway (GET /people/jd79abc123def)')
    expect(error.body).toBe('<html><body><h1>502 Bad Gateway</h1></body></html>')
  })

  it('reads an empty body, falling back to the status text', async () => {
    const error = await failure(() => new Response(null, { status: 404, statusText: 'Not Found' }))
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error.body).toBeUndefined()
    expect(error.message).toBe('404 Not Found (GET /people/jd79abc123def)')
    const bare = await failure(() => new Response('', { status: 500 }))
    expect(bare.message).toBe('500 no error details in the response (GET /people/jd79abc123def)')
  })

  it.each([
    [{ error: 'plain text error' }, undefined, 'plain text error'],
    [{ code: 'E1', message: 'top-level' }, 'E1', 'top-level'],
    [{ errors: [{ message: 'first of many' }, { message: 'second' }] }, undefined, 'first of many'],
    [{ error: { code: 'nested', message: 'nested message' } }, 'nested', 'nested message'],
    [['an', 'array'], undefined, undefined],
  ])('reads JSON of any shape: %j', async (body, code, message) => {
    const error = await failure(() => json(400, body))
    expect(error.code).toBe(code)
    expect(error.body).toEqual(body)
    if (message) expect(error.message).toContain(message)
  })

  it('keeps broken JSON as text', async () => {
    const error = await failure(
      () => new Response('{"error": ', { status: 400, headers: { 'content-type': 'application/json' } }),
    )
    expect(error.body).toBe('{"error": ')
  })
})

describe('422 and 429 details', () => {
  it('422 carries the field issues', async () => {
    const issues = [
      { path: ['email'], message: 'must be a valid email address' },
      { path: ['tags', 3], message: 'must not be empty' },
    ]
    const error = await failure(() => json(422, errorBody('validation_failed', 'Invalid request', 'r', issues)))
    expect(error).toBeInstanceOf(UnprocessableEntityError)
    const unprocessable = error as UnprocessableEntityError
    expect(unprocessable.issues).toEqual(issues)
    expect(unprocessable.fieldErrors).toEqual({ email: 'must be a valid email address', 'tags.3': 'must not be empty' })
  })

  it('429 says how long to wait, and fails at once when that is over maxRetryAfter', async () => {
    const { fetch, sent } = answering(() => json(429, errorBody('rate_limited', 'slow down'), { 'retry-after': '120' }))
    const cc = createClient(offline(fetch, { maxRetryAfter: 60_000 }))
    const error = await cc.people.get('jd79abc123def').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).retryAfter).toBe(120_000)
    expect(sent).toHaveLength(1)
  })
})
