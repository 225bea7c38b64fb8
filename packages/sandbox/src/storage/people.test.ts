import { SEARCH_MAX_RESULTS } from '@cc/schema'
import { afterEach, describe, expect, it } from 'vitest'
import type { PersonRecord } from './people.js'
import { Store } from './store.js'

const AT = '2025-01-01T00:00:00.000Z'

const stores: Store[] = []
afterEach(() => {
  for (const store of stores.splice(0)) store.close()
})

function emptyStore(): Store {
  const store = new Store()
  stores.push(store)
  return store
}

let counter = 0
/** Adds a contact with these fields (and a fresh id); returns its id. */
function add(store: Store, fields: Partial<PersonRecord> = {}): string {
  const id = fields.id ?? `p${String(counter++).padStart(12, '0')}`
  store.people.add({ createdAt: AT, updatedAt: AT, ...fields, id })
  return id
}

const ids = (people: { id: string }[]) => people.map((person) => person.id)

describe('list', () => {
  it('pages active contacts in insertion order, after a position', () => {
    const store = emptyStore()
    const all = Array.from({ length: 5 }, (_, i) => add(store, { firstName: `N${i}` }))
    store.people.trash(all[1] as string, new Date())
    const first = store.people.list(2)
    expect(ids(first.people)).toEqual([all[0], all[2]])
    expect(first.hasMore).toBe(true)
    const second = store.people.list(2, first.lastSeq)
    expect(ids(second.people)).toEqual([all[3], all[4]])
    expect(second.hasMore).toBe(false)
    expect(second.lastSeq).toBeGreaterThan(first.lastSeq as number)
  })

  it('has more only when a contact is left after the page', () => {
    const store = emptyStore()
    for (let i = 0; i < 3; i++) add(store)
    expect(store.people.list(3).hasMore).toBe(false)
    expect(store.people.list(2).hasMore).toBe(true)
    expect(store.people.list(3).people).toHaveLength(3)
  })

  it('an empty page has no last position', () => {
    const store = emptyStore()
    expect(store.people.list(10)).toEqual({ people: [], lastSeq: undefined, hasMore: false })
    add(store)
    const { lastSeq } = store.people.list(10)
    expect(store.people.list(10, lastSeq)).toEqual({ people: [], lastSeq: undefined, hasMore: false })
  })
})

describe('get and exists', () => {
  it('find active contacts only', () => {
    const store = emptyStore()
    const id = add(store, { firstName: 'Ada' })
    expect(store.people.get(id)?.firstName).toBe('Ada')
    expect(store.people.exists(id)).toBe(true)
    expect(store.people.trash(id, new Date())).toBe(true)
    expect(store.people.get(id)).toBeUndefined()
    expect(store.people.exists(id)).toBe(false)
    expect(store.people.exists('nobody000000')).toBe(false)
  })
})

