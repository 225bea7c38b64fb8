import { describe, expect, it } from 'vitest'
import { person } from '../../../test/support/people.js'
import {
  type ContactsState,
  contactsReducer,
  heldRows,
  initialContacts,
  listLength,
  nextFetch,
  rowAt,
  rowsBetween,
  visibleCount,
  wantsNextPage,
} from './list.js'
import { MAX_PAGES_HELD } from './pages.js'

/** The rows up now (search results, or the list), all held in these small lists. */
const visibleRows = (s: ContactsState) => rowsBetween(s, 0, visibleCount(s))

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
    expect(heldRows(s)).toHaveLength(26)
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
    expect(visibleRows(s).map((r) => r?.id)).toEqual(['contact0002'])
    s = contactsReducer(s, { type: 'queryChanged', query: '' })
    expect(visibleRows(s)).toHaveLength(5)
  })

  it('drops a page that was requested before a reload', () => {
    let s = contactsReducer(loaded(3), { type: 'reload' })
    s = contactsReducer(s, { type: 'pageLoaded', generation: 0, people: [person(9)], nextCursor: null, hasMore: false })
    expect(heldRows(s)).toEqual([])
    expect(wantsNextPage(s)).toBe(true)
  })

  it('replaces a row after a save', () => {
    let s = loaded(2)
    s = contactsReducer(s, { type: 'contactUpdated', person: person(1, { fullName: 'Renamed' }) })
    expect(heldRows(s)[1]?.name).toBe('Renamed')
  })

  it('puts a created contact at the top, highlighted, and a saved one in its place', () => {
    const s = contactsReducer(loaded(5), { type: 'move', delta: 3 })
    const added = contactsReducer(s, { type: 'contactAdded', person: person(99) })
    expect(
      heldRows(added)
        .map((r) => r.id)
        .slice(0, 2),
    ).toEqual(['contact0099', 'contact0000'])
    expect(added.highlighted).toBe(0)
    // The API updated a contact already in the list (a create with its email): it stays where it was.
    const again = contactsReducer(added, {
      type: 'contactAdded',
      person: person(2, { firstName: 'Zed', fullName: 'Zed' }),
    })
    expect(heldRows(again)).toHaveLength(6)
    expect(heldRows(again)[3]?.name).toBe('Zed')
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
    expect(heldRows(s).map((r) => r.id)).toEqual(['contact0000', 'contact0001'])
    expect(s.highlighted).toBe(1)
    const found = contactsReducer(contactsReducer(s, { type: 'queryChanged', query: 'First' }), {
      type: 'searchLoaded',
      query: 'First',
      people: [person(0), person(1)],
    })
    const removed = contactsReducer(found, { type: 'contactRemoved', id: 'contact0000' })
    expect(removed.results?.map((r) => r.id)).toEqual(['contact0001'])
    expect(heldRows(removed).map((r) => r.id)).toEqual(['contact0001'])
  })
})

/** A server of contacts `0…n-1` in pages of 50, whose cursors name the position of a page's last contact (as the API's do). */
function fakeServer(n: number) {
  let alive = Array.from({ length: n }, (_, i) => i)
  const requests: Array<string | undefined> = []
  return {
    requests,
    remove: (i: number) => {
      alive = alive.filter((j) => j !== i)
    },
    list(cursor: string | undefined) {
      requests.push(cursor)
      const after = cursor === undefined ? -1 : Number(cursor.slice(1))
      const rest = alive.filter((i) => i > after)
      const page = rest.slice(0, 50)
      const last = page.at(-1)
      return {
        people: page.map((i) => person(i)),
        nextCursor: last === undefined ? null : `c${last}`,
        hasMore: rest.length > page.length,
      }
    },
  }
}

/** Answers every fetch the list asks for, as the feed does, until it asks for none. */
function serve(state: ContactsState, server: ReturnType<typeof fakeServer>): ContactsState {
  let s = state
  for (let fetch = nextFetch(s); fetch; fetch = nextFetch(s)) {
    s = contactsReducer(s, { type: 'pageRequested', page: fetch.page })
    s = contactsReducer(s, {
      type: 'pageLoaded',
      generation: s.generation,
      page: fetch.page,
      cursor: fetch.cursor,
      ...server.list(fetch.cursor),
    })
  }
  return s
}

const heldPages = (s: ContactsState) => s.pages.filter((page) => page.rows !== undefined).length

