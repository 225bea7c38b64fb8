import { describe, expect, it } from 'vitest'
import { IDEMPOTENCY_TTL_MS } from './idempotency.js'
import { Store } from './store.js'

const scope = 'a'.repeat(64)
const response = { fingerprint: 'f'.repeat(64), status: 201, body: '{"data":{"person":{"firstName":"Renée 😀"}}}' }

describe('IdempotencyStore', () => {
  it('replays a saved response exactly', () => {
    const store = new Store()
    const now = new Date()
    store.idempotency.save(scope, 'k1', response, now)
    expect(store.idempotency.find(scope, 'k1', now)).toEqual(response)
    expect(store.idempotency.find(scope, 'k2', now)).toBeUndefined()
    store.close()
  })

  it('forgets responses after 24 hours, deleting the expired ones through an index', () => {
    const store = new Store()
    const then = new Date('2025-01-01T00:00:00Z')
    store.idempotency.save(scope, 'k1', response, then)
    const later = new Date(then.getTime() + IDEMPOTENCY_TTL_MS)
    expect(store.idempotency.find(scope, 'k1', later)).toBeUndefined()
    store.idempotency.save(scope, 'k2', response, later)
    expect(store.db.prepare('SELECT key FROM idempotency').all()).toEqual([{ key: 'k2' }])
    // Every save runs this delete: it must not read the whole table (a 100 000-contact import saves 100 000).
    const plan = store.db.prepare('EXPLAIN QUERY PLAN DELETE FROM idempotency WHERE created_at <= ?').all('x')
    expect(plan.map((step) => step.detail)).toEqual([expect.stringContaining('USING INDEX idempotency_created')])
    store.close()
  })

  it('replays until the last millisecond of the 24 hours', () => {
    const store = new Store()
    const then = new Date('2025-01-01T00:00:00Z')
    store.idempotency.save(scope, 'k1', response, then)
    const almost = new Date(then.getTime() + IDEMPOTENCY_TTL_MS - 1)
    expect(IDEMPOTENCY_TTL_MS).toBe(86_400_000)
    expect(store.idempotency.find(scope, 'k1', almost)).toEqual(response)
    // A save then keeps what has not expired yet.
    store.idempotency.save(scope, 'k2', response, almost)
    expect(store.db.prepare('SELECT key FROM idempotency ORDER BY key').all()).toEqual([{ key: 'k1' }, { key: 'k2' }])
    store.close()
  })

  it('keeps keys apart per scope, and a key saved again holds the latest response', () => {
    const store = new Store()
    const now = new Date()
    const other = { ...response, status: 200, body: '{}' }
    store.idempotency.save(scope, 'k1', response, now)
    store.idempotency.save('b'.repeat(64), 'k1', other, now)
    expect(store.idempotency.find(scope, 'k1', now)).toEqual(response)
    expect(store.idempotency.find('b'.repeat(64), 'k1', now)).toEqual(other)
    store.idempotency.save(scope, 'k1', other, now)
    expect(store.idempotency.find(scope, 'k1', now)).toEqual(other)
    store.close()
  })
})
