import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  AbortError,
  type ClientOptions,
  ConflictError,
  ConnectionError,
  createClient,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  ResponseTooLargeError,
  ResponseValidationError,
  TimeoutError,
  ValidationError,
} from '../index.js'
import { answering, collectingLogger, errorBody, json, meta, offline, person } from './test-fetch.js'

const ID = 'jd79abc123def'
const ok = () => json(200, { meta: meta(), data: person(ID) })
const created = () => json(201, { meta: meta(), data: { created: true, id: ID, person: person(ID) } })
const unavailable =
  (headers: Record<string, string> = {}) =>
  () =>
    json(503, errorBody('service_unavailable', 'try later'), headers)
const reset = () =>
  Promise.reject(
    new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) }),
  )

/** The real backoff (0.5 s doubling), jitter pinned to zero, on a fake clock. */
const realBackoff: ClientOptions = { backoff: { initialDelay: 500, maxDelay: 8_000 } }

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  vi.spyOn(Math, 'random').mockReturnValue(0)
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

/** Lets the fake clock run `ms`, then says how many requests were sent so far. */
async function after(ms: number, sent: unknown[]): Promise<number> {
  await vi.advanceTimersByTimeAsync(ms)
  return sent.length
}

describe('backoff', () => {
  it('waits 0.5 s, then 1 s between attempts', async () => {
    const { fetch, sent } = answering(unavailable(), unavailable(), ok)
    const result = createClient(offline(fetch, realBackoff)).people.get(ID)
    expect(await after(0, sent)).toBe(1)
    expect(await after(499, sent)).toBe(1)
    expect(await after(1, sent)).toBe(2)
    expect(await after(999, sent)).toBe(2)
    expect(await after(1, sent)).toBe(3)
    expect((await result).id).toBe(ID)
  })

  it('gives up after maxRetries, reporting the attempts', async () => {
    const { fetch, sent } = answering(unavailable())
    const result = createClient(offline(fetch, realBackoff))
      .people.get(ID)
      .catch((e: unknown) => e)
    await vi.runAllTimersAsync()
    const error = await result
    expect(error).toBeInstanceOf(InternalServerError)
    expect((error as InternalServerError).attempts).toBe(3)
    expect(sent).toHaveLength(3)
  })

  it('maxRetries: 0 means exactly one attempt; a call can override the client', async () => {
    const once = answering(unavailable())
    await expect(createClient(offline(once.fetch, { maxRetries: 0 })).people.get(ID)).rejects.toThrow(
      InternalServerError,
    )
    expect(once.sent).toHaveLength(1)

    const twice = answering(unavailable())
    const result = createClient(offline(twice.fetch, { maxRetries: 0 }))
      .people.get(ID, { maxRetries: 1 })
      .catch((e: unknown) => e)
    await vi.runAllTimersAsync()
    expect(await result).toBeInstanceOf(InternalServerError)
    expect(twice.sent).toHaveLength(2)
  })
})

describe('what is retried', () => {
  it('never a 404', async () => {
    const { fetch, sent } = answering(() => json(404, errorBody('not_found', 'no such contact')))
    await expect(createClient(offline(fetch)).people.get(ID)).rejects.toThrow(NotFoundError)
    expect(sent).toHaveLength(1)
  })

  it('a 409 and a 408 on PUT', async () => {
    const { fetch, sent } = answering(
      () => json(409, errorBody('conflict', 'locked')),
      () => json(408, {}),
      () => json(200, { meta: meta(), success: true }),
    )
    const result = createClient(offline(fetch)).people.update(ID, { city: 'Austin' })
    await vi.runAllTimersAsync()
    expect(await result).toEqual({ success: true })
    expect(sent.map((request) => request.method)).toEqual(['PUT', 'PUT', 'PUT'])
  })

  it('not a 409 to a DELETE: the contact is in a state that forbids it', async () => {
    const { fetch, sent } = answering(() => json(409, errorBody('conflict', 'locked')))
    await expect(createClient(offline(fetch)).people.delete(ID)).rejects.toThrow(ConflictError)
    expect(sent).toHaveLength(1)
  })

  it('connection failures, until they run out', async () => {
    const { fetch, sent } = answering(reset)
    const result = createClient(offline(fetch))
      .people.get(ID)
      .catch((e: unknown) => e)
    await vi.runAllTimersAsync()
    const error = (await result) as ConnectionError
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error.message).toBe(`Connection failed: ECONNRESET read ECONNRESET (GET /people/${ID}, attempt 3)`)
    expect(error.cause).toBeInstanceOf(Error)
    expect(sent).toHaveLength(3)
  })

  it('no POST without an idempotency key (deals, activities)', async () => {
    const { fetch, sent } = answering(unavailable(), reset)
    const cc = createClient(offline(fetch))
    await expect(cc.deals.create({ title: 'Deal', pipelineId: 'pipe_buyers' })).rejects.toThrow(InternalServerError)
    await expect(cc.activities.create({ personId: ID, type: 'note', content: 'hi' })).rejects.toThrow(ConnectionError)
    expect(sent).toHaveLength(2)
  })

  it('people.create: one Idempotency-Key per call, the same on every retry', async () => {
    const { fetch, sent } = answering(unavailable(), reset, created, created)
    const cc = createClient(offline(fetch))
    const first = cc.people.create({ email: 'a@example.com' })
    await vi.runAllTimersAsync()
    expect((await first).created).toBe(true)
    const second = cc.people.create({ email: 'b@example.com' }, { idempotencyKey: 'my-key-1' })
    await vi.runAllTimersAsync()
    await second
    const keys = sent.map((request) => request.headers.get('idempotency-key'))
    expect(keys).toHaveLength(4)
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/)
    expect(keys.slice(0, 3)).toEqual([keys[0], keys[0], keys[0]])
    expect(keys[3]).toBe('my-key-1')
  })

  it('x-should-retry from the server wins', async () => {
    const no = answering(unavailable({ 'x-should-retry': 'false' }))
    await expect(createClient(offline(no.fetch)).people.get(ID)).rejects.toThrow(InternalServerError)
    expect(no.sent).toHaveLength(1)

    const yes = answering(() => json(400, errorBody('bad_request', 'flaky'), { 'x-should-retry': 'true' }), ok)
    const result = createClient(offline(yes.fetch)).people.get(ID)
    await vi.runAllTimersAsync()
    await result
    expect(yes.sent).toHaveLength(2)
  })
})