describe('the read model', () => {
  it('leaves out what a contact does not have', () => {
    const store = emptyStore()
    const id = add(store)
    expect(store.people.get(id)).toEqual({
      id,
      emails: [],
      phones: [],
      relationship: false,
      createdAt: AT,
      updatedAt: AT,
    })
  })

  it('gives every field a contact has, with one primary email and phone, and the stage and agent by name', () => {
    const store = emptyStore()
    const id = add(store, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'Ada@Example.com',
      phone: '(512) 555-0123',
      source: 'Zillow',
      stage: 'stage_active',
      price: 450000.5,
      timeframe: '3-6 months',
      background: 'Met at an open house',
      tags: ['Buyer', 'VIP'],
      street: '1 Main St',
      city: 'Austin',
      state: 'TX',
      zipCode: '78701',
      assignedAgentId: 'user_mgarcia',
      relationship: true,
      updatedAt: '2025-02-01T00:00:00.000Z',
    })
    expect(store.people.get(id)).toEqual({
      id,
      firstName: 'Ada',
      lastName: 'Lovelace',
      fullName: 'Ada Lovelace',
      emails: [{ value: 'Ada@Example.com', type: 'home', isPrimary: true }],
      phones: [{ value: '(512) 555-0123', type: 'mobile', isPrimary: true, status: 'Valid', isBad: false }],
      assignedAgentId: 'user_mgarcia',
      assignedAgentName: 'Miguel Garcia',
      assignedAgentEmail: 'mgarcia@example.com',
      stageId: 'stage_active',
      stageName: 'Active Client',
      source: 'Zillow',
      tags: 'Buyer, VIP',
      price: 450000.5,
      timeframe: '3-6 months',
      background: 'Met at an open house',
      relationship: true,
      street: '1 Main St',
      city: 'Austin',
      state: 'TX',
      zipCode: '78701',
      createdAt: AT,
      updatedAt: '2025-02-01T00:00:00.000Z',
    })
  })

  it('a full name of the one name given; an unknown agent or stage is left out', () => {
    const store = emptyStore()
    const first = add(store, { firstName: 'Ada', assignedAgentId: 'user_nobody', stage: 'stage_gone' })
    expect(store.people.get(first)).toMatchObject({ firstName: 'Ada', fullName: 'Ada', stageId: 'stage_gone' })
    expect(store.people.get(first)).not.toHaveProperty('assignedAgentId')
    expect(store.people.get(first)).not.toHaveProperty('stageName')
    const last = add(store, { lastName: 'Lovelace', tags: [] })
    expect(store.people.get(last)).toMatchObject({ lastName: 'Lovelace', fullName: 'Lovelace' })
    expect(store.people.get(last)).not.toHaveProperty('tags')
  })

  it('an empty text field is stored as none', () => {
    const store = emptyStore()
    const id = add(store, { firstName: '', city: '', price: 0 })
    const person = store.people.get(id)
    expect(person).not.toHaveProperty('firstName')
    expect(person).not.toHaveProperty('city')
    expect(person?.price).toBe(0)
  })
})

describe('idByEmail (the upsert match)', () => {
  it('finds the oldest active contact with the email, in any case', () => {
    const store = emptyStore()
    const older = add(store, { email: 'ada@example.com' })
    add(store, { email: 'ADA@example.com' })
    expect(store.people.idByEmail(' Ada@Example.COM ')).toBe(older)
    store.people.trash(older, new Date())
    expect(store.people.idByEmail('ada@example.com')).not.toBe(older)
    expect(store.people.idByEmail('ada@example.com')).toBeDefined()
    expect(store.people.idByEmail('bob@example.com')).toBeUndefined()
  })
})

