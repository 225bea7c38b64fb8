import { describe, expect, it } from 'vitest'
import { person } from '../../../test/support/people.js'
import { type ContactsState, contactsReducer, initialContacts, visibleRows, wantsNextPage } from './list.js'

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

  it('puts a created contact at the top, highlighted, and a saved one in its place', () => {
    const s = contactsReducer(loaded(5), { type: 'move', delta: 3 })
    const added = contactsReducer(s, { type: 'contactAdded', person: person(99) })
    expect(added.rows.map((r) => r.id).slice(0, 2)).toEqual(['contact0099', 'contact0000'])
    expect(added.highlighted).toBe(0)
    // The API updated a contact already in the list (a create with its email): it stays where it was.
    const again = contactsReducer(added, {
      type: 'contactAdded',
      person: person(2, { firstName: 'Zed', fullName: 'Zed' }),
    })
    expect(again.rows).toHaveLength(6)
    expect(again.rows[3]?.name).toBe('Zed')
    // While searching, the highlight stays on the results.
    let searching = contactsReducer(s, { type: 'queryChanged', query: 'First' })
    searching = contactsReducer(searching, {
      type: 'searchLoaded',
      query: 'First',
      people: [0, 1, 2].map((n) => person(n)),
    })
    searching = contactsReducer(searching, { type: 'move', delta: 2 })
    expect(contactsReducer(searching, { type: 'contactAdded', person: person(98) }).highlighted).toBe(2)
  })

  it('drops a deleted contact from the list and the results at once, keeping the highlight in range', () => {
    let s = contactsReducer(loaded(3), { type: 'highlight', index: 2 })
    s = contactsReducer(s, { type: 'contactRemoved', id: 'contact0002' })
    expect(s.rows.map((r) => r.id)).toEqual(['contact0000', 'contact0001'])
    expect(s.highlighted).toBe(1)
    const found = contactsReducer(contactsReducer(s, { type: 'queryChanged', query: 'First' }), {
      type: 'searchLoaded',
      query: 'First',
      people: [person(0), person(1)],
    })
    const removed = contactsReducer(found, { type: 'contactRemoved', id: 'contact0000' })
    expect(removed.results?.map((r) => r.id)).toEqual(['contact0001'])
    expect(removed.rows.map((r) => r.id)).toEqual(['contact0001'])
  })
})