describe('server-requested waits', () => {
  it('Retry-After replaces the backoff', async () => {
    const { fetch, sent } = answering(
      () => json(429, errorBody('rate_limited', 'slow down'), { 'retry-after': '2' }),
      ok,
    )
    const result = createClient(offline(fetch, realBackoff)).people.get(ID)
    expect(await after(1999, sent)).toBe(1)
    expect(await after(1, sent)).toBe(2)
    await result
  })

  it('retry-after-ms is read first', async () => {
    const { fetch, sent } = answering(unavailable({ 'retry-after-ms': '750', 'retry-after': '5' }), ok)
    const result = createClient(offline(fetch, realBackoff)).people.get(ID)
    expect(await after(749, sent)).toBe(1)
    expect(await after(1, sent)).toBe(2)
    await result
  })

  it('Retry-After: 0 (or any wait shorter than the backoff) never makes retries back to back', async () => {
    const { fetch, sent } = answering(
      unavailable({ 'retry-after': '0' }),
      () => json(429, errorBody('rate_limited', 'now'), { 'retry-after-ms': '100' }),
      ok,
    )
    const result = createClient(offline(fetch, realBackoff)).people.get(ID)
    expect(await after(0, sent)).toBe(1)
    expect(await after(499, sent)).toBe(1)
    expect(await after(1, sent)).toBe(2)
    expect(await after(999, sent)).toBe(2)
    expect(await after(1, sent)).toBe(3)
    expect((await result).id).toBe(ID)
  })

  it('a 503 asking for longer than maxRetryAfter fails at once', async () => {
    const { fetch, sent } = answering(unavailable({ 'retry-after': '3600' }))
    await expect(createClient(offline(fetch)).people.get(ID)).rejects.toThrow(InternalServerError)
    expect(sent).toHaveLength(1)
  })

  it('a 429 holds back the other calls of the client until the wait is over', async () => {
    let calls = 0
    const { fetch, sent } = answering(() =>
      ++calls === 1 ? json(429, errorBody('rate_limited', 'slow down'), { 'retry-after': '3' }) : ok(),
    )
    const cc = createClient(offline(fetch, realBackoff))
    const first = cc.people.get(ID)
    expect(await after(1000, sent)).toBe(1)
    const second = cc.people.get(ID)
    expect(await after(1999, sent)).toBe(1)
    expect(await after(1, sent)).toBe(3)
    await Promise.all([first, second])
  })
})

