import { afterEach, describe, expect, it, vi } from 'vitest'
import { answering, errorBody, json, meta, offline, person, recording } from './core/test-fetch.js'
import { createClient, RateLimitError } from './index.js'

const ID = 'jd79abc123def'
const ok = () => json(200, { meta: meta('req_ok'), data: person(ID) }, { 'x-request-id': 'req_ok' })

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
    // Sent as given: the docs set no trimming (ASSUMPTIONS.md#search-criteria), so the server decides.
    expect(sent[1]?.url.search).toBe('?name=++Ada++')
    expect(sent[1]?.url.searchParams.get('name')).toBe('  Ada  ')
    expect(sent[1]?.body).toBe('')
  })
})

describe('derived clients', () => {
  /** A server whose first answer is a 429 asking to wait 3 s, then contacts; `sent` counts every request. */
  const rateLimitedOnce = () => {
    let calls = 0
    return answering(() =>
      ++calls === 1 ? json(429, errorBody('rate_limited', 'slow down'), { 'retry-after': '3' }) : ok(),
    )
  }

  afterEach(() => {
    vi.useRealTimers()
  })

  it('share the rate-limit pause of the client they come from, for the same key and URL', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const { fetch, sent } = rateLimitedOnce()
    const base = createClient(offline(fetch, { maxRetries: 0 }))
    await expect(base.people.get(ID)).rejects.toThrow(RateLimitError)
    const derived = base.withOptions({ timeout: 5_000 }).people.get(ID)
    await vi.advanceTimersByTimeAsync(2_999)
    expect(sent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(sent).toHaveLength(2)
    expect((await derived).id).toBe(ID)
  })

  it('with another key: a pause of their own', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const { fetch, sent } = rateLimitedOnce()
    const base = createClient(offline(fetch, { maxRetries: 0 }))
    await expect(base.people.get(ID)).rejects.toThrow(RateLimitError)
    const other = base.withOptions({ apiKey: 'ccmd_live_another_key_9876543210' }).people.get(ID)
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toHaveLength(2)
    expect((await other).id).toBe(ID)
  })

  it('remember the routes the server lacks: a missing GET /people/{id} is not asked again', async () => {
    const { fetch, sent } = recording(async (request) =>
      new URL(request.url).pathname === '/v1/people/search'
        ? json(200, { meta: meta('req_search'), data: [person(ID)] })
        : json(405, errorBody('method_not_allowed', 'no')),
    )
    const base = createClient(offline(fetch, { logLevel: 'off' }))
    expect((await base.people.get(ID)).id).toBe(ID)
    expect((await base.withOptions({ timeout: 5_000 }).people.get(ID)).id).toBe(ID)
    expect(sent.map((request) => request.url.pathname)).toEqual([
      `/v1/people/${ID}`,
      '/v1/people/search',
      '/v1/people/search',
    ])
  })
})
