import { describe, expect, it } from 'vitest'
import { answering, json, meta, offline, person } from './core/test-fetch.js'
import { createClient } from './index.js'

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