describe('response size', () => {
  const MiB = 1024 * 1024

  /** A 200 whose body is `total` bytes of text (not JSON), made 1 MiB at a time as it is read; counts what was read. */
  function huge(total: number, headers: Record<string, string> = {}) {
    const stats = { pulled: 0, cancelled: false }
    const chunk = new Uint8Array(MiB).fill(0x61)
    const response = () => {
      stats.pulled = 0
      return new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            if (stats.pulled >= total) return controller.close()
            stats.pulled += chunk.byteLength
            controller.enqueue(chunk)
          },
          cancel() {
            stats.cancelled = true
          },
        }),
        { status: 200, headers: { 'x-request-id': 'req_big', ...headers } },
      )
    }
    return { response, stats }
  }

  it('a 48 MiB answer is not read whole: the read stops at maxResponseBytes (default 10 MiB), and is not retried', async () => {
    const { response, stats } = huge(48 * MiB)
    const { fetch, sent } = answering(response)
    const error = (await createClient(offline(fetch))
      .people.get(ID)
      .catch((e: unknown) => e)) as ResponseTooLargeError
    expect(error).toBeInstanceOf(ResponseTooLargeError)
    expect(error).toMatchObject({ limit: 10 * MiB, status: 200, requestId: 'req_big', attempts: 1 })
    expect(error.message).toBe(
      `The response is larger than maxResponseBytes (10485760 bytes); the rest was not read (GET /people/${ID}, request req_big)`,
    )
    // The stream keeps one chunk ahead of the reader: the limit, the chunk that crossed it, and one more.
    expect(stats.pulled).toBeLessThanOrEqual(12 * MiB)
    expect(stats.cancelled).toBe(true)
    expect(sent).toHaveLength(1)
  })

  it('per client and per call', async () => {
    const { response, stats } = huge(4 * MiB)
    const cc = createClient(offline(answering(response).fetch, { maxResponseBytes: MiB }))
    await expect(cc.people.get(ID)).rejects.toThrow(/larger than maxResponseBytes \(1048576 bytes\)/)
    expect(stats.pulled).toBeLessThanOrEqual(3 * MiB)
    await expect(cc.people.get(ID, { maxResponseBytes: 2 * MiB })).rejects.toThrow(/\(2097152 bytes\)/)
    // Within the limit the body is read (and here fails as not JSON, which it is not).
    await expect(cc.people.get(ID, { maxResponseBytes: 8 * MiB })).rejects.toThrow(ResponseValidationError)
    expect(stats.pulled).toBe(4 * MiB)
  })

  it('a declared Content-Length over the limit fails before the body is read', async () => {
    const { response, stats } = huge(48 * MiB, { 'content-length': String(48 * MiB) })
    const error = await createClient(offline(answering(response).fetch, { maxResponseBytes: 2 * MiB }))
      .people.get(ID)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ResponseTooLargeError)
    expect(stats.pulled).toBeLessThanOrEqual(MiB)
    expect(stats.cancelled).toBe(true)
  })

  it('an error answer is read up to ERROR_TEXT_MAX_CHARS (64 KiB), however long it is: the rest is never read', async () => {
    const stats = { pulled: 0, cancelled: false }
    const chunk = new Uint8Array(16 * 1024).fill(0x61)
    const endless = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            if (stats.pulled >= 4 * MiB) return controller.close()
            stats.pulled += chunk.byteLength
            controller.enqueue(chunk)
          },
          cancel() {
            stats.cancelled = true
          },
        }),
        { status: 500 },
      )
    const error = (await createClient(offline(answering(endless).fetch, { maxRetries: 0 }))
      .people.get(ID)
      .catch((e: unknown) => e)) as InternalServerError
    expect(error).toBeInstanceOf(InternalServerError)
    expect(error.body).toHaveLength(64 * 1024)
    // The stream keeps a chunk or two ahead of the reader.
    expect(stats.pulled).toBeLessThanOrEqual(64 * 1024 + 2 * chunk.byteLength)
    expect(stats.cancelled).toBe(true)
  })

  it('names the option when it is not a whole number of bytes', () => {
    expect(() => createClient(offline(answering(ok).fetch, { maxResponseBytes: 0 }))).toThrow(
      'maxResponseBytes: must be at least 1',
    )
  })
})

describe('timeouts', () => {
  it('cover waiting for the headers, and are retried', async () => {
    const { logger, lines } = collectingLogger()
    const { fetch, sent } = answering(() => new Promise<Response>(() => {}), ok)
    const result = createClient(offline(fetch, { timeout: 1000, logger, logLevel: 'info' })).people.get(ID)
    expect(await after(999, sent)).toBe(1)
    expect(await after(1 + 1, sent)).toBe(2)
    expect((await result).id).toBe(ID)
    expect(lines.map((l) => l.line)).toContainEqual(expect.stringMatching(/GET \/people\/\w+ → timed out \(1000 ms\)/))
  })

  it('cover reading the body', async () => {
    const stalled = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"meta":'))
          },
        }),
        { status: 200 },
      )
    const { fetch, sent } = answering(stalled)
    const result = createClient(offline(fetch, { timeout: 1000, maxRetries: 1 }))
      .people.get(ID)
      .catch((e: unknown) => e)
    await vi.runAllTimersAsync()
    const error = (await result) as TimeoutError
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error.message).toBe(`Request timed out after 1000 ms (GET /people/${ID}, attempt 2)`)
    expect(sent).toHaveLength(2)
  })
})

