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
import { answering, errorBody, json, meta, offline } from './test-fetch.js'

type Call = (cc: ReturnType<typeof createClient>) => Promise<unknown>

/** What `call` (by default `cc.people.get`) rejects with when the server answers `response` (no retries). */
async function failure(
  response: () => Response,
  call: Call = (cc) => cc.people.get('jd79abc123def'),
): Promise<ApiError> {
  const cc = createClient(offline(answering(response).fetch, { maxRetries: 0 }))
  const error = await call(cc).catch((e: unknown) => e)
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

  it("takes the request id from the body's meta; the X-Request-Id header (a proxy's, perhaps) only when it has none", async () => {
    const error = await failure(() =>
      json(404, errorBody('not_found', 'gone', 'from_body'), { 'x-request-id': 'from_header' }),
    )
    expect(error.requestId).toBe('from_body')
    expect(error.message).toBe('404 not_found: gone (GET /people/jd79abc123def, request from_body)')
    const fromProxy = await failure(
      () => new Response('<h1>Bad Gateway</h1>', { status: 502, headers: { 'x-request-id': 'from_header' } }),
    )
    expect(fromProxy.requestId).toBe('from_header')
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
    // Through a DELETE: on `people.get`, a 404 that is not the API's own would send the client to its fallback.
    const error = await failure(
      () => new Response(null, { status: 404, statusText: 'Not Found' }),
      (cc) => cc.people.delete('jd79abc123def'),
    )
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error.body).toBeUndefined()
    expect(error.message).toBe('404 Not Found (DELETE /people/jd79abc123def)')
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

describe('error bodies are bounded', () => {
  const KiB = 1024

  it('a body over 64 KiB is cut to 64 KiB before it is parsed', async () => {
    const error = await failure(() => new Response('x'.repeat(1024 * KiB), { status: 500 }))
    expect(error).toBeInstanceOf(InternalServerError)
    expect(error.body).toBe('x'.repeat(64 * KiB))
  })

  it('a 1 MiB body of unclosed "<" is parsed without blocking: only the first 64 KiB reach the parser', async () => {
    const error = await failure(() => new Response('<'.repeat(1024 * KiB), { status: 502 }))
    expect(error).toBeInstanceOf(InternalServerError)
    expect(error.body).toBe('<'.repeat(64 * KiB))
  })
})

/** Characters a terminal acts on or hides: C0 but tab and newline, DEL, C1, bidi controls, zero-width characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these characters are what the test looks for
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u

/** Every string in `value`, keys included. */
function strings(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return [value]
  if (value === null || typeof value !== 'object' || seen.has(value)) return []
  seen.add(value)
  return Object.entries(value).flatMap(([key, item]) => [key, ...strings(item, seen)])
}

describe('server text is untrusted', () => {
  const hostile = {
    osc52: '\x1b]52;c;cm0gLXJmIH4=\x07',
    title: '\x1b]0;pwned\x1b\\',
    clear: '\x1b[2J\x1b[H',
    c1: '\u009b31m\u009d0;t\u009c',
    bidi: '\u202egnp.exe\u202c\u2066x\u2069',
    zeroWidth: 'a\u200bd\u200dm\u2060i\ufeffn',
    controls: 'bell\x07back\x08\x08cr\rdel\x7f',
  }
  const all = Object.values(hostile).join(' ')

  it('control and escape sequences from the body reach no field of the error', async () => {
    const body = {
      meta: meta(`req\x1b[31m_1`),
      success: false,
      error: {
        code: `validation_failed${hostile.c1}`,
        message: `Invalid ${all}`,
        issues: [{ path: [`email${hostile.osc52}`], message: `must be ${hostile.title}${hostile.bidi}` }],
      },
      [`extra${hostile.clear}`]: [hostile.zeroWidth, { nested: hostile.controls }],
    }
    const error = (await failure(() => json(422, body))) as UnprocessableEntityError
    expect(error).toBeInstanceOf(UnprocessableEntityError)
    const fields = strings({ ...error.toJSON(), stack: error.stack, issues: error.issues, headers: error.headers })
    expect(fields.filter((text) => UNSAFE.test(text))).toEqual([])
    // Escape sequences go whole; bidi and zero-width characters go; a carriage return becomes a space.
    expect(error.message).toBe(
      '422 validation_failed: Invalid     gnp.exex admin bellbackcr del (GET /people/jd79abc123def, request req_1)',
    )
    expect(error.fieldErrors).toEqual({ email: 'must be gnp.exex' })
  })

  it('headers, status text and plain-text bodies are cleaned too', async () => {
    const error = await failure(
      () =>
        new Response(`<h1>Oops${hostile.osc52}${hostile.bidi}</h1>`, {
          status: 418,
          statusText: `Teapot\u009b2J`,
          headers: { 'x-request-id': `r\x1b]0;t\x07-1`, 'x-note': `n${hostile.clear}` },
        }),
    )
    const fields = strings({ ...error.toJSON(), stack: error.stack, headers: error.headers })
    expect(fields.filter((text) => UNSAFE.test(text))).toEqual([])
    expect(error.requestId).toBe('r-1')
    expect(error.headers['x-note']).toBe('n')
  })
})