describe('the list window', () => {
  it('holds a bounded window of pages however far it scrolls, and keeps every position', () => {
    const server = fakeServer(5000)
    let s = serve(contactsReducer(initialContacts, { type: 'viewport', rows: 20 }), server)
    let most = 0
    // End, again and again, as a person (or the growth benchmark) does: each loads the next page.
    for (let press = 0; press < 200 && s.hasMore; press++) {
      s = serve(contactsReducer(s, { type: 'highlight', index: Number.MAX_SAFE_INTEGER }), server)
      most = Math.max(most, heldPages(s))
    }
    s = contactsReducer(s, { type: 'highlight', index: Number.MAX_SAFE_INTEGER })
    expect(s.hasMore).toBe(false)
    expect(listLength(s)).toBe(5000)
    expect(s.highlighted).toBe(4999)
    expect(s.pages).toHaveLength(100)
    expect(most).toBeLessThanOrEqual(MAX_PAGES_HELD)
    expect(heldRows(s).length).toBeLessThanOrEqual(MAX_PAGES_HELD * 50)
    // Row N is contact N, wherever it is.
    expect(rowAt(s, 4999)?.id).toBe(person(4999).id)
    expect(rowAt(s, 10)).toBeUndefined()
  })

  it('fetches a page it let go of again by its cursor when the highlight comes back, at the same positions', () => {
    const server = fakeServer(1000)
    let s = serve(initialContacts, server)
    for (let press = 0; press < 30 && s.hasMore; press++) {
      s = serve(contactsReducer(s, { type: 'highlight', index: Number.MAX_SAFE_INTEGER }), server)
    }
    expect(s.pages[0]?.rows).toBeUndefined()
    server.requests.length = 0
    s = contactsReducer(s, { type: 'highlight', index: 510 })
    expect(rowAt(s, 510)).toBeUndefined()
    expect(nextFetch(s)).toEqual({ page: 10, cursor: 'c499' })
    s = serve(s, server)
    // The page itself first, then its neighbours: only the window around it.
    expect(server.requests).toEqual(['c499', 'c549', 'c449', 'c599', 'c399'])
    expect(rowAt(s, 510)?.id).toBe(person(510).id)
    expect(listLength(s)).toBe(1000)
    expect(s.pages[19]?.rows).toBeUndefined()
    // Home: back to the first page, fetched without a cursor.
    s = contactsReducer(s, { type: 'highlight', index: 0 })
    expect(nextFetch(s)).toEqual({ page: 0, cursor: undefined })
  })

  it('fetches pages again from where the page before them ends now, so no contact shows twice or goes missing', () => {
    const server = fakeServer(400)
    let s = serve(initialContacts, server)
    for (let press = 0; press < 10 && s.hasMore; press++) {
      s = serve(contactsReducer(s, { type: 'highlight', index: Number.MAX_SAFE_INTEGER }), server)
    }
    // Someone deletes contact 20 meanwhile; the highlight goes back up to the first page.
    server.remove(20)
    s = serve(contactsReducer(s, { type: 'highlight', index: 30 }), server)
    expect(rowAt(s, 30)?.id).toBe(person(31).id)
    // The first page ends one contact later now: each page of the window starts where the one before it ends.
    expect(s.pages.slice(1, 4).map((page) => page.cursor)).toEqual(['c50', 'c100', 'c150'])
    const ids = heldRows(s).map((row) => row.id)
    const expected = Array.from({ length: 151 }, (_, i) => i).filter((i) => i !== 20)
    expect(ids).toEqual(expected.map((i) => person(i).id))
    // The page after the window is fetched from there when it is reached.
    s = contactsReducer(s, { type: 'highlight', index: 160 })
    expect(nextFetch(s)).toEqual({ page: 3, cursor: 'c150' })
  })

  it('leaves search results alone, and comes back to its place when the query is cleared', () => {
    const server = fakeServer(1000)
    let s = serve(initialContacts, server)
    for (let press = 0; press < 12; press++) {
      s = serve(contactsReducer(s, { type: 'highlight', index: Number.MAX_SAFE_INTEGER }), server)
    }
    s = contactsReducer(s, { type: 'highlight', index: 450 })
    s = contactsReducer(s, { type: 'queryChanged', query: 'First' })
    s = contactsReducer(s, { type: 'searchLoaded', query: 'First', people: [person(1), person(2)] })
    expect(nextFetch(s)).toBeUndefined()
    s = contactsReducer(s, { type: 'move', delta: 1 })
    expect(rowAt(s, s.highlighted)?.id).toBe(person(2).id)
    s = contactsReducer(s, { type: 'queryChanged', query: '' })
    expect(s.highlighted).toBe(450)
    expect(rowAt(s, 450)?.id).toBe(person(450).id)
  })
})