describe('a DELETE whose retry finds the contact gone', () => {
  const gone = () => json(404, errorBody('not_found', `Contact ${ID} not found`, 'req_gone'))
  const deleted = () => json(200, { meta: meta(), success: true, data: { deleted: true, permanent: false } })

  it.each([
    ['a connection failure', reset],
    ['a 503', unavailable()],
    ['a 500', () => json(500, errorBody('internal_error', 'failed after the commit'))],
  ])('after %s: deleted, already gone (an earlier attempt deleted it)', async (_, first) => {
    const { fetch, sent } = answering(first, gone)
    const result = createClient(offline(fetch)).people.delete(ID, { permanent: true }).withResponse()
    await vi.runAllTimersAsync()
    const { data, requestId, response } = await result
    expect(data).toEqual({ deleted: true, permanent: true, alreadyGone: true })
    expect(data.requestId).toBe('req_gone')
    expect(requestId).toBe('req_gone')
    expect(response.status).toBe(404)
    expect(sent.map((request) => request.method)).toEqual(['DELETE', 'DELETE'])
  })

  it('a 404 on the first attempt is a NotFoundError', async () => {
    const { fetch, sent } = answering(gone)
    await expect(createClient(offline(fetch)).people.delete(ID)).rejects.toThrow(NotFoundError)
    expect(sent).toHaveLength(1)
  })

  it('after a 429 (a refusal: nothing was deleted) a 404 is a NotFoundError', async () => {
    const { fetch } = answering(() => json(429, errorBody('rate_limited', 'slow down'), { 'retry-after': '1' }), gone)
    const result = createClient(offline(fetch))
      .people.delete(ID)
      .catch((e: unknown) => e)
    await vi.runAllTimersAsync()
    expect(await result).toBeInstanceOf(NotFoundError)
  })

  it("a 404 that is not the API's own (a proxy's page) stays an error", async () => {
    const { fetch } = answering(reset, () => new Response('<h1>Not Found</h1>', { status: 404 }))
    const result = createClient(offline(fetch))
      .people.delete(ID)
      .catch((e: unknown) => e)
    await vi.runAllTimersAsync()
    expect(await result).toBeInstanceOf(NotFoundError)
  })

  it('a retry that deletes it itself answers as usual, without the flag', async () => {
    const { fetch } = answering(reset, deleted)
    const result = createClient(offline(fetch)).people.delete(ID)
    await vi.runAllTimersAsync()
    expect(await result).toEqual({ deleted: true, permanent: false })
  })
})

