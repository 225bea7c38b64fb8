import { ApiErrorBody } from '@cc/schema'
import { afterEach, describe, expect, it } from 'vitest'
import { profiles } from '../profiles.js'
import { Store } from '../storage/store.js'
import { type AppParts, createApp, withRequestId } from './app.js'
import { KeyRing } from './auth.js'
import { CorsPolicy } from './cors.js'
import type { ApiResponse } from './exchange.js'
import { FaultInjector } from './faults.js'
import { HostCheck } from './host-check.js'
import { FailedAuthLimiter, RateLimiter } from './rate-limit.js'
import { WebRequest } from './web.js'

const KEY = 'ccmd_test_app'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

const stores: Store[] = []
afterEach(() => {
  for (const store of stores.splice(0)) store.close()
})

/** An application over an empty in-memory store; `parts` replaces any of its parts. */
function appWith(parts: Partial<AppParts> = {}) {
  const store = new Store()
  stores.push(store)
  const internalErrors: unknown[] = []
  const faults = new FaultInjector(false)
  const app = createApp({
    profile: profiles.sandbox,
    store,
    keys: new KeyRing([KEY]),
    faults,
    rateLimiter: () => undefined,
    failedAuthLimiter: undefined,
    hostCheck: () => undefined,
    cors: undefined,
    openApiDocument: () => '{"openapi":"3.1.0"}',
    onInternalError: (error) => internalErrors.push(error),
    ...parts,
  })
  return { app, store, faults: parts.faults ?? faults, internalErrors }
}

interface RequestOptions {
  body?: unknown
  headers?: Record<string, string>
  /** `null`: no Authorization header. */
  key?: string | null
  signal?: AbortSignal
  /** As if it came over the network from this address. */
  from?: string
}

function request(method: string, path: string, options: RequestOptions = {}) {
  const headers = new Headers(options.headers)
  const key = options.key === undefined ? KEY : options.key
  if (key !== null) headers.set('Authorization', `Bearer ${key}`)
  let body: string | undefined
  if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers.set('Content-Type', 'application/json')
  }
  const incoming = new WebRequest(
    new Request(`http://localhost${path}`, { method, headers, body: body ?? null, signal: options.signal ?? null }),
  )
  if (options.from !== undefined) Object.defineProperty(incoming, 'clientAddress', { value: options.from })
  return incoming
}

const bodyOf = (response: ApiResponse) => JSON.parse(response.body as string)

/** The error body of an answer, checked against the contract and against the request id. */
function errorOf(response: ApiResponse) {
  const body = ApiErrorBody.parse(bodyOf(response))
  expect(body.meta.requestId).toBe(response.requestId)
  return body.error
}

describe('every answer', () => {
  it('has a fresh request id, in meta.requestId and in X-Request-Id', async () => {
    const { app } = appWith()
    const first = await app(request('GET', '/v1/me'))
    const second = await app(request('GET', '/v1/me'))
    expect(first.requestId).toMatch(UUID)
    expect(first.requestId).not.toBe(second.requestId)
    expect(first.headers['X-Request-Id']).toBe(first.requestId)
    expect(bodyOf(first).meta.requestId).toBe(first.requestId)
    const error = await app(request('GET', '/v1/me', { key: null }))
    expect(error.headers['X-Request-Id']).toBe(error.requestId)
    expect(errorOf(error).code).toBe('unauthorized')
  })

  it('in the docs profile, has it in meta.requestId only', async () => {
    const { app } = appWith({ profile: profiles.docs })
    for (const response of [await app(request('GET', '/v1/me')), await app(request('GET', '/v1/me', { key: null }))]) {
      expect(response.requestId).toMatch(UUID)
      expect(response.headers['X-Request-Id']).toBeUndefined()
      expect(bodyOf(response).meta.requestId).toBe(response.requestId)
    }
  })

  it('is JSON with its length in bytes', async () => {
    const { app } = appWith()
    const created = await app(request('POST', '/v1/people', { body: { firstName: 'Zoë 😀' } }))
    expect(created.status).toBe(201)
    expect(created.headers['Content-Type']).toBe('application/json')
    expect(created.headers['Content-Length']).toBe(String(Buffer.byteLength(created.body as string)))
  })
})

