import { describe, expect, it, vi } from 'vitest'
import { APIPromise, CcError, createClient, Page } from '../src/index.js'
import { answering, collectingLogger, json, meta, offline, person } from './helpers.js'

const ID = 'jd79abc123def'
const ok = () => json(200, { meta: meta('req_ok'), data: person(ID) }, { 'x-request-id': 'req_ok' })

describe('APIPromise', () => {
  it('is a Promise of the result, and withResponse() gives the rest', async () => {
    const cc = createClient(offline(answering(ok).fetch))
    const call = cc.people.get(ID)
    expect(call).toBeInstanceOf(Promise)
    expect(call).toBeInstanceOf(APIPromise)
    const [a, b, wrapped] = await Promise.all([call, call.then((p) => p.id), call.withResponse()])
    expect(a.id).toBe(ID)
    expect(b).toBe(ID)
    expect(wrapped.data).toBe(a)
    expect(wrapped.requestId).toBe('req_ok')
    expect(wrapped.response.status).toBe(200)
    const finished = vi.fn()
    await call.finally(finished)
    expect(finished).toHaveBeenCalledOnce()
  })

  it('rejects through then, catch and withResponse alike', async () => {
    const cc = createClient(offline(answering(() => json(404, {})).fetch))
    const call = cc.people.get(ID)
    await expect(call).rejects.toThrow(CcError)
    expect(await call.catch((e: unknown) => (e as Error).name)).toBe('NotFoundError')
    await expect(call.withResponse()).rejects.toThrow(CcError)
  })
})

describe('pagination guards', () => {
  const page =
    (cursor: string | null, hasMore: boolean, data = [person(ID)]) =>
    () =>
      json(200, { meta: { ...meta(), count: data.length, hasMore, nextCursor: cursor }, data })

  it('stops a server that hands back the cursor it was given', async () => {
    const cc = createClient(offline(answering(page('c1', true), page('c1', true)).fetch))
    const seen: string[] = []
    const walk = async () => {
      for await (const p of cc.people.list()) seen.push(p.id)
    }
    await expect(walk()).rejects.toThrow('The API returned the same cursor twice (c1)')
    expect(seen).toEqual([ID, ID])
  })

  it('treats an empty page, or a missing cursor, as the end', async () => {
    const empty = await createClient(offline(answering(page('c9', true, [])).fetch)).people.list()
    expect(empty).toBeInstanceOf(Page)
    expect(empty.hasNextPage()).toBe(false)
    const noCursor = await createClient(offline(answering(page(null, true)).fetch)).people.list()
    expect(noCursor.hasNextPage()).toBe(false)
  })

  it('asks for the next page with the same limit and the cursor', async () => {
    const { fetch, sent } = answering(page('c1', true), page(null, false))
    const all = []
    for await (const p of createClient(offline(fetch)).people.list({ limit: 25 })) all.push(p)
    expect(all).toHaveLength(2)
    expect(sent.map((r) => r.url.search)).toEqual(['?limit=25', '?limit=25&cursor=c1'])
  })
})

describe('options', () => {
  it('withOptions derives a client: same key, options on top, headers merged', async () => {
    const { fetch, sent } = answering(ok)
    const base = createClient(offline(fetch, { headers: { 'x-app': 'crm-sync' } }))
    const derived = base.withOptions({ headers: { 'x-team': 'ops' }, timeout: 5_000 })
    await derived.people.get(ID, { headers: { 'x-call': '1' } })
    await base.people.get(ID)
    const [first, second] = sent
    expect(first?.headers.get('authorization')).toBe('Bearer ccmd_live_offline_key_0123456789')
    expect([first?.headers.get('x-app'), first?.headers.get('x-team'), first?.headers.get('x-call')]).toEqual([
      'crm-sync',
      'ops',
      '1',
    ])
    expect(second?.headers.get('x-team')).toBeNull()
    expect(first?.headers.get('accept')).toBe('application/json')
  })

  it("a call's headers replace the client's of the same name, whatever the case, for that call only", async () => {
    const { fetch, sent } = answering(ok)
    const cc = createClient(offline(fetch, { headers: { 'X-App': 'crm-sync', 'x-keep': 'yes' } }))
    await cc.people.get(ID, { headers: { 'x-app': 'one-off' } })
    await cc.people.get(ID)
    expect(sent.map((r) => [r.headers.get('x-app'), r.headers.get('x-keep')])).toEqual([
      ['one-off', 'yes'],
      ['crm-sync', 'yes'],
    ])
    expect(sent.map((r) => r.headers.get('content-type'))).toEqual([null, null])
  })

  it('sends JSON with its content type, and query strings for GET', async () => {
    const { fetch, sent } = answering(
      () => json(200, { meta: meta(), success: true }),
      () => json(200, { meta: meta(), data: [] }),
    )
    const cc = createClient(offline(fetch))
    await cc.people.update(ID, { tags: ['VIP', 'Hot Lead'] })
    await cc.people.search({ name: '  Ada  ' })
    expect(sent[0]?.headers.get('content-type')).toBe('application/json')
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({ tags: ['VIP', 'Hot Lead'] })
    expect(sent[1]?.url.search).toBe('?name=Ada')
    expect(sent[1]?.body).toBe('')
  })
})

describe('logging', () => {
  it('info: one line per attempt with status, time, attempt and request id', async () => {
    const { logger, lines } = collectingLogger()
    await createClient(offline(answering(ok).fetch, { logger, logLevel: 'info' })).people.get(ID)
    expect(lines).toEqual([
      {
        level: 'info',
        line: expect.stringMatching(
          /^\[cc-client\] GET \/people\/jd79abc123def → 200 in \d+ ms \(attempt 1\/3, request req_ok\)$/,
        ),
      },
    ])
  })

  it('debug: adds request and response headers, credentials redacted', async () => {
    const { logger, lines } = collectingLogger()
    await createClient(
      offline(answering(ok).fetch, { logger, logLevel: 'debug', headers: { 'x-session-token': 't0k3n' } }),
    ).people.get(ID)
    const debug = lines.filter((l) => l.level === 'debug').map((l) => l.line)
    expect(debug).toHaveLength(2)
    expect(debug[0]).toContain('GET /people/jd79abc123def request headers')
    expect(JSON.parse(debug[0]?.split('request headers ')[1] ?? '')).toEqual({
      accept: 'application/json',
      authorization: '[redacted]',
      'x-session-token': '[redacted]',
    })
    expect(debug[1]).toContain('response headers')
  })

  it('warn (the default) and off: nothing for a success', async () => {
    for (const logLevel of ['warn', 'off'] as const) {
      const { logger, lines } = collectingLogger()
      await createClient(offline(answering(ok).fetch, { logger, logLevel })).people.get(ID)
      expect(lines).toEqual([])
    }
  })
})