describe('what is sent', () => {
  it('the query string only when there are parameters', async () => {
    const { fetch, sent } = answering(() => json(200, { meta: meta(), data: [] }), ok)
    const cc = createClient(offline(fetch))
    await cc.users.list()
    await cc.people.get(ID, { extraQuery: {} })
    expect(sent.map((request) => request.url.href)).toEqual([
      'https://api.example.test/v1/users',
      `https://api.example.test/v1/people/${ID}`,
    ])
  })

  it('our headers over the call’s own, the client’s under both, extraHeaders over everything but Authorization', async () => {
    const { fetch, sent } = answering(ok, ok, ok, () => json(200, { meta: meta(), success: true }))
    const cc = createClient(offline(fetch, { headers: { 'x-app': 'crm', 'x-team': 'a' } }))
    await cc.people.get(ID)
    await cc.people.get(ID, { headers: { accept: 'text/plain', 'x-team': 'b', 'x-call': '1' } })
    await cc.people.get(ID, { extraHeaders: { accept: 'application/vnd.cc+json', 'x-app': 'other' } })
    await cc.people.update(ID, { city: 'Austin' }, { headers: { 'content-type': 'text/plain' } })
    const headers = sent.map((request) => Object.fromEntries(request.headers))
    const authorization = 'Bearer ccmd_live_offline_key_0123456789'
    expect(headers[0]).toEqual({ accept: 'application/json', authorization, 'x-app': 'crm', 'x-team': 'a' })
    expect(headers[1]).toEqual({
      accept: 'application/json',
      authorization,
      'x-app': 'crm',
      'x-team': 'b',
      'x-call': '1',
    })
    expect(headers[2]).toEqual({
      accept: 'application/vnd.cc+json',
      authorization,
      'x-app': 'other',
      'x-team': 'a',
    })
    expect(headers[3]).toMatchObject({ 'content-type': 'application/json', accept: 'application/json', authorization })
    expect(sent[3]?.body).toBe('{"city":"Austin"}')
  })

  it('a JSON body with its content type; none without a body', async () => {
    const { fetch, sent } = answering(ok, () => json(200, { meta: meta(), success: true }))
    const cc = createClient(offline(fetch))
    await cc.people.get(ID)
    await cc.people.update(ID, { city: 'Austin' })
    expect(sent[0]?.headers.has('content-type')).toBe(false)
    expect(sent[0]?.body).toBe('')
    expect(sent[1]?.headers.get('content-type')).toBe('application/json')
  })

  it('the call’s idempotency key over an Idempotency-Key in its headers, extraHeaders over both', async () => {
    const { fetch, sent } = answering(created)
    const cc = createClient(offline(fetch))
    await cc.people.create(
      { email: 'a@example.com' },
      { idempotencyKey: 'k-call', headers: { 'Idempotency-Key': 'k-own' } },
    )
    await cc.people.create(
      { email: 'b@example.com' },
      { idempotencyKey: 'k-call', headers: { 'x-own': '1' }, extraHeaders: { 'Idempotency-Key': 'k-extra' } },
    )
    expect(sent.map((request) => request.headers.get('idempotency-key'))).toEqual(['k-call', 'k-extra'])
    expect(sent[1]?.headers.get('x-own')).toBe('1')
    expect(sent[1]?.headers.get('content-type')).toBe('application/json')
  })

  it('an Idempotency-Key in extraHeaders, in any case, makes a POST safe to retry', async () => {
    const { fetch, sent } = answering(unavailable(), () => json(201, { meta: meta(), data: { id: 'deal_1' } }))
    const result = createClient(offline(fetch)).deals.create(
      { title: 'Deal', pipelineId: 'pipe_buyers' },
      { extraHeaders: { 'IDEMPOTENCY-KEY': 'deal-key-1' } },
    )
    await vi.runAllTimersAsync()
    expect(await result).toEqual({ id: 'deal_1' })
    expect(sent.map((request) => request.headers.get('idempotency-key'))).toEqual(['deal-key-1', 'deal-key-1'])
  })

  it('other extra headers leave a POST without a key unretried', async () => {
    const { fetch, sent } = answering(unavailable())
    const result = createClient(offline(fetch)).deals.create(
      { title: 'Deal', pipelineId: 'pipe_buyers' },
      { extraHeaders: { 'x-trace': 't1' } },
    )
    await expect(result).rejects.toThrow(InternalServerError)
    expect(sent).toHaveLength(1)
  })

  it('per-call options are checked: each bad one named, nothing sent', async () => {
    const { fetch, sent } = answering(ok)
    const cc = createClient(offline(fetch))
    const invalid = (await cc.people
      .get(ID, { timeout: 0, maxRetries: 99 })
      .catch((e: unknown) => e)) as ValidationError
    expect(invalid).toBeInstanceOf(ValidationError)
    expect(invalid.message).toBe(
      'Invalid request options: timeout: must be at least 1 ms; maxRetries: must be at most 10',
    )
    const badHeaders = (await cc.people
      .get(ID, { headers: { 'bad name': 'x' } })
      .catch((e: unknown) => e)) as ValidationError
    expect(badHeaders.message).toBe('Invalid request options: headers: must be valid HTTP header names and values')
    expect(badHeaders.fieldErrors).toEqual({ headers: 'headers: must be valid HTTP header names and values' })
    // Headers that Headers refuses are no zod issue.
    expect(badHeaders.issues).toEqual([])
    expect(sent).toHaveLength(0)
    // An empty options object is no option at all.
    expect((await cc.people.get(ID, {})).id).toBe(ID)
  })

  it('per-call timeout, retries and validation apply to that call only', async () => {
    const broken = () => json(200, { meta: meta(), data: { ...person(ID), emails: 'x' } })
    const { fetch } = answering(broken)
    const cc = createClient(offline(fetch, { logLevel: 'off' }))
    await expect(cc.people.get(ID, { validate: 'strict' })).rejects.toThrow(ResponseValidationError)
    expect((await cc.people.get(ID)).emails).toBe('x')
    await expect(cc.people.get(ID, { validate: { response: 'strict' } })).rejects.toThrow(ResponseValidationError)
  })
})

describe('aborting', () => {
  it('a signal that has aborted before the call: no attempt, AbortError with 0 attempts', async () => {
    const { fetch, sent } = answering(ok)
    const reason = new Error('not now')
    const error = (await createClient(offline(fetch))
      .people.get(ID, { signal: AbortSignal.abort(reason) })
      .catch((e: unknown) => e)) as AbortError
    expect(error).toBeInstanceOf(AbortError)
    expect(error.attempts).toBe(0)
    expect(error.cause).toBe(reason)
    expect(sent).toHaveLength(0)
  })

  it('during the wait before a retry: the attempts made so far', async () => {
    const { fetch, sent } = answering(unavailable())
    const controller = new AbortController()
    const result = createClient(offline(fetch, realBackoff))
      .people.get(ID, { signal: controller.signal })
      .catch((e: unknown) => e)
    await after(100, sent)
    controller.abort(new Error('enough'))
    const error = (await result) as AbortError
    expect(error).toBeInstanceOf(AbortError)
    expect(error.attempts).toBe(1)
    expect(sent).toHaveLength(1)
  })

  it('while a 429 holds the client back: AbortError with the attempts made', async () => {
    let calls = 0
    const { fetch, sent } = answering(() =>
      ++calls === 1 ? json(429, errorBody('rate_limited', 'slow down'), { 'retry-after': '30' }) : ok(),
    )
    const cc = createClient(offline(fetch, realBackoff))
    const first = cc.people.get(ID).catch((e: unknown) => e)
    await after(10, sent)
    const controller = new AbortController()
    const second = cc.people.get(ID, { signal: controller.signal }).catch((e: unknown) => e)
    await after(1000, sent)
    controller.abort(new Error('stop waiting'))
    const error = (await second) as AbortError
    expect(error).toBeInstanceOf(AbortError)
    expect(error.attempts).toBe(0)
    expect(sent).toHaveLength(1)
    await vi.runAllTimersAsync()
    expect(((await first) as { id: string }).id).toBe(ID)
  })

  it('while the answer is read: the attempt is logged as aborted', async () => {
    const { logger, lines } = collectingLogger()
    const controller = new AbortController()
    const { fetch } = answering(() => {
      controller.abort(new Error('gone'))
      return ok()
    })
    const error = await createClient(offline(fetch, { logger, logLevel: 'info' }))
      .people.get(ID, { signal: controller.signal })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AbortError)
    expect(lines.map((line) => line.line)).toEqual([
      expect.stringMatching(/^\[cc-client\] GET \/people\/jd79abc123def → aborted after \d+ ms \(attempt 1\/3\)$/),
    ])
  })
})