describe('routes', () => {
  it('/v1 and everything under it need a key; /openapi.json and paths that only begin like /v1 do not', async () => {
    const { app } = appWith()
    for (const path of ['/v1', '/v1/', '/v1/me', '/v1/nothing']) {
      expect((await app(request('GET', path, { key: null }))).status, path).toBe(401)
    }
    const openapi = await app(request('GET', '/openapi.json', { key: null }))
    expect(openapi.status).toBe(200)
    expect(openapi.body).toBe('{"openapi":"3.1.0"}')
    const lookalike = await app(request('GET', '/v1people', { key: null }))
    expect(lookalike.status).toBe(404)
    expect(errorOf(lookalike)).toEqual({ code: 'not_found', message: 'No route for GET /v1people' })
  })

  it('404 names the method and the path, at most 100 characters of it', async () => {
    const { app } = appWith()
    expect(errorOf(await app(request('DELETE', '/v1/nothing')))).toEqual({
      code: 'not_found',
      message: 'No route for DELETE /v1/nothing',
    })
    const long = `/v1/${'x'.repeat(200)}`
    expect(errorOf(await app(request('GET', long))).message).toBe(`No route for GET ${long.slice(0, 100)}…`)
    const exact = `/v1/${'y'.repeat(96)}`
    expect(errorOf(await app(request('GET', exact))).message).toBe(`No route for GET ${exact}`)
  })

  it('405 for a method the path does not take, naming the ones it does, also in Allow', async () => {
    const { app } = appWith()
    const response = await app(request('PATCH', '/v1/people/abcdefgh1234', { body: {} }))
    expect(response.status).toBe(405)
    expect(response.headers.Allow).toBe('GET, HEAD, PUT, DELETE')
    expect(errorOf(response)).toEqual({
      code: 'method_not_allowed',
      message: 'PATCH is not allowed here (allowed: GET, HEAD, PUT, DELETE)',
    })
  })

  it('a route`s own headers join the common ones', async () => {
    const { app } = appWith()
    const send = () =>
      app(request('POST', '/v1/people', { body: { firstName: 'Once' }, headers: { 'Idempotency-Key': 'k1' } }))
    expect((await send()).headers['Idempotent-Replayed']).toBeUndefined()
    const replay = await send()
    expect(replay.headers['Idempotent-Replayed']).toBe('true')
    expect(replay.headers['X-Request-Id']).toBe(replay.requestId)
  })

  it('HEAD answers as GET would, without the body or its length', async () => {
    const { app } = appWith()
    const head = await app(request('HEAD', '/v1/me'))
    expect(head.status).toBe(200)
    expect(head.body).toBeNull()
    expect(head.headers['Content-Length']).toBeUndefined()
    expect(head.headers['Content-Type']).toBe('application/json')
    expect(head.headers['X-Request-Id']).toBe(head.requestId)
    const missing = await app(request('HEAD', '/v1/people/abcdefgh1234'))
    expect(missing.status).toBe(404)
    expect(missing.body).toBeNull()
  })
})

describe('internal errors', () => {
  it('a failure no handler expected is a 500 that says nothing of it, and is reported', async () => {
    const { app, store, internalErrors } = appWith()
    store.close()
    const response = await app(request('GET', '/v1/people'))
    expect(response.status).toBe(500)
    expect(errorOf(response)).toEqual({ code: 'internal_error', message: 'Internal error in the sandbox' })
    expect(response.headers['X-Request-Id']).toBe(response.requestId)
    expect(internalErrors).toHaveLength(1)
    expect(internalErrors[0]).toBeInstanceOf(Error)
  })

  it('an error the API answers (an ApiError) is not reported', async () => {
    const { app, internalErrors } = appWith()
    await app(request('GET', '/v1/nothing'))
    await app(request('GET', '/v1/me', { key: 'ccmd_test_wrong' }))
    expect(internalErrors).toEqual([])
  })
})