describe('search', () => {
  it('without criteria: the first contacts in list order, at most the search maximum', () => {
    const store = emptyStore()
    const all = Array.from({ length: SEARCH_MAX_RESULTS + 3 }, () => add(store))
    store.people.trash(all[0] as string, new Date())
    expect(ids(store.people.search({}))).toEqual(all.slice(1, SEARCH_MAX_RESULTS + 1))
  })

  it('by id exactly, email in any case, phone by its digits; every criterion must match', () => {
    const store = emptyStore()
    const ada = add(store, { firstName: 'Ada', email: 'ada@example.com', phone: '+1 512 555 0123' })
    const bob = add(store, { firstName: 'Bob', email: 'bob@example.com', phone: '512-555-0123' })
    expect(ids(store.people.search({ id: ada }))).toEqual([ada])
    expect(ids(store.people.search({ email: 'ADA@example.com' }))).toEqual([ada])
    expect(ids(store.people.search({ phone: '(512) 555-0123' }))).toEqual([ada, bob])
    expect(ids(store.people.search({ phone: '5125550123', email: 'bob@example.com' }))).toEqual([bob])
    expect(ids(store.people.search({ id: ada, email: 'bob@example.com' }))).toEqual([])
    expect(ids(store.people.search({ id: bob, phone: '5125550123' }))).toEqual([bob])
  })

  it('a phone without digits matches nothing', () => {
    const store = emptyStore()
    add(store, { phone: '512-555-0123' })
    expect(store.people.search({ phone: 'none' })).toEqual([])
  })

  it('by name alone or with other criteria, best match first', () => {
    const store = emptyStore()
    const anna = add(store, { firstName: 'Annabel', lastName: 'Lee', email: 'a@x.com' })
    const ann = add(store, { firstName: 'Ann', lastName: 'Lee', email: 'b@x.com' })
    const other = add(store, { firstName: 'Ann', lastName: 'Smith', email: 'a@x.com' })
    expect(ids(store.people.search({ name: 'ann lee' }))).toEqual([ann, anna])
    expect(ids(store.people.search({ name: 'ann', email: 'a@x.com' }))).toEqual([other, anna])
    expect(ids(store.people.search({ name: 'ann', id: anna }))).toEqual([anna])
    expect(ids(store.people.search({ name: 'zed', email: 'a@x.com' }))).toEqual([])
    expect(ids(store.people.search({ name: '  ' }))).toEqual([])
    store.people.trash(ann, new Date())
    expect(ids(store.people.search({ name: 'ann lee' }))).toEqual([anna])
    expect(ids(store.people.search({ name: 'ann lee', email: 'b@x.com' }))).toEqual([])
  })

  it('finds a contact by its new email or phone after an update, not by the old', () => {
    const store = emptyStore()
    const id = add(store, { email: 'old@example.com', phone: '111-111-1111' })
    store.people.update(id, { email: 'New@Example.com', phone: '(222) 222-2222' }, new Date())
    expect(ids(store.people.search({ email: 'new@example.com' }))).toEqual([id])
    expect(ids(store.people.search({ phone: '2222222222' }))).toEqual([id])
    expect(store.people.search({ email: 'old@example.com' })).toEqual([])
    expect(store.people.search({ phone: '1111111111' })).toEqual([])
    store.people.update(id, { phone: 'ask' }, new Date())
    expect(store.people.search({ phone: '2222222222' })).toEqual([])
    expect(store.people.get(id)?.phones[0]?.value).toBe('ask')
  })
})

describe('update', () => {
  it('changes only the fields sent, and bumps updatedAt', () => {
    const store = emptyStore()
    const id = add(store, { firstName: 'Ada', lastName: 'Lovelace', city: 'London', tags: ['A'] })
    const now = new Date('2025-03-01T00:00:00.000Z')
    expect(store.people.update(id, { city: 'Paris', tags: ['B', 'C'], stage: 'stage_lead' }, now)).toBe(true)
    expect(store.people.get(id)).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      city: 'Paris',
      tags: 'B, C',
      stageId: 'stage_lead',
      createdAt: AT,
      updatedAt: now.toISOString(),
    })
  })

  it('clears a field sent as "" and the tags sent as []', () => {
    const store = emptyStore()
    const id = add(store, { firstName: 'Ada', city: 'London', tags: ['A'], stage: 'stage_lead' })
    store.people.update(id, { city: '', tags: [], stage: '' }, new Date())
    const person = store.people.get(id)
    expect(person).not.toHaveProperty('city')
    expect(person).not.toHaveProperty('tags')
    expect(person).not.toHaveProperty('stageId')
    expect(person?.firstName).toBe('Ada')
  })

  it('keeps updatedAt strictly increasing, even with a clock that stands still or goes back', () => {
    const store = emptyStore()
    const id = add(store, { updatedAt: '2025-05-05T00:00:00.000Z' })
    store.people.update(id, { city: 'A' }, new Date('2025-05-05T00:00:00.000Z'))
    expect(store.people.get(id)?.updatedAt).toBe('2025-05-05T00:00:00.001Z')
    store.people.update(id, { city: 'B' }, new Date('2020-01-01T00:00:00.000Z'))
    expect(store.people.get(id)?.updatedAt).toBe('2025-05-05T00:00:00.002Z')
  })

  it('takes the clock when the stored time cannot be read', () => {
    const store = emptyStore()
    const id = add(store, { updatedAt: 'not a time' })
    const now = new Date('2025-06-01T12:00:00.000Z')
    store.people.update(id, { city: 'A' }, now)
    expect(store.people.get(id)?.updatedAt).toBe(now.toISOString())
  })

  it('an empty patch changes nothing, updatedAt included', () => {
    const store = emptyStore()
    const id = add(store, { city: 'London' })
    expect(store.people.update(id, {}, new Date('2030-01-01T00:00:00.000Z'))).toBe(true)
    expect(store.people.get(id)?.updatedAt).toBe(AT)
  })

  it('is false for an unknown or trashed contact', () => {
    const store = emptyStore()
    const id = add(store)
    store.people.trash(id, new Date())
    expect(store.people.update(id, { city: 'A' }, new Date())).toBe(false)
    expect(store.people.update('nobody000000', { city: 'A' }, new Date())).toBe(false)
  })

  it('renames in the name index', () => {
    const store = emptyStore()
    const id = add(store, { firstName: 'Ada', lastName: 'Lovelace' })
    store.people.update(id, { lastName: 'Byron' }, new Date())
    expect(ids(store.people.search({ name: 'byron' }))).toEqual([id])
    expect(store.people.search({ name: 'lovelace' })).toEqual([])
  })
})