describe('the log of a call', () => {
  it('one line per answer and per retry, with the status or the error', async () => {
    const { logger, lines } = collectingLogger()
    const { fetch } = answering(unavailable(), reset, () => json(429, errorBody('rate_limited', 'wait')), ok)
    const result = createClient(offline(fetch, { ...realBackoff, logger, logLevel: 'info', maxRetries: 3 })).people.get(
      ID,
    )
    await vi.runAllTimersAsync()
    await result
    expect(lines.map((line) => line.line.replace(/\d+ ms \(attempt/g, 'N ms (attempt'))).toEqual([
      '[cc-client] GET /people/jd79abc123def → 503 in N ms (attempt 1/4, request req_err_1)',
      '[cc-client] GET /people/jd79abc123def: retrying in 500 ms (503)',
      '[cc-client] GET /people/jd79abc123def → connection failed (ECONNRESET read ECONNRESET) after N ms (attempt 2/4)',
      '[cc-client] GET /people/jd79abc123def: retrying in 1000 ms (ConnectionError)',
      '[cc-client] GET /people/jd79abc123def → 429 in N ms (attempt 3/4, request req_err_1)',
      '[cc-client] GET /people/jd79abc123def: retrying in 2000 ms (429)',
      '[cc-client] GET /people/jd79abc123def → 200 in N ms (attempt 4/4, request req_test_1)',
    ])
  })

  it('an answer without a request id says none', async () => {
    const { logger, lines } = collectingLogger()
    const { fetch } = answering(() => json(200, { data: person(ID) }))
    await createClient(offline(fetch, { logger, logLevel: 'info', validate: 'off' })).people.get(ID)
    expect(lines.map((line) => line.line)).toEqual([
      expect.stringMatching(/^\[cc-client\] GET \/people\/jd79abc123def → 200 in \d+ ms \(attempt 1\/3\)$/),
    ])
  })

  it('a body that is not JSON is logged with its request id before it fails', async () => {
    const { logger, lines } = collectingLogger()
    const { fetch } = answering(() => new Response('<html>', { status: 200, headers: { 'x-request-id': 'req_h' } }))
    await expect(createClient(offline(fetch, { logger, logLevel: 'info' })).people.get(ID)).rejects.toThrow(
      ResponseValidationError,
    )
    expect(lines.map((line) => line.line)).toEqual([
      expect.stringMatching(/→ 200 in \d+ ms \(attempt 1\/3, request req_h\)$/),
    ])
  })

  it('a body over the limit: the status and the limit', async () => {
    const { logger, lines } = collectingLogger()
    const { fetch } = answering(() => json(200, { meta: meta(), data: person(ID) }, { 'x-request-id': 'req_l' }))
    const error = (await createClient(offline(fetch, { logger, logLevel: 'info', maxResponseBytes: 10 }))
      .people.get(ID)
      .catch((e: unknown) => e)) as ResponseTooLargeError
    expect(error).toMatchObject({ status: 200, requestId: 'req_l', limit: 10, attempts: 1 })
    expect(lines.map((line) => line.line)).toEqual([
      expect.stringMatching(/→ 200, body over 10 bytes after \d+ ms \(attempt 1\/3\)$/),
    ])
  })

  it('a wait over maxRetryAfter: the reason it gives up', async () => {
    const { logger, lines } = collectingLogger()
    const { fetch, sent } = answering(unavailable({ 'retry-after': '61' }))
    await expect(createClient(offline(fetch, { logger, logLevel: 'info' })).people.get(ID)).rejects.toThrow(
      InternalServerError,
    )
    expect(sent).toHaveLength(1)
    expect(lines.map((line) => line.line).at(-1)).toBe(
      '[cc-client] GET /people/jd79abc123def: the server asks to wait 61000 ms, over maxRetryAfter; giving up',
    )
  })

  it('debug: the headers of the request and of the answer, credentials redacted', async () => {
    const { logger, lines } = collectingLogger()
    const { fetch } = answering(() => json(200, { meta: meta(), data: person(ID) }, { 'set-cookie': 's=1' }))
    await createClient(offline(fetch, { logger, logLevel: 'debug' })).people.get(ID)
    const debug = lines.filter((line) => line.level === 'debug').map((line) => line.line)
    expect(debug).toEqual([
      '[cc-client] GET /people/jd79abc123def request headers {"accept":"application/json","authorization":"[redacted]"}',
      '[cc-client] GET /people/jd79abc123def response headers {"content-type":"application/json","set-cookie":"[redacted]"}',
    ])
  })
})

describe('retry limits', () => {
  it('a wait of exactly maxRetryAfter is waited for', async () => {
    const { fetch, sent } = answering(unavailable({ 'retry-after-ms': '1500' }), ok)
    const result = createClient(offline(fetch, { maxRetryAfter: 1500 })).people.get(ID)
    expect(await after(1499, sent)).toBe(1)
    expect(await after(1, sent)).toBe(2)
    expect((await result).id).toBe(ID)
  })

  it('a 429 over maxRetryAfter fails at once and holds nobody back', async () => {
    let calls = 0
    const { fetch, sent } = answering(() =>
      ++calls === 1 ? json(429, errorBody('rate_limited', 'later'), { 'retry-after': '3600' }) : ok(),
    )
    const cc = createClient(offline(fetch))
    const error = (await cc.people.get(ID).catch((e: unknown) => e)) as RateLimitError
    expect(error).toBeInstanceOf(RateLimitError)
    expect(error.retryAfter).toBe(3_600_000)
    const next = cc.people.get(ID)
    expect(await after(0, sent)).toBe(2)
    expect((await next).id).toBe(ID)
  })

  it('a 429 on the last attempt still holds the other calls back', async () => {
    let calls = 0
    const { fetch, sent } = answering(() =>
      ++calls === 1 ? json(429, errorBody('rate_limited', 'later'), { 'retry-after': '2' }) : ok(),
    )
    const cc = createClient(offline(fetch, { ...realBackoff, maxRetries: 0 }))
    await expect(cc.people.get(ID)).rejects.toThrow(RateLimitError)
    const next = cc.people.get(ID)
    expect(await after(1999, sent)).toBe(1)
    expect(await after(1, sent)).toBe(2)
    await next
  })

  it('a 503 does not hold the other calls back', async () => {
    let calls = 0
    const { fetch, sent } = answering(() => (++calls === 1 ? unavailable({ 'retry-after': '2' })() : ok()))
    const cc = createClient(offline(fetch, { ...realBackoff, maxRetries: 0 }))
    await expect(cc.people.get(ID)).rejects.toThrow(InternalServerError)
    const next = cc.people.get(ID)
    expect(await after(0, sent)).toBe(2)
    await next
  })

  it('a timed-out DELETE may have deleted: its retry’s 404 is "already gone"', async () => {
    const { logger, lines } = collectingLogger()
    const { fetch } = answering(
      () => new Promise<Response>(() => {}),
      () => json(404, errorBody('not_found', 'gone', 'req_gone')),
    )
    const result = createClient(offline(fetch, { timeout: 100, logger, logLevel: 'info' })).people.delete(ID)
    await vi.runAllTimersAsync()
    expect(await result.withResponse()).toMatchObject({
      data: { deleted: true, permanent: false, alreadyGone: true },
      requestId: 'req_gone',
      meta: { requestId: 'req_gone' },
    })
    expect(lines.map((line) => line.line)).toContain(
      '[cc-client] DELETE /people/jd79abc123def: 404 after an attempt that may have deleted it; reported as deleted (already gone)',
    )
  })

  it('after a 4xx the DELETE’s 404 is an error: a refusal changed nothing', async () => {
    const { fetch } = answering(
      () => json(408, errorBody('timeout', 'took too long')),
      () => json(404, errorBody('not_found', 'gone')),
    )
    const result = createClient(offline(fetch))
      .people.delete(ID)
      .catch((e: unknown) => e)
    await vi.runAllTimersAsync()
    expect(await result).toBeInstanceOf(NotFoundError)
  })

  it('a PUT’s 404 after a failure is an error still: only a DELETE is done once gone', async () => {
    const { fetch } = answering(reset, () => json(404, errorBody('not_found', 'gone')))
    const result = createClient(offline(fetch))
      .people.update(ID, { city: 'Austin' })
      .catch((e: unknown) => e)
    await vi.runAllTimersAsync()
    expect(await result).toBeInstanceOf(NotFoundError)
  })
})

describe('the client', () => {
  it('shows its configuration without the key', () => {
    const cc = createClient(offline(answering(ok).fetch))
    const api = (cc.people as unknown as { api: { config: Record<string, unknown> } }).api
    expect(api.config).not.toHaveProperty('apiKey')
    expect(api.config).toMatchObject({ baseUrl: 'https://api.example.test/v1', timeout: 30_000 })
  })
})

describe('per-call options that are not an object', () => {
  it.each([
    ['null', null],
    ['a number', 5],
    ['text', 'fast'],
    ['true', true],
    ['an empty array', []],
  ])('%s: refused, nothing sent', async (_, options) => {
    const { fetch, sent } = answering(ok)
    const error = await createClient(offline(fetch))
      .people.get(ID, options as never)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).message).toBe('Invalid request options: Must be an object')
    expect(sent).toHaveLength(0)
  })
})