describe('keys and limits', () => {
  it('adds the rate-limit headers of the key`s budget, read per request', async () => {
    let limiter: RateLimiter | undefined
    const { app } = appWith({ rateLimiter: () => limiter })
    expect((await app(request('GET', '/v1/me'))).headers['X-RateLimit-Limit']).toBeUndefined()
    limiter = new RateLimiter({ requests: 2, windowMs: 60_000 })
    const first = await app(request('GET', '/v1/me'))
    expect(first.headers).toMatchObject({ 'X-RateLimit-Limit': '2', 'X-RateLimit-Remaining': '1' })
    await app(request('GET', '/v1/me'))
    const limited = await app(request('GET', '/v1/me'))
    expect(limited.status).toBe(429)
    expect(limited.headers['X-RateLimit-Remaining']).toBe('0')
    // The document is not under /v1: no budget spent, no headers.
    expect((await app(request('GET', '/openapi.json'))).headers['X-RateLimit-Limit']).toBeUndefined()
  })

  it('counts wrong keys per client: in-process callers are one client, network clients one per address', async () => {
    const limiter = new FailedAuthLimiter({ attempts: 2, windowMs: 60_000 })
    const { app } = appWith({ failedAuthLimiter: limiter })
    for (let i = 0; i < 2; i++) expect((await app(request('GET', '/v1/me', { key: 'ccmd_test_no' }))).status).toBe(401)
    const limited = await app(request('GET', '/v1/me'))
    expect(limited.status).toBe(429)
    expect(errorOf(limited).message).toMatch(/^Too many failed authentications from this client/)
    // A request without a key guesses nothing; a network client has its own count.
    const limiter2 = new FailedAuthLimiter({ attempts: 1, windowMs: 60_000 })
    const second = appWith({ failedAuthLimiter: limiter2 }).app
    expect((await second(request('GET', '/v1/me', { key: null }))).status).toBe(401)
    expect((await second(request('GET', '/v1/me', { key: 'ccmd_test_no', from: '10.0.0.1' }))).status).toBe(401)
    expect((await second(request('GET', '/v1/me', { from: '10.0.0.1' }))).status).toBe(429)
    expect((await second(request('GET', '/v1/me', { from: '10.0.0.2' }))).status).toBe(200)
    expect((await second(request('GET', '/v1/me'))).status).toBe(200)
    expect((await second(request('GET', '/v1/me', { key: 'ccmd_test_no' }))).status).toBe(401)
    expect((await second(request('GET', '/v1/me'))).status).toBe(429)
  })

  it('a network client whose address is unknown is not counted with the in-process callers', async () => {
    const limiter = new FailedAuthLimiter({ attempts: 1, windowMs: 60_000 })
    const { app } = appWith({ failedAuthLimiter: limiter })
    // The HTTP server gives an empty address when the socket has none left.
    expect((await app(request('GET', '/v1/me', { key: 'ccmd_test_no', from: '' }))).status).toBe(401)
    expect((await app(request('GET', '/v1/me'))).status).toBe(200)
    expect((await app(request('GET', '/v1/me', { from: '' }))).status).toBe(429)
  })

  it('without a failed-auth limit, wrong keys are only 401s', async () => {
    const { app } = appWith()
    for (let i = 0; i < 20; i++) await app(request('GET', '/v1/me', { key: 'ccmd_test_no' }))
    expect((await app(request('GET', '/v1/me'))).status).toBe(200)
  })
})

describe('Host', () => {
  const hostCheck = () => HostCheck.forBinding('127.0.0.1', '127.0.0.1')

  it('is checked for network requests, before anything else', async () => {
    const { app } = appWith({ hostCheck })
    const refused = await app(
      request('GET', '/v1/me', { key: null, from: '127.0.0.1', headers: { Host: 'evil.example' } }),
    )
    expect(refused.status).toBe(400)
    expect(errorOf(refused).message).toMatch(/^Host "evil.example" is not a name of this sandbox/)
    expect(refused.headers['X-Request-Id']).toBe(refused.requestId)
    const accepted = await app(request('GET', '/v1/me', { from: '127.0.0.1', headers: { Host: 'localhost:4010' } }))
    expect(accepted.status).toBe(200)
  })

  it('is not checked in-process, nor before the server knows its names', async () => {
    expect(
      (await appWith({ hostCheck }).app(request('GET', '/v1/me', { headers: { Host: 'evil.example' } }))).status,
    ).toBe(200)
    const unknown = appWith().app
    expect(
      (await unknown(request('GET', '/v1/me', { from: '127.0.0.1', headers: { Host: 'evil.example' } }))).status,
    ).toBe(200)
  })
})

describe('CORS', () => {
  const cors = new CorsPolicy(['http://localhost:5173'])
  const preflight = {
    key: null,
    headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' },
  }

  it('answers a preflight of a listed origin with a 204 and no body, before any key or route', async () => {
    const { app, faults } = appWith({ cors })
    faults.enqueue(['500'])
    const response = await app(request('OPTIONS', '/v1/people', preflight))
    expect(response.status).toBe(204)
    expect(response.body).toBeNull()
    expect(response.headers['Access-Control-Allow-Methods']).toBe('GET, HEAD, POST, PUT, DELETE')
    expect(response.headers['X-Request-Id']).toBe(response.requestId)
    expect(response.requestId).toMatch(UUID)
    // The queued fault is still there for the next /v1 request.
    expect((await app(request('GET', '/v1/me'))).status).toBe(500)
  })

  it('in the docs profile, the preflight has no X-Request-Id either', async () => {
    const { app } = appWith({ cors, profile: profiles.docs })
    const response = await app(request('OPTIONS', '/v1/people', preflight))
    expect(response.status).toBe(204)
    expect(response.headers['X-Request-Id']).toBeUndefined()
    expect(response.requestId).toMatch(UUID)
  })

  it('puts its headers on errors too', async () => {
    const { app } = appWith({ cors })
    const response = await app(request('GET', '/v1/me', { key: null, headers: { Origin: 'http://localhost:5173' } }))
    expect(response.status).toBe(401)
    expect(response.headers['Access-Control-Allow-Origin']).toBe('http://localhost:5173')
    expect(response.headers['WWW-Authenticate']).toMatch(/^Bearer/)
  })
})

