import { describe, expect, it } from 'vitest'
import { Store } from './store.js'

const AT = '2025-01-01T00:00:00.000Z'

describe('Store', () => {
  it('is empty until a contact or a deal is written', () => {
    const store = new Store()
    expect(store.isEmpty()).toBe(true)
    store.deals.insert({
      id: 'deal_1',
      title: 'T',
      pipelineId: 'pipe_buyers',
      stageId: 's',
      createdAt: AT,
      updatedAt: AT,
    })
    expect(store.isEmpty()).toBe(false)
    const other = new Store()
    other.people.add({ id: 'person000001', createdAt: AT, updatedAt: AT })
    expect(other.isEmpty()).toBe(false)
    store.close()
    other.close()
  })

  it('clear() deletes everything and restarts the positions', () => {
    const store = new Store()
    for (const id of ['person000001', 'person000002'])
      store.people.add({ id, firstName: 'Ada', createdAt: AT, updatedAt: AT })
    store.activities.add({ id: 'act_1', personId: 'person000001', type: 'note', createdAt: AT })
    store.deals.insert({
      id: 'deal_1',
      title: 'T',
      pipelineId: 'pipe_buyers',
      stageId: 's',
      createdAt: AT,
      updatedAt: AT,
    })
    store.idempotency.save('scope', 'key', { fingerprint: 'f', status: 201, body: '{}' }, new Date())
    store.transaction(() => store.clear())
    expect(store.isEmpty()).toBe(true)
    expect(store.people.count()).toBe(0)
    expect(store.activities.get('act_1')).toBeUndefined()
    expect(store.idempotency.find('scope', 'key', new Date())).toBeUndefined()
    expect(store.people.search({ name: 'ada' })).toEqual([])
    store.people.add({ id: 'person000003', firstName: 'Ada', createdAt: AT, updatedAt: AT })
    expect(store.people.list(10).lastSeq).toBe(1)
    expect(store.people.search({ name: 'ada' }).map((p) => p.id)).toEqual(['person000003'])
    store.close()
  })

  it('transaction() commits or rolls back the work', () => {
    const store = new Store()
    expect(() =>
      store.transaction(() => {
        store.people.add({ id: 'person000001', createdAt: AT, updatedAt: AT })
        throw new Error('no')
      }),
    ).toThrow('no')
    expect(store.people.count()).toBe(0)
    expect(store.transaction(() => store.people.insert({ id: 'person000002', createdAt: AT, updatedAt: AT })).id).toBe(
      'person000002',
    )
    expect(store.people.count()).toBe(1)
    store.close()
  })

  it('closes once; closing again is fine', () => {
    const store = new Store()
    store.close()
    expect(store.db.isOpen).toBe(false)
    expect(() => store.close()).not.toThrow()
  })
})
