import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, MAX_BODY_BYTES, type Sandbox } from '../src/index.js'

/**
 * The two ways into a sandbox — `sandbox.fetch` with web-standard objects, and Node's HTTP server over loopback —
 * run one pipeline; this checks they answer alike: the same status, headers and body for the same requests, from
 * the same state. Left out: `Date`, `X-Request-Id` (and the body's `meta.requestId`, `meta.timestamp`, fresh ids
 * and times), and `Connection`/`Keep-Alive`, which describe a TCP connection and in-process there is none.
 */

const APP = 'http://localhost:5173'
const TRANSPORT_ONLY = new Set(['date', 'x-request-id', 'connection', 'keep-alive'])

interface Seen {
  status: number
  headers: Record<string, string>
  body: unknown
}

interface SendOptions {
  body?: unknown
  rawBody?: string
  headers?: Record<string, string>
  /** `null`: no Authorization header. */
  key?: string | null
}

type Send = (method: string, path: string, options?: SendOptions) => Promise<Seen>

let sandbox: Sandbox
const started = Date.now()
beforeAll(async () => {
  sandbox = await createSandbox({
    listen: { port: 0 },
    cors: [APP],
    rateLimit: { requests: 1000, windowMs: 60_000 },
    failedAuthLimit: { attempts: 2, windowMs: 60_000 },
    faults: { rate: 0, kinds: ['500'], latencyMs: 50 },
  })
})
afterAll(() => sandbox.close())

async function send(viaHttp: boolean, method: string, path: string, options: SendOptions = {}): Promise<Seen> {
  const headers = new Headers(options.headers)
  const key = options.key === undefined ? sandbox.apiKey : options.key
  if (key !== null) headers.set('Authorization', `Bearer ${key}`)
  let body = options.rawBody
  if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers.set('Content-Type', 'application/json')
  }
  const url =
    path.startsWith('/v1') || path.startsWith('/openapi') ? sandbox.url.replace(/\/v1$/, path) : `${sandbox.url}${path}`
  const request = new Request(url, { method, headers, body: body ?? null })
  const response = viaHttp ? await fetch(request) : await sandbox.fetch(request)
  const text = await response.text()
  const seen: Record<string, string> = {}
  for (const [name, value] of response.headers) if (!TRANSPORT_ONLY.has(name)) seen[name] = value
  let parsed: unknown = text
  try {
    parsed = text === '' ? undefined : JSON.parse(text)
  } catch {}
  const requestId = (parsed as { meta?: { requestId?: string } } | undefined)?.meta?.requestId
  // A replayed idempotent answer keeps the first request's id in its body; every other body has its own.
  if (requestId !== undefined && response.headers.get('Idempotent-Replayed') === null) {
    expect(requestId).toBe(response.headers.get('X-Request-Id'))
  }
  return { status: response.status, headers: seen, body: parsed }
}

/** Request ids, times of this run and ids created in it, replaced by placeholders. */
function normalize(results: Seen[]): Seen[] {
  const fresh = new Map<string, string>()
  for (const result of results) {
    const id = (result.body as { data?: { id?: unknown } } | undefined)?.data?.id
    if (result.status === 201 && typeof id === 'string' && !fresh.has(id)) fresh.set(id, `<new id ${fresh.size + 1}>`)
  }
  const replace = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') {
      if (key === 'requestId') return '<request id>'
      if (fresh.has(value)) return fresh.get(value)
      if (/^\d{4}-\d\d-\d\dT/.test(value) && Date.parse(value) >= started - 1000) return '<now>'
      return value
    }
    if (Array.isArray(value)) return value.map((item) => replace(item))
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v, k)]))
    }
    return value
  }
  return results.map((result) => ({ ...result, body: replace(result.body) }))
}

/** Runs `steps` from the seeded state in-process, then again over loopback, and compares what came back. */
async function sameBothWays(steps: (send: Send) => Promise<void>): Promise<Seen[]> {
  const runs: Seen[][] = []
  for (const viaHttp of [false, true]) {
    await sandbox.reset()
    const seen: Seen[] = []
    await steps(async (method, path, options) => {
      const result = await send(viaHttp, method, path, options)
      seen.push(result)
      return result
    })
    runs.push(normalize(seen))
  }
  const [inProcess, overHttp] = runs as [Seen[], Seen[]]
  expect(overHttp).toEqual(inProcess)
  return inProcess
}