describe('injected faults', () => {
  it('500, 503 and 429 answer before the key is checked, with what they are', async () => {
    const faults = new FaultInjector({ rate: 0, kinds: ['500'], retryAfterMs: 2500 })
    const { app } = appWith({ faults })
    faults.enqueue(['500', '503', '429'])
    const answers = []
    for (let i = 0; i < 3; i++) answers.push(await app(request('GET', '/v1/me', { key: null })))
    expect(answers.map((answer) => [answer.status, errorOf(answer)])).toEqual([
      [500, { code: 'internal_error', message: 'Injected fault: internal server error' }],
      [503, { code: 'service_unavailable', message: 'Injected fault: service unavailable' }],
      [429, { code: 'rate_limited', message: 'Injected fault: too many requests' }],
    ])
    expect(answers[0]?.headers['Retry-After']).toBeUndefined()
    for (const answer of answers.slice(1)) {
      expect(answer.headers).toMatchObject({ 'Retry-After': '3', 'retry-after-ms': '2500' })
    }
  })

  it('touch only /v1', async () => {
    const { app, faults } = appWith()
    faults.enqueue(['500'])
    expect((await app(request('GET', '/openapi.json'))).status).toBe(200)
    expect((await app(request('GET', '/v1/me'))).status).toBe(500)
  })

  it('slow: the answer comes after the latency', async () => {
    const faults = new FaultInjector({ rate: 0, kinds: ['slow'], latencyMs: 1 })
    const { app, store } = appWith({ faults })
    faults.enqueue(['slow'])
    const response = await app(request('POST', '/v1/people', { body: { firstName: 'Late' } }))
    expect(response.status).toBe(201)
    expect(store.people.count()).toBe(1)
  })

  it('slow: a client that leaves meanwhile changes nothing', async () => {
    const faults = new FaultInjector({ rate: 0, kinds: ['slow'], latencyMs: 3_600_000 })
    const { app, store } = appWith({ faults })
    faults.enqueue(['slow'])
    const controller = new AbortController()
    const pending = app(request('POST', '/v1/people', { body: { firstName: 'Gone' }, signal: controller.signal }))
    controller.abort()
    const response = await pending
    expect(response.status).toBe(503)
    expect(errorOf(response)).toEqual({ code: 'service_unavailable', message: 'The client went away' })
    expect(store.people.count()).toBe(0)
  })

  it('slow-body: the answer as usual, its body held back for the latency', async () => {
    const faults = new FaultInjector({ rate: 0, kinds: ['slow'], latencyMs: 321 })
    const { app, store } = appWith({ faults })
    faults.enqueue(['slow-body', 'slow-body'])
    const created = await app(request('POST', '/v1/people', { body: { firstName: 'Slow' } }))
    expect(created.status).toBe(201)
    expect(created.bodyDelayMs).toBe(321)
    expect(store.people.count()).toBe(1)
    const refused = await app(request('GET', '/v1/me', { key: null }))
    expect(refused.status).toBe(401)
    expect(refused.bodyDelayMs).toBe(321)
    expect((await app(request('GET', '/v1/me'))).bodyDelayMs).toBeUndefined()
  })

  it('reset: the write commits, then the connection drops, error answers included', async () => {
    const { app, store, faults } = appWith()
    faults.enqueue(['reset', 'reset'])
    const write = request('POST', '/v1/people', { body: { firstName: 'Dropped' } })
    expect((await app(write)).status).toBe(201)
    expect(write.dropped).toBe(true)
    expect(store.people.count()).toBe(1)
    const refused = request('GET', '/v1/me', { key: null })
    expect((await app(refused)).status).toBe(401)
    expect(refused.dropped).toBe(true)
    const normal = request('GET', '/v1/me')
    await app(normal)
    expect(normal.dropped).toBe(false)
  })
})

describe('withRequestId', () => {
  it('gives the answer its id, and keeps the header only where the profile sends it', () => {
    const answer = () => ({ status: 200, headers: { 'X-Request-Id': 'r1', Vary: 'Origin' }, body: null })
    expect(withRequestId(answer(), 'r1', profiles.sandbox)).toEqual({ ...answer(), requestId: 'r1' })
    expect(withRequestId(answer(), 'r1', profiles.docs)).toEqual({
      status: 200,
      headers: { Vary: 'Origin' },
      body: null,
      requestId: 'r1',
    })
  })
})