describe('trash and permanent delete', () => {
  it('trash hides a contact once; a permanent delete removes it, trashed or not, with its activities', () => {
    const store = emptyStore()
    const trashed = add(store)
    const kept = add(store)
    store.activities.add({ id: 'act_1', personId: trashed, type: 'note', createdAt: AT })
    store.activities.add({ id: 'act_2', personId: kept, type: 'note', createdAt: AT })
    expect(store.people.trash(trashed, new Date())).toBe(true)
    expect(store.people.trash(trashed, new Date())).toBe(false)
    expect(store.people.count()).toBe(2)
    expect(store.people.deletePermanently(trashed)).toBe(true)
    expect(store.people.deletePermanently(trashed)).toBe(false)
    expect(store.people.count()).toBe(1)
    expect(store.activities.countFor(trashed)).toBe(0)
    expect(store.activities.countFor(kept)).toBe(1)
    expect(store.people.deletePermanently(kept)).toBe(true)
    expect(store.people.count()).toBe(0)
  })

  it('trash records when', () => {
    const store = emptyStore()
    const id = add(store)
    store.people.trash(id, new Date('2025-07-07T07:07:07.000Z'))
    expect(store.db.prepare('SELECT trashed_at FROM people WHERE id = ?').get(id)).toEqual({
      trashed_at: '2025-07-07T07:07:07.000Z',
    })
  })
})

describe('insert', () => {
  it('stores the match keys and answers the contact as read back', () => {
    const store = emptyStore()
    const person = store.people.insert({
      id: 'abcdefgh12345',
      firstName: 'Ada',
      email: ' ADA@example.com',
      phone: '512.555.0123',
      createdAt: AT,
      updatedAt: AT,
    })
    expect(person).toEqual(store.people.get('abcdefgh12345'))
    expect(person.firstName).toBe('Ada')
    expect(store.db.prepare('SELECT email_key, phone_key, relationship FROM people').get()).toEqual({
      email_key: 'ada@example.com',
      phone_key: '15125550123',
      relationship: 0,
    })
    store.people.add({ id: 'abcdefgh12346', phone: 'n/a', createdAt: AT, updatedAt: AT })
    expect(store.db.prepare('SELECT email_key, phone_key FROM people WHERE id = ?').get('abcdefgh12346')).toEqual({
      email_key: null,
      phone_key: null,
    })
  })
})
