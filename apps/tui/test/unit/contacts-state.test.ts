import type { Person } from '@cc/schema'
import { describe, expect, it } from 'vitest'
import {
  type ContactsState,
  contactsReducer,
  initialContacts,
  visibleRows,
  wantsNextPage,
} from '../../src/state/contacts/list.js'
import { stagesSeen, toRow } from '../../src/state/contacts/rows.js'
import { searchQueries } from '../../src/state/contacts/search.js'

const person = (n: number, over: Partial<Person> = {}): Person => ({
  id: `contact${String(n).padStart(4, '0')}`,
  firstName: `First${n}`,
  lastName: `Last${n}`,
  fullName: `First${n} Last${n}`,
  emails: [{ value: `p${n}@example.com`, isPrimary: true }],
  phones: [{ value: `+1555000${String(n).padStart(4, '0')}` }],
  stageId: n % 2 ? 'stage_lead' : 'stage_hot',
  stageName: n % 2 ? 'Lead' : 'Hot',
  tags: 'VIP, Buyer',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-02-03T04:05:06Z',
  ...over,
})

describe('contact rows', () => {
  it('shows the primary email and phone, the stage name and a short date, cleaned', () => {
    const row = toRow(
      person(1, {
        fullName: 'Evil\u001b]0;pwned\u0007 Name',
        emails: [{ value: 'a@x' }, { value: 'b@x', isPrimary: true }],
      }),
    )
    expect(row).toMatchObject({ name: 'Evil Name', email: 'b@x', stage: 'Lead', updated: '2026-02-03' })
  })

  it('collects the stages seen, by name', () => {
    expect(stagesSeen([1, 2, 3].map((n) => toRow(person(n))))).toEqual([
      { id: 'stage_hot', name: 'Hot' },
      { id: 'stage_lead', name: 'Lead' },
    ])
  })
})

describe('search queries', () => {
  it('picks what the API can match from what was typed', () => {
    expect(searchQueries('  ')).toEqual([])
    expect(searchQueries('ada@example.com')).toEqual([{ email: 'ada@example.com' }])
    expect(searchQueries('(555) 123')).toEqual([{ phone: '(555) 123' }])
    expect(searchQueries('jd79abc123def')).toEqual([{ id: 'jd79abc123def' }, { name: 'jd79abc123def' }])
    expect(searchQueries('Ada Love')).toEqual([{ name: 'Ada Love' }])
    expect(searchQueries('A')).toEqual([])
  })
})

describe('contacts reducer', () => {
  const loaded = (count: number, hasMore = true): ContactsState =>
    contactsReducer(contactsReducer(initialContacts, { type: 'pageRequested' }), {
      type: 'pageLoaded',
      generation: 0,
      people: Array.from({ length: count }, (_, i) => person(i)),
      nextCursor: hasMore ? 'c1' : null,
      hasMore,
    })

  it('pages in more contacts as the selection nears the end', () => {
    expect(wantsNextPage(initialContacts)).toBe(true)
    let s = loaded(25)
    expect(wantsNextPage(s)).toBe(false)
    s = contactsReducer(s, { type: 'move', delta: 20 })
    expect(wantsNextPage(s)).toBe(true)
    s = contactsReducer(s, { type: 'pageRequested' })
    expect(wantsNextPage(s)).toBe(false)
    s = contactsReducer(s, {
      type: 'pageLoaded',
      generation: 0,
      people: [person(25), person(3)],
      nextCursor: null,
      hasMore: false,
    })
    expect(s.rows).toHaveLength(26)
    expect(wantsNextPage(s)).toBe(false)
  })

  it('clamps the selection', () => {
    let s = loaded(3, false)
    s = contactsReducer(s, { type: 'move', delta: 10 })
    expect(s.highlighted).toBe(2)
    s = contactsReducer(s, { type: 'move', delta: -10 })
    expect(s.highlighted).toBe(0)
  })

  it('shows search results for the current query only', () => {
    let s = loaded(5)
    s = contactsReducer(s, { type: 'queryChanged', query: 'Ada' })
    s = contactsReducer(s, { type: 'searchStarted', query: 'Ada' })
    expect(s.searching).toBe(true)
    s = contactsReducer(s, { type: 'queryChanged', query: 'Adam' })
    s = contactsReducer(s, { type: 'searchLoaded', query: 'Ada', people: [person(1)] })
    expect(s.results).toBeUndefined()
    s = contactsReducer(s, { type: 'searchLoaded', query: 'Adam', people: [person(2)] })
    expect(visibleRows(s).map((r) => r.id)).toEqual(['contact0002'])
    s = contactsReducer(s, { type: 'queryChanged', query: '' })
    expect(visibleRows(s)).toHaveLength(5)
  })

  it('drops a page that was requested before a reload', () => {
    let s = contactsReducer(loaded(3), { type: 'reload' })
    s = contactsReducer(s, { type: 'pageLoaded', generation: 0, people: [person(9)], nextCursor: null, hasMore: false })
    expect(s.rows).toEqual([])
    expect(wantsNextPage(s)).toBe(true)
  })

  it('replaces a row after a save', () => {
    let s = loaded(2)
    s = contactsReducer(s, { type: 'contactUpdated', person: person(1, { fullName: 'Renamed' }) })
    expect(s.rows[1]?.name).toBe('Renamed')
  })
})