describe('the key never comes back in what the server sends', () => {
  const KEY = 'ccmd_live_offline_key_0123456789'

  it('a request id that echoes it, in a success', async () => {
    const { fetch } = answering(() => json(200, { meta: meta(`req_${KEY}`), data: person(ID) }))
    const { requestId } = await createClient(offline(fetch)).people.get(ID).withResponse()
    expect(requestId).toBe('req_[redacted]')
  })

  it('a field name that echoes it, in a response that breaks the contract', async () => {
    const { fetch } = answering(() => json(200, { meta: meta(), data: { ...person(ID), emails: { [KEY]: 1 } } }))
    const error = (await createClient(offline(fetch, { validate: 'strict' }))
      .people.get(ID)
      .catch((e: unknown) => e)) as ResponseValidationError
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect(JSON.stringify(error.issues)).not.toContain(KEY)
  })

  it('the headers of a search that found nothing', async () => {
    const { fetch } = answering(
      () => json(405, errorBody('method_not_allowed', 'no')),
      () => json(200, { meta: meta('req_search'), data: [] }, { 'x-echo': `you sent ${KEY}` }),
    )
    const error = (await createClient(offline(fetch, { logLevel: 'off' }))
      .people.get(ID)
      .catch((e: unknown) => e)) as NotFoundError
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error.headers['x-echo']).toBe('you sent [redacted]')
  })

  it('the request id of an answer over maxResponseBytes', async () => {
    const { fetch } = answering(() => json(200, { meta: meta(), data: person(ID) }, { 'x-request-id': `r-${KEY}` }))
    const error = (await createClient(offline(fetch, { maxResponseBytes: 10 }))
      .people.get(ID)
      .catch((e: unknown) => e)) as ResponseTooLargeError
    expect(error).toBeInstanceOf(ResponseTooLargeError)
    expect(error.requestId).toBe('r-[redacted]')
  })

  it('what the runtime says of a failed connection', async () => {
    const { fetch } = answering(() => Promise.reject(new TypeError(`fetch failed for Bearer ${KEY}`)))
    const error = (await createClient(offline(fetch, { maxRetries: 0 }))
      .people.get(ID)
      .catch((e: unknown) => e)) as ConnectionError
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error.message).toContain('[redacted]')
    expect(error.message).not.toContain(KEY)
  })
})