describe('sandbox.fetch and loopback HTTP answer alike', () => {
  it('reads, pages, searches, the OpenAPI document, HEAD', async () => {
    const seen = await sameBothWays(async (send) => {
      await send('GET', '/me')
      await send('GET', '/users')
      const page = await send('GET', '/people?limit=3')
      const { nextCursor } = (page.body as { meta: { nextCursor: string } }).meta
      await send('GET', `/people?limit=2&cursor=${nextCursor}`)
      const id = (page.body as { data: { id: string }[] }).data[0]?.id
      await send('GET', `/people/${id}`)
      await send('GET', '/people/search?name=an&email=nobody%40example.com')
      await send('GET', '/people/search?name=Mar+ia')
      await send('HEAD', `/people/${id}`)
      await send('GET', '/openapi.json', { key: null })
    })
    expect(seen.map((s) => s.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200])
    expect(seen[7]?.body).toBeUndefined()
  })

  it('writes: create, idempotent replay and conflict, update, delete, deals, activities', async () => {
    const seen = await sameBothWays(async (send) => {
      const created = await send('POST', '/people', {
        body: { firstName: 'Both', lastName: 'Ways', email: 'both.ways@example.com', tags: ['A', 'B'], price: 5 },
        headers: { 'Idempotency-Key': 'same-both-ways' },
      })
      const id = (created.body as { data: { id: string } }).data.id
      await send('POST', '/people', {
        body: { firstName: 'Both', lastName: 'Ways', email: 'both.ways@example.com', tags: ['A', 'B'], price: 5 },
        headers: { 'Idempotency-Key': 'same-both-ways' },
      })
      await send('POST', '/people', { body: { firstName: 'Other' }, headers: { 'Idempotency-Key': 'same-both-ways' } })
      await send('POST', '/people', { body: { email: 'BOTH.WAYS@example.com', city: 'Austin' } })
      await send('PUT', `/people/${id}`, { body: { background: 'é'.repeat(100), tags: [] } })
      await send('GET', `/people/${id}`)
      const deal = await send('POST', '/deals', { body: { title: 'Deal', pipelineId: 'pipe_buyers', peopleIds: [id] } })
      const dealId = (deal.body as { data: { id: string } }).data.id
      await send('PUT', `/deals/${dealId}`, { body: { title: 'Deal 2', pipelineId: 'pipe_sellers' } })
      await send('POST', `/deals/${dealId}/move`, { body: { stageId: 'dstage_seller_active' } })
      await send('POST', '/activities', { body: { personId: id, type: 'note', content: 'Both ways' } })
      await send('DELETE', `/people/${id}`)
      await send('DELETE', `/people/${id}?permanent=true`)
    })
    expect(seen.map((s) => s.status)).toEqual([201, 201, 409, 200, 200, 200, 201, 200, 200, 201, 200, 200])
    expect(seen[1]?.headers['idempotent-replayed']).toBe('true')
  })

  it('every kind of error, with its headers', async () => {
    const seen = await sameBothWays(async (send) => {
      await send('GET', '/me', { key: null })
      await send('GET', '/me', { key: 'ccmd_test_wrong_1' })
      await send('GET', '/me', { key: 'ccmd_test_wrong_2' })
      await send('GET', '/me', { key: 'ccmd_test_wrong_3' })
      await sandbox.reset()
      await send('GET', '/people/missing12345')
      await send('GET', '/people/short')
      await send('GET', '/people?limit=0&limit=2')
      await send('PATCH', '/people/abcdefgh1234', { body: { firstName: 'A' } })
      await send('GET', '/nowhere')
      await send('GET', '/openapi.json/nowhere', { key: null })
      await send('GET', '/v1')
      await send('POST', '/people', { rawBody: '{"firstName": ', headers: { 'Content-Type': 'application/json' } })
      await send('POST', '/people', { rawBody: '', headers: { 'Content-Type': 'application/json' } })
      await send('POST', '/people', { rawBody: 'firstName=A', headers: { 'Content-Type': 'text/plain' } })
      await send('POST', '/people', {
        rawBody: JSON.stringify({ background: 'x'.repeat(MAX_BODY_BYTES) }),
        headers: { 'Content-Type': 'application/json' },
      })
      await send('POST', '/people', { body: { firstName: '', state: 'texas', color: 'red' } })
      await send('POST', '/deals', { body: { title: 'Ghost', pipelineId: 'pipe_nowhere', peopleIds: ['ghost12345'] } })
      await send('PUT', '/people/abcdefgh1234', { body: { firstName: 'Nobody' } })
    })
    expect(seen.map((s) => s.status)).toEqual([
      401, 401, 401, 429, 404, 422, 422, 405, 404, 404, 404, 400, 400, 415, 413, 422, 422, 404,
    ])
  })

  it('injected faults and CORS', async () => {
    const seen = await sameBothWays(async (send) => {
      sandbox.queueFaults(['500', '503', '429', 'slow-body'])
      await send('GET', '/me')
      await send('GET', '/me')
      await send('GET', '/me')
      await send('GET', '/me')
      await send('OPTIONS', '/people', {
        key: null,
        headers: {
          Origin: APP,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      })
      await send('GET', '/me', { headers: { Origin: APP } })
      await send('GET', '/me', { headers: { Origin: 'http://other.example' } })
    })
    expect(seen.map((s) => s.status)).toEqual([500, 503, 429, 200, 204, 200, 200])
  })
})
