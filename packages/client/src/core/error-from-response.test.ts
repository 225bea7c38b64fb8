import { type ClientErrorName, ERROR_TEXT_MAX_CHARS, errorCodes } from '@cc/schema'
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
import { errorFromResponse } from './error-from-response.js'
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

describe('errorFromResponse', () => {
  const KEY = 'ccmd_live_secret_key_0123456789'
  const context = { method: 'PUT', path: '/people/jd79abc123def', attempts: 1 }
  const URL_ = 'https://api.example.test/v1/people/jd79abc123def'
  const read = (response: Response, text: string, truncated = false) =>
    errorFromResponse(response, text, { context, secrets: [KEY], url: URL_, truncated })

  it('a status outside the table: InternalServerError from 500 up, ApiError below', () => {
    expect(read(new Response(null, { status: 599 }), '').constructor).toBe(InternalServerError)
    expect(read(new Response(null, { status: 507 }), '').constructor).toBe(InternalServerError)
    expect(read(new Response(null, { status: 499 }), '').constructor).toBe(ApiError)
    expect(read(new Response(null, { status: 402 }), '').constructor).toBe(ApiError)
  })

  it('the wait a 429 asks for', () => {
    const error = read(new Response(null, { status: 429, headers: { 'retry-after': '7' } }), '') as RateLimitError
    expect(error.retryAfter).toBe(7000)
  })

  it('a body cut short loses the start of a key at its end, whose rest was not read', () => {
    const cut = `{"echo":"Bearer ${KEY.slice(0, 9)}`
    expect(read(new Response(null, { status: 500 }), cut, true).body).toBe('{"echo":"Bearer ')
    // Whole, the same text keeps its end: it is not the start of a key that was cut.
    expect(read(new Response(null, { status: 500 }), cut, false).body).toBe(cut)
    // A key read whole is redacted, cut or not.
    expect(read(new Response(null, { status: 500 }), `key ${KEY}`, true).body).toBe('key [redacted]')
    // Only the longest start of the key that ends the text goes, however short.
    expect(read(new Response(null, { status: 500 }), 'abc', true).body).toBe('ab')
    expect(read(new Response(null, { status: 500 }), 'abx', true).body).toBe('abx')
  })

  it('a body longer than the cap counts as cut', () => {
    const long = `${'x'.repeat(64 * 1024 - 4)}ccmd_live`
    const body = read(new Response(null, { status: 500 }), long).body as string
    expect(body).toBe('x'.repeat(64 * 1024 - 4))
  })

  it('a body of exactly the cap is whole: its end is kept, even the start of a key', () => {
    const text = `${'x'.repeat(ERROR_TEXT_MAX_CHARS - 4)}ccmd`
    expect(read(new Response(null, { status: 500 }), text).body).toBe(text)
  })

  it('null in a JSON body stays null', () => {
    const text = '{"error":{"code":"bad_request","message":"No","details":null},"items":[null]}'
    expect(read(new Response(null, { status: 400 }), text).body).toEqual(JSON.parse(text))
  })

  it('a tab inside a header value becomes a space', () => {
    const error = read(new Response(null, { status: 500, headers: { 'x-note': 'a\tb' } }), '')
    expect(error.headers['x-note']).toBe('a b')
  })

  it('a body longer than the cap is cut at the cap', () => {
    const body = read(new Response(null, { status: 500 }), 'y'.repeat(ERROR_TEXT_MAX_CHARS + 10)).body as string
    expect(body).toBe('y'.repeat(ERROR_TEXT_MAX_CHARS))
  })

  it('an error that is no redirect keeps its Location header (a 409 naming the resource that exists)', () => {
    const error = read(new Response(null, { status: 409, headers: { location: '/v1/people/jd79other0001' } }), '')
    expect(error.headers.location).toBe('/v1/people/jd79other0001')
  })

  it('keeps strings at any depth, but no object deeper than 32 levels', () => {
    let nested: unknown = { leaf: 'kept' }
    for (let i = 0; i < 31; i++) nested = { n: nested }
    const error = read(new Response(null, { status: 400 }), JSON.stringify(nested))
    let node = error.body as Record<string, unknown>
    for (let i = 0; i < 31; i++) node = node.n as Record<string, unknown>
    expect(node).toEqual({ leaf: 'kept' })

    const deeper = read(new Response(null, { status: 400 }), JSON.stringify({ n: nested }))
    node = deeper.body as Record<string, unknown>
    for (let i = 0; i < 31; i++) node = node.n as Record<string, unknown>
    expect(node.n).toBe('[nested too deep]')

    let list: unknown = ['leaf']
    for (let i = 0; i < 32; i++) list = [list]
    let item = read(new Response(null, { status: 400 }), JSON.stringify(list)).body as unknown[]
    for (let i = 0; i < 31; i++) item = item[0] as unknown[]
    expect(item).toEqual(['[nested too deep]'])
  })

  it('cleans keys onto one line and keeps a "__proto__" key as a key', () => {
    const error = read(new Response(null, { status: 400 }), '{"__proto__":{"polluted":true},"a\\nb\\u001b[31m":1}')
    const body = error.body as Record<string, unknown>
    expect(Object.keys(body)).toEqual(['__proto__', 'a b'])
    expect(Object.hasOwn(body, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it("cleans the issues' paths and messages onto one line, numbers kept", () => {
    const body = errorBody('validation_failed', 'Invalid', 'req_1', [
      { path: ['tags\n', 2], message: 'must not\nbe empty' },
    ])
    const error = read(new Response(null, { status: 422 }), JSON.stringify(body)) as UnprocessableEntityError
    expect(error.issues).toEqual([{ path: ['tags ', 2], message: 'must not be empty' }])
  })

  it('a multi-line value in the body keeps its lines; a message keeps one', () => {
    const error = read(new Response(null, { status: 400 }), JSON.stringify({ message: 'line one\nline two' }))
    expect(error.body).toEqual({ message: 'line one\nline two' })
    expect(error.message).toBe('400 line one line two (PUT /people/jd79abc123def)')
  })

  it('white space only is no body', () => {
    expect(read(new Response(null, { status: 400, statusText: 'Bad' }), ' \n ').body).toBeUndefined()
  })

  describe('redirects', () => {
    const redirect = (status: number, location: string | undefined, body = '<a>moved</a>') =>
      read(new Response(null, { status, headers: location === undefined ? {} : { location } }), body)

    it('names the target by origin and path, keeps it as the location header, and drops the body', () => {
      const error = redirect(302, '/v2/people/jd79abc123def?token=abc#x')
      expect(error.message).toBe(
        '302 redirect to https://api.example.test/v2/people/jd79abc123def not followed (PUT /people/jd79abc123def)',
      )
      expect(error.headers.location).toBe('https://api.example.test/v2/people/jd79abc123def')
      expect(error.body).toBeUndefined()
    })

    it('from 300 to 399 only, and only with a Location', () => {
      expect(redirect(300, 'https://elsewhere.example/').message).toMatch(/^300 redirect to https:\/\/elsewhere/)
      expect(redirect(399, 'https://elsewhere.example/').message).toMatch(/^399 redirect to /)
      expect(redirect(400, 'https://elsewhere.example/', '').message).toBe(
        '400 no error details in the response (PUT /people/jd79abc123def)',
      )
      expect(redirect(304, undefined, '').message).toBe(
        '304 no error details in the response (PUT /people/jd79abc123def)',
      )
    })

    it('a Location that is not a URL, or not http(s), is named as such and not kept', () => {
      const invalid = redirect(301, 'http://[oops')
      expect(invalid.message).toBe('301 redirect to an invalid Location not followed (PUT /people/jd79abc123def)')
      expect(invalid.headers).not.toHaveProperty('location')
      const script = redirect(302, 'javascript:alert(1)')
      expect(script.message).toBe('302 redirect to a javascript: URL not followed (PUT /people/jd79abc123def)')
      expect(script.headers).not.toHaveProperty('location')
      expect(script.body).toBeUndefined()
    })

    it('a long target is cut at 200 characters', () => {
      const path = `/${'p'.repeat(300)}`
      const error = redirect(302, `https://elsewhere.example${path}`)
      const named = `https://elsewhere.example${path}`.slice(0, 200)
      expect(error.headers.location).toBe(`${named}…`)
      expect(error.message).toBe(`302 redirect to ${named}… not followed (PUT /people/jd79abc123def)`)
      const exact = `https://elsewhere.example/${'p'.repeat(200 - 26)}`
      expect(exact).toHaveLength(200)
      expect(redirect(302, exact).headers.location).toBe(exact)
    })

    it("a browser's opaque redirect says it cannot say where", () => {
      const response = new Response(null, { status: 200 })
      Object.defineProperty(response, 'type', { value: 'opaqueredirect' })
      Object.defineProperty(response, 'status', { value: 0 })
      const error = read(response, '')
      expect(error.message).toBe(
        '0 redirect not followed (the browser does not say where to) (PUT /people/jd79abc123def)',
      )
      expect(error.body).toBeUndefined()
    })
  })
})
