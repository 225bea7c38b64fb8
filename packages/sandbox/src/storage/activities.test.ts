import { afterEach, describe, expect, it } from 'vitest'
import { Store } from './store.js'

const AT = '2025-01-01T00:00:00.000Z'

const stores: Store[] = []
afterEach(() => {
  for (const store of stores.splice(0)) store.close()
})

function storeWithContact(): Store {
  const store = new Store()
  stores.push(store)
  store.people.add({ id: 'person000001', createdAt: AT, updatedAt: AT })
  store.people.add({ id: 'person000002', createdAt: AT, updatedAt: AT })
  return store
}

describe('ActivitiesStore', () => {
  it('reads an activity back with its agent by name and whether it is starred', () => {
    const store = storeWithContact()
    const activity = store.activities.insert({
      id: 'act_1',
      personId: 'person000001',
      type: 'call',
      channel: 'phone',
      direction: 'outbound',
      content: 'Called about the listing',
      agentId: 'user_achen',
      starred: true,
      createdAt: AT,
    })
    expect(activity).toEqual({
      id: 'act_1',
      personId: 'person000001',
      type: 'call',
      channel: 'phone',
      direction: 'outbound',
      content: 'Called about the listing',
      agentName: 'Amy Chen',
      starred: true,
      createdAt: AT,
    })
    expect(store.activities.get('act_1')).toEqual(activity)
  })

  it('leaves out what an activity does not have; not starred unless said', () => {
    const store = storeWithContact()
    expect(store.activities.insert({ id: 'act_2', personId: 'person000001', type: 'note', createdAt: AT })).toEqual({
      id: 'act_2',
      personId: 'person000001',
      type: 'note',
      starred: false,
      createdAt: AT,
    })
    const unknownAgent = store.activities.insert({
      id: 'act_3',
      personId: 'person000001',
      type: 'note',
      agentId: 'user_gone',
      starred: false,
      createdAt: AT,
    })
    expect(unknownAgent).not.toHaveProperty('agentName')
    expect(store.activities.get('act_4')).toBeUndefined()
  })

  it('counts the activities of one contact', () => {
    const store = storeWithContact()
    for (const [id, personId] of [
      ['act_1', 'person000001'],
      ['act_2', 'person000001'],
      ['act_3', 'person000002'],
    ] as const) {
      store.activities.add({ id, personId, type: 'note', createdAt: AT })
    }
    expect(store.activities.countFor('person000001')).toBe(2)
    expect(store.activities.countFor('person000002')).toBe(1)
    expect(store.activities.countFor('person000003')).toBe(0)
  })

  it('refuses an activity for a contact that does not exist', () => {
    const store = storeWithContact()
    expect(() => store.activities.add({ id: 'act_1', personId: 'ghost0000000', type: 'note', createdAt: AT })).toThrow(
      /FOREIGN KEY/,
    )
  })
})