describe('a body that fails while it is read', () => {
  /** A 200 whose stream sends the start of the body, then breaks. */
  const broken = () =>
    new Response(
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"meta":'))
          controller.error(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))
        },
      }),
      { status: 200 },
    )

  it('is a connection failure, and is retried', async () => {
    const { fetch, sent } = answering(broken, ok)
    const result = createClient(offline(fetch)).people.get(ID)
    await vi.runAllTimersAsync()
    expect((await result).id).toBe(ID)
    expect(sent).toHaveLength(2)

    const always = answering(broken)
    const error = (await createClient(offline(always.fetch, { maxRetries: 0 }))
      .people.get(ID)
      .catch((e: unknown) => e)) as ConnectionError
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error.message).toContain('ECONNRESET')
  })
})

describe('what a finished call leaves behind', () => {
  it('no timer: the timeout of its attempt is cleared (a pending one would keep the process alive)', async () => {
    const { fetch } = answering(unavailable(), ok)
    const result = createClient(offline(fetch)).people.get(ID)
    await vi.runAllTimersAsync()
    expect((await result).id).toBe(ID)
    expect(vi.getTimerCount()).toBe(0)
    // And after a failure without an answer.
    await expect(createClient(offline(answering(reset).fetch, { maxRetries: 0 })).people.get(ID)).rejects.toThrow(
      ConnectionError,
    )
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('the time a log line reports', () => {
  it('is what the attempt took, never more than the call', async () => {
    vi.useRealTimers()
    const { logger, lines } = collectingLogger()
    const { fetch } = answering(reset, ok)
    const started = performance.now()
    await createClient(offline(fetch, { logger, logLevel: 'info' })).people.get(ID)
    const took = performance.now() - started
    const reported = lines
      .map((line) => /(?:in|after) (\d+) ms \(attempt/.exec(line.line)?.[1])
      .filter((ms) => ms !== undefined)
      .map(Number)
    expect(reported).toHaveLength(2)
    for (const ms of reported) expect(ms).toBeLessThanOrEqual(Math.ceil(took))
  })
})