describe('the selection', () => {
  it('picks contacts by id: Space on the highlighted one, all those shown, and clears', () => {
    const server = fakeServer(300)
    let s = serve(contactsReducer(initialContacts, { type: 'viewport', rows: 5 }), server)
    s = contactsReducer(s, { type: 'toggleSelected' })
    expect(s.highlighted).toBe(1)
    s = contactsReducer(s, { type: 'toggleSelected' })
    expect([...s.selected.keys()]).toEqual([person(0).id, person(1).id])
    s = contactsReducer(contactsReducer(s, { type: 'highlight', index: 1 }), { type: 'toggleSelected' })
    expect([...s.selected.keys()]).toEqual([person(0).id])
    // Every row on screen (rows 0-4).
    s = contactsReducer(s, { type: 'selectShown' })
    expect([...s.selected.keys()]).toEqual([0, 1, 2, 3, 4].map((n) => person(n).id))
    expect(s.selected.get(person(3).id)?.fields).toEqual({
      stageId: 'stage_lead',
      tags: ['VIP', 'Buyer'],
      source: '',
      timeframe: '',
    })
    // Search results: all of them.
    s = contactsReducer(s, { type: 'queryChanged', query: 'First' })
    s = contactsReducer(s, { type: 'searchLoaded', query: 'First', people: [person(200), person(201)] })
    s = contactsReducer(s, { type: 'selectShown' })
    expect(s.selected.size).toBe(7)
    s = contactsReducer(s, { type: 'clearSelection' })
    expect(s.selected.size).toBe(0)
  })

  it('outlives the pages it was picked on, a reload and a save, and loses a deleted contact', () => {
    const server = fakeServer(1000)
    let s = serve(initialContacts, server)
    s = contactsReducer(s, { type: 'toggleSelected' })
    s = contactsReducer(s, { type: 'toggleSelected' })
    for (let press = 0; press < 20; press++) {
      s = serve(contactsReducer(s, { type: 'highlight', index: Number.MAX_SAFE_INTEGER }), server)
    }
    expect(s.pages[0]?.rows).toBeUndefined()
    expect(s.selected.size).toBe(2)
    s = contactsReducer(s, { type: 'reload' })
    expect(s.selected.size).toBe(2)
    s = contactsReducer(s, { type: 'contactUpdated', person: person(1, { stageId: 'stage_won', stageName: 'Won' }) })
    expect(s.selected.get(person(1).id)?.fields.stageId).toBe('stage_won')
    s = contactsReducer(s, { type: 'contactRemoved', id: person(0).id })
    expect([...s.selected.keys()]).toEqual([person(1).id])
  })

  it('starts a bulk edit from what the list shows now: a page or search fetched again refreshes the picked contacts', () => {
    let s = contactsReducer(contactsReducer(initialContacts, { type: 'pageRequested' }), {
      type: 'pageLoaded',
      generation: 0,
      people: [person(0), person(1)],
      nextCursor: null,
      hasMore: false,
    })
    s = contactsReducer(s, { type: 'toggleSelected' })
    const picked = s.selected
    s = contactsReducer(contactsReducer(s, { type: 'refresh' }), { type: 'pageRequested', page: 0 })
    s = contactsReducer(s, {
      type: 'pageLoaded',
      generation: s.generation,
      page: 0,
      people: [person(0, { stageId: 'stage_won', tags: 'VIP' }), person(1)],
      nextCursor: null,
      hasMore: false,
    })
    expect(s.selected.get(person(0).id)?.fields).toMatchObject({ stageId: 'stage_won', tags: ['VIP'] })
    expect(s.selected.has(person(1).id)).toBe(false)
    s = contactsReducer(s, { type: 'queryChanged', query: 'First0' })
    s = contactsReducer(s, { type: 'searchLoaded', query: 'First0', people: [person(0, { source: 'Fair' })] })
    expect(s.selected.get(person(0).id)?.fields.source).toBe('Fair')
    // Nothing picked among the rows: the same selection.
    expect(
      contactsReducer({ ...s, selected: picked }, { type: 'searchLoaded', query: 'First0', people: [person(1)] })
        .selected,
    ).toBe(picked)
  })

  it('fetches the pages it holds again after a refresh, in place', () => {
    const server = fakeServer(120)
    let s = serve(initialContacts, server)
    s = contactsReducer(s, { type: 'highlight', index: 5 })
    s = contactsReducer(s, { type: 'refresh' })
    // Still shown while they are fetched again.
    expect(rowAt(s, 5)?.id).toBe(person(5).id)
    expect(nextFetch(s)).toEqual({ page: 0, cursor: undefined })
    server.requests.length = 0
    s = serve(s, server)
    expect(server.requests).toEqual([undefined])
    expect(s.highlighted).toBe(5)
    expect(s.pages[0]?.stale).toBeUndefined()
  })
})
