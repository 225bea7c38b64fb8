import { describe, expect, it } from 'vitest'
import { person } from '../../../test/support/people.js'
import {
  type ContactsState,
  contactsReducer,
  heldRows,
  initialContacts,
  isLoading,
  isSearching,
  listLength,
  nextFetch,
  rowAt,
  rowsBetween,
  scrollTop,
  visibleCount,
  wantsNextPage,
  withFirstPage,
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

const ids = (rows: ReadonlyArray<{ id: string } | undefined>) => rows.map((row) => row?.id)
const people = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => person(from + i))

/** Page `page` (left out: the next one) requested and answered with `who`. */
function answer(
  s: ContactsState,
  who: ReturnType<typeof person>[],
  options: { page?: number; cursor?: string; nextCursor?: string | null; hasMore?: boolean } = {},
): ContactsState {
  const { page, cursor, nextCursor = null, hasMore = false } = options
  const requested = contactsReducer(s, page === undefined ? { type: 'pageRequested' } : { type: 'pageRequested', page })
  return contactsReducer(requested, {
    type: 'pageLoaded',
    generation: requested.generation,
    ...(page === undefined ? {} : { page }),
    ...(cursor === undefined ? {} : { cursor }),
    people: who,
    nextCursor,
    hasMore,
  })
}

/** Three pages of five: contacts 0-4, 5-9 and 10-14, the last one the end of the list. */
function threePages(): ContactsState {
  let s = answer(initialContacts, people(0, 5), { nextCursor: 'c4', hasMore: true })
  s = answer(s, people(5, 10), { nextCursor: 'c9', hasMore: true })
  return answer(s, people(10, 15))
}

/** Search results for `query` up, with `who` found. */
const found = (s: ContactsState, query: string, who: ReturnType<typeof person>[]) =>
  contactsReducer(contactsReducer(s, { type: 'queryChanged', query }), { type: 'searchLoaded', query, people: who })

describe('the list as it starts', () => {
  it('is not loaded and not searching before its first page', () => {
    expect(initialContacts.loaded).toBe(false)
    expect(initialContacts.searching).toBe(false)
    expect(isLoading(initialContacts)).toBe(false)
    expect(isSearching(initialContacts)).toBe(false)
  })

  it('holds the first page that came with the connection, loaded and not fetching', () => {
    const s = withFirstPage({ people: [person(0), person(1)], nextCursor: 'c1', hasMore: true })
    expect(ids(heldRows(s))).toEqual([person(0).id, person(1).id])
    expect(s.loaded).toBe(true)
    expect(isLoading(s)).toBe(false)
    expect(s.nextCursor).toBe('c1')
    expect(s.hasMore).toBe(true)
    expect(s.generation).toBe(initialContacts.generation)
    expect(withFirstPage({ people: [], nextCursor: null, hasMore: false }).hasMore).toBe(false)
  })

  it('is loading from a page request until the page arrives', () => {
    const requested = contactsReducer(initialContacts, { type: 'pageRequested' })
    expect(isLoading(requested)).toBe(true)
    expect(requested.fetching).toBe(0)
    expect(isLoading(answer(initialContacts, [person(0)]))).toBe(false)
  })
})

describe('a failed page', () => {
  it('stops the fetching with its message, and nothing more is fetched until a reload', () => {
    const requested = contactsReducer(initialContacts, { type: 'pageRequested' })
    const failed = contactsReducer(requested, { type: 'pageFailed', generation: 0, message: 'offline' })
    expect(failed.error).toBe('offline')
    expect(isLoading(failed)).toBe(false)
    expect(nextFetch(failed)).toBeUndefined()
    const reloaded = contactsReducer(failed, { type: 'reload' })
    expect(reloaded.error).toBeUndefined()
    expect(nextFetch(reloaded)).toEqual({ page: 0, cursor: undefined })
  })

  it('is ignored when it answers a request from before a reload', () => {
    const s = contactsReducer(contactsReducer(initialContacts, { type: 'reload' }), { type: 'pageRequested' })
    expect(contactsReducer(s, { type: 'pageFailed', generation: 0, message: 'offline' })).toBe(s)
  })
})

describe('rows of the list', () => {
  it('counts only non-blank queries as a search', () => {
    const s = contactsReducer(threePages(), { type: 'queryChanged', query: '   ' })
    expect(isSearching(s)).toBe(false)
    expect(visibleCount(s)).toBe(15)
    expect(rowAt(s, 3)?.id).toBe(person(3).id)
  })

  it('numbers the contacts added here first, then the pages', () => {
    const s = contactsReducer(threePages(), { type: 'contactAdded', person: person(99) })
    expect(rowAt(s, 0)?.id).toBe(person(99).id)
    expect(rowAt(s, 1)?.id).toBe(person(0).id)
    expect(rowAt(s, 6)?.id).toBe(person(5).id)
    expect(rowAt(s, 15)?.id).toBe(person(14).id)
    expect(rowAt(s, 16)).toBeUndefined()
    expect(listLength(s)).toBe(16)
  })

  it('has no row up while a search is typed and its results have not come', () => {
    const s = contactsReducer(threePages(), { type: 'queryChanged', query: 'First' })
    expect(rowAt(s, 0)).toBeUndefined()
    expect(visibleCount(s)).toBe(0)
  })

  it('gives the rows between two positions, cut to what is up', () => {
    const s = threePages()
    expect(ids(rowsBetween(s, 6, 9))).toEqual([6, 7, 8].map((n) => person(n).id))
    expect(ids(rowsBetween(s, -3, 2))).toEqual([0, 1].map((n) => person(n).id))
    expect(ids(rowsBetween(s, 13, 40))).toEqual([13, 14].map((n) => person(n).id))
    expect(rowsBetween(s, 9, 9)).toEqual([])
  })

  it('asks for the next page exactly when the highlight is the lookahead away from the end', () => {
    const s = answer(initialContacts, people(0, 25), { nextCursor: 'c24', hasMore: true })
    expect(wantsNextPage(contactsReducer(s, { type: 'highlight', index: 14 }))).toBe(false)
    expect(wantsNextPage(contactsReducer(s, { type: 'highlight', index: 15 }))).toBe(true)
    expect(nextFetch(contactsReducer(s, { type: 'highlight', index: 15 }))).toEqual({ page: 1, cursor: 'c24' })
  })
})

describe('scrolling', () => {
  it('keeps the first row on screen while the highlight stays on screen', () => {
    expect(scrollTop(5, 7, 5, 20)).toBe(5)
    expect(scrollTop(5, 5, 5, 20)).toBe(5)
    expect(scrollTop(5, 9, 5, 20)).toBe(5)
  })

  it('scrolls up to a highlight above the screen', () => {
    expect(scrollTop(10, 3, 5, 20)).toBe(3)
  })

  it('scrolls down just far enough for a highlight below the screen', () => {
    expect(scrollTop(0, 5, 5, 20)).toBe(1)
    expect(scrollTop(0, 10, 5, 20)).toBe(6)
  })

  it('pulls the screen up when the list got shorter than it', () => {
    expect(scrollTop(18, 19, 5, 20)).toBe(15)
    expect(scrollTop(4, 1, 5, 3)).toBe(0)
  })

  it('leaves the state as it is when the screen keeps its height', () => {
    const s = threePages()
    expect(contactsReducer(s, { type: 'viewport', rows: s.viewRows })).toBe(s)
    const small = contactsReducer(s, { type: 'viewport', rows: 0 })
    expect(small.viewRows).toBe(1)
  })
})

describe('pages fetched', () => {
  it('keep the cursor they were fetched with, or the list next cursor when none was given', () => {
    const first = answer(initialContacts, people(0, 5), { nextCursor: 'c4', hasMore: true })
    expect(answer(first, people(5, 10)).pages[1]?.cursor).toBe('c4')
    expect(answer(first, people(5, 10), { cursor: 'other' }).pages[1]?.cursor).toBe('other')
  })

  it('leave out a contact added here meanwhile, and the first of two copies is kept', () => {
    let s = answer(initialContacts, people(0, 3), { nextCursor: 'c2', hasMore: true })
    s = contactsReducer(s, { type: 'contactAdded', person: person(99) })
    s = answer(s, [person(99), person(3), person(4, { fullName: 'First' }), person(4, { fullName: 'Second' })])
    expect(ids(heldRows(s))).toEqual([99, 0, 1, 2, 3, 4].map((n) => person(n).id))
    expect(heldRows(s).at(-1)?.name).toBe('First')
    expect(listLength(s)).toBe(6)
  })

  it('keep the highlight on its contact when a page before it changed its number of rows', () => {
    let s = contactsReducer(threePages(), { type: 'highlight', index: 12 })
    s = answer(
      s,
      [0, 1, 3, 4].map((n) => person(n)),
      { page: 0, nextCursor: 'c4', hasMore: true },
    )
    expect(s.highlighted).toBe(11)
    expect(rowAt(s, 11)?.id).toBe(person(12).id)
    // On the first row after the page that changed.
    s = contactsReducer(threePages(), { type: 'highlight', index: 10 })
    s = answer(
      s,
      [5, 6, 8, 9].map((n) => person(n)),
      { page: 1, cursor: 'c4', nextCursor: 'c9', hasMore: true },
    )
    expect(s.highlighted).toBe(9)
    expect(rowAt(s, 9)?.id).toBe(person(10).id)
  })

  it('keep the highlight where it is when the page that changed is after it', () => {
    let s = contactsReducer(threePages(), { type: 'highlight', index: 2 })
    s = answer(
      s,
      [5, 6, 8, 9].map((n) => person(n)),
      { page: 1, cursor: 'c4', nextCursor: 'c9', hasMore: true },
    )
    expect(s.highlighted).toBe(2)
    expect(listLength(s)).toBe(14)
  })

  it('keep the list place of the highlight while search results are up', () => {
    let s = contactsReducer(threePages(), { type: 'highlight', index: 12 })
    s = found(s, 'First', [person(1), person(2)])
    s = contactsReducer(s, { type: 'move', delta: 1 })
    s = answer(
      s,
      [0, 1, 3, 4].map((n) => person(n)),
      { page: 0, nextCursor: 'c4', hasMore: true },
    )
    expect(s.highlighted).toBe(1)
    expect(s.listHighlighted).toBe(11)
    expect(contactsReducer(s, { type: 'queryChanged', query: '' }).highlighted).toBe(11)
    // A page after the list place changes nothing of it; on the first row after the page it moves with it.
    let before = contactsReducer(threePages(), { type: 'highlight', index: 2 })
    before = found(before, 'First', [person(1)])
    before = answer(
      before,
      [5, 6, 8, 9].map((n) => person(n)),
      { page: 1, cursor: 'c4', nextCursor: 'c9', hasMore: true },
    )
    expect(before.listHighlighted).toBe(2)
    let at = contactsReducer(threePages(), { type: 'highlight', index: 10 })
    at = found(at, 'First', [person(1)])
    at = answer(
      at,
      [5, 6, 8, 9].map((n) => person(n)),
      { page: 1, cursor: 'c4', nextCursor: 'c9', hasMore: true },
    )
    expect(at.listHighlighted).toBe(9)
    expect(at.highlighted).toBe(0)
  })

  it('end the list at a page that now comes without more after it', () => {
    const s = answer(threePages(), [person(5), person(6)], { page: 1, cursor: 'c4' })
    expect(s.pages).toHaveLength(2)
    expect(listLength(s)).toBe(7)
    expect(s.hasMore).toBe(false)
    expect(s.nextCursor).toBeUndefined()
    expect(wantsNextPage(contactsReducer(s, { type: 'highlight', index: 6 }))).toBe(false)
  })
})

/** A list of `n` contacts paged in up to its end, and then the highlight on `index`, its pages fetched. */
function scrolled(n: number, index: number): ContactsState {
  const server = fakeServer(n)
  let s = serve(initialContacts, server)
  for (let press = 0; press < n / 50 + 2 && s.hasMore; press++) {
    s = serve(contactsReducer(s, { type: 'highlight', index: Number.MAX_SAFE_INTEGER }), server)
  }
  return serve(contactsReducer(s, { type: 'highlight', index }), server)
}

describe('the window with contacts added here', () => {
  it('is centred on the first page while an added contact is highlighted', () => {
    const s = contactsReducer(scrolled(600, 0), { type: 'contactAdded', person: person(999) })
    expect(s.highlighted).toBe(0)
    expect(rowAt(s, 1)?.id).toBe(person(0).id)
    expect(nextFetch(s)).toBeUndefined()
  })

  it('counts the added contacts before locating the highlighted row in the pages', () => {
    let s = contactsReducer(scrolled(600, 0), { type: 'contactAdded', person: person(999) })
    // Row 150 is the last one of the third page (contact 149).
    s = contactsReducer(s, { type: 'highlight', index: 150 })
    expect(rowAt(s, 150)?.id).toBe(person(149).id)
    expect(rowAt(s, 1)?.id).toBe(person(0).id)
    expect(nextFetch(s)).toEqual({ page: 3, cursor: 'c149' })
  })

  it('is centred on the page of the first row after the added ones, past a page that came back empty', () => {
    let s = answer(initialContacts, people(0, 5), { nextCursor: 'c4', hasMore: true })
    s = answer(s, people(5, 10), { nextCursor: 'c9', hasMore: true })
    s = answer(s, people(10, 15), { nextCursor: 'c14', hasMore: true })
    s = contactsReducer(s, { type: 'highlight', index: 7 })
    s = answer(s, people(15, 20))
    for (const n of [100, 101, 102, 103, 104]) s = contactsReducer(s, { type: 'contactAdded', person: person(n) })
    // The first page now holds only contacts added here: it comes back empty, and row 5 is contact 5 of the second.
    s = answer(s, people(100, 105), { page: 0, nextCursor: 'c4', hasMore: true })
    s = contactsReducer(s, { type: 'highlight', index: 5 })
    expect(s.pages[0]?.count).toBe(0)
    expect(rowAt(s, 5)?.id).toBe(person(5).id)
    expect(nextFetch(s)).toEqual({ page: 3, cursor: 'c14' })
  })

  it('stays on the last pages when the list place is past the end after a deletion', () => {
    let s = found(scrolled(300, 299), 'First', [person(1)])
    s = contactsReducer(s, { type: 'contactRemoved', id: person(299).id })
    expect(s.pages[3]?.rows).toBeDefined()
    expect(s.pages[5]?.rows).toHaveLength(49)
    s = contactsReducer(s, { type: 'queryChanged', query: '' })
    expect(s.highlighted).toBe(298)
    expect(rowAt(s, 298)?.id).toBe(person(298).id)
  })
})

describe('saving, adding and removing contacts', () => {
  it('updates a contact while pages let go of are in the list', () => {
    let s = scrolled(600, 400)
    expect(s.pages[0]?.rows).toBeUndefined()
    s = contactsReducer(s, { type: 'contactUpdated', person: person(400, { fullName: 'Renamed' }) })
    expect(rowAt(s, 400)?.name).toBe('Renamed')
    expect(listLength(s)).toBe(600)
  })

  it('leaves every row alone when the removed contact is not held', () => {
    let s = contactsReducer(threePages(), { type: 'contactAdded', person: person(99) })
    s = found(s, 'First', [person(1), person(2)])
    s = contactsReducer(s, { type: 'contactRemoved', id: 'contact9999' })
    expect(listLength(s)).toBe(16)
    expect(ids(heldRows(s))).toEqual([99, ...people(0, 15).map((_, i) => i)].map((n) => person(n).id))
    expect(ids(s.results ?? [])).toEqual([person(1).id, person(2).id])
  })

  it('adds each new contact once, on top of those added before', () => {
    let s = contactsReducer(threePages(), { type: 'contactAdded', person: person(98) })
    s = contactsReducer(s, { type: 'contactAdded', person: person(99) })
    expect(ids(s.added)).toEqual([person(99).id, person(98).id])
    s = contactsReducer(s, { type: 'contactAdded', person: person(98, { fullName: 'Again' }) })
    expect(ids(s.added)).toEqual([person(99).id, person(98).id])
    expect(s.added[1]?.name).toBe('Again')
    expect(listLength(s)).toBe(17)
  })

  it('updates in place a created contact found on any held page, with pages let go of in the list', () => {
    const s = contactsReducer(threePages(), { type: 'contactAdded', person: person(7, { fullName: 'Seven' }) })
    expect(s.added).toEqual([])
    expect(rowAt(s, 7)?.name).toBe('Seven')
    const far = contactsReducer(scrolled(600, 400), { type: 'contactAdded', person: person(401, { fullName: 'Kept' }) })
    expect(far.added).toEqual([])
    expect(rowAt(far, 401)?.name).toBe('Kept')
  })

  it('learns the stages of contacts saved and created here', () => {
    const stage = { stageId: 'stage_new', stageName: 'Brand new' }
    const saved = contactsReducer(threePages(), { type: 'contactUpdated', person: person(1, stage) })
    expect(saved.stages.map((option) => option.id)).toContain('stage_new')
    const created = contactsReducer(threePages(), { type: 'contactAdded', person: person(99, stage) })
    expect(created.stages.map((option) => option.id)).toContain('stage_new')
  })
})

describe('the search', () => {
  it('focuses and leaves the search box', () => {
    const focused = contactsReducer(initialContacts, { type: 'focusSearch', focused: true })
    expect(focused.searchFocused).toBe(true)
    expect(contactsReducer(focused, { type: 'focusSearch', focused: false }).searchFocused).toBe(false)
  })

  it('keeps the results up while the query is typed further', () => {
    let s = found(threePages(), 'Fir', [person(1), person(2)])
    s = contactsReducer(s, { type: 'searchStarted', query: 'First' })
    s = contactsReducer(s, { type: 'queryChanged', query: 'First' })
    expect(ids(s.results ?? [])).toEqual([person(1).id, person(2).id])
    s = contactsReducer(s, { type: 'searchStarted', query: 'First' })
    expect(s.searching).toBe(true)
    s = contactsReducer(s, { type: 'searchLoaded', query: 'First', people: [person(3)] })
    expect(s.searching).toBe(false)
    expect(s.resultsFor).toBe('First')
  })

  it('goes back to the list when the query is cleared to blanks, dropping the results', () => {
    let s = contactsReducer(threePages(), { type: 'highlight', index: 3 })
    s = found(s, 'First', [person(1), person(2)])
    s = contactsReducer(s, { type: 'searchStarted', query: 'First' })
    s = contactsReducer(s, { type: 'queryChanged', query: '  ' })
    expect(s.highlighted).toBe(3)
    expect(s.results).toBeUndefined()
    expect(s.resultsFor).toBeUndefined()
    expect(s.searching).toBe(false)
  })

  it('scrolls back to the list place, half a screen above it, when the query is cleared', () => {
    let s = contactsReducer(answer(initialContacts, people(0, 30)), { type: 'viewport', rows: 5 })
    s = contactsReducer(s, { type: 'highlight', index: 20 })
    expect(s.top).toBe(16)
    s = found(s, 'First', [person(1)])
    expect(s.top).toBe(0)
    s = contactsReducer(s, { type: 'queryChanged', query: '' })
    expect(s.highlighted).toBe(20)
    expect(s.top).toBe(18)
    // Near the top of the list, the screen starts at the first row.
    let near = contactsReducer(s, { type: 'highlight', index: 1 })
    near = found(near, 'First', [person(1)])
    expect(contactsReducer(near, { type: 'queryChanged', query: '' }).top).toBe(0)
  })

  it('starts the screen at the first row when blanks are typed in the list', () => {
    let s = contactsReducer(answer(initialContacts, people(0, 30)), { type: 'viewport', rows: 5 })
    s = found(contactsReducer(s, { type: 'highlight', index: 20 }), 'First', [person(1)])
    s = contactsReducer(contactsReducer(s, { type: 'queryChanged', query: '' }), { type: 'highlight', index: 2 })
    expect(s.top).toBe(2)
    expect(contactsReducer(s, { type: 'queryChanged', query: ' ' }).top).toBe(0)
  })

  it('follows the query without its surrounding blanks, and ignores answers to other queries', () => {
    let s = contactsReducer(threePages(), { type: 'queryChanged', query: 'First ' })
    expect(contactsReducer(s, { type: 'searchStarted', query: 'Firs' })).toBe(s)
    s = contactsReducer(s, { type: 'searchStarted', query: 'First' })
    expect(s.searching).toBe(true)
    expect(contactsReducer(s, { type: 'searchLoaded', query: 'Firs', people: [person(1)] })).toBe(s)
    expect(contactsReducer(s, { type: 'searchFailed', query: 'Firs', message: 'no' })).toBe(s)
    const loaded = contactsReducer(s, { type: 'searchLoaded', query: 'First', people: [person(1)] })
    expect(ids(loaded.results ?? [])).toEqual([person(1).id])
  })

  it('shows no results and the message when the search fails', () => {
    let s = contactsReducer(threePages(), { type: 'queryChanged', query: 'First ' })
    s = contactsReducer(s, { type: 'searchStarted', query: 'First' })
    s = contactsReducer(s, { type: 'searchFailed', query: 'First', message: 'timed out' })
    expect(s.searching).toBe(false)
    expect(s.searchError).toBe('timed out')
    expect(s.results).toEqual([])
    expect(s.resultsFor).toBe('First')
    expect(visibleCount(s)).toBe(0)
  })

  it('keeps the highlight and the screen on a search of the same text again, and starts over for a new query', () => {
    let s = contactsReducer(threePages(), { type: 'viewport', rows: 2 })
    s = found(s, 'First', people(0, 6))
    s = contactsReducer(s, { type: 'move', delta: 3 })
    expect(s.top).toBe(2)
    const again = contactsReducer(s, { type: 'searchLoaded', query: 'First', people: people(0, 6) })
    expect(again.highlighted).toBe(3)
    expect(again.top).toBe(2)
    // Typing further: the results before stay up until the new ones come, which start at their first row.
    s = contactsReducer(s, { type: 'queryChanged', query: 'First1' })
    s = contactsReducer(s, { type: 'move', delta: 3 })
    expect(s.highlighted).toBe(3)
    const fresh = contactsReducer(s, { type: 'searchLoaded', query: 'First1', people: people(10, 15) })
    expect(fresh.highlighted).toBe(0)
    expect(fresh.top).toBe(0)
  })

  it('keeps one of two copies of a contact in the results, the first', () => {
    const s = found(threePages(), 'First', [person(1, { fullName: 'One' }), person(1, { fullName: 'Two' })])
    expect(s.results?.map((row) => row.name)).toEqual(['One'])
  })
})

describe('reload and refresh', () => {
  it('a reload starts a new generation, not loaded, at the top', () => {
    const s = contactsReducer(contactsReducer(threePages(), { type: 'highlight', index: 9 }), { type: 'reload' })
    expect(s.generation).toBe(1)
    expect(s.loaded).toBe(false)
    expect(s.highlighted).toBe(0)
    expect(contactsReducer(s, { type: 'reload' }).generation).toBe(2)
  })

  it('a refresh starts a new generation and asks for the search again', () => {
    const s = contactsReducer(threePages(), { type: 'refresh' })
    expect(s.generation).toBe(1)
    expect(s.searchRevision).toBe(1)
    expect(contactsReducer(s, { type: 'refresh' }).searchRevision).toBe(2)
  })
})

describe('picking contacts', () => {
  it('picks nothing while the search results have not come', () => {
    const s = contactsReducer(threePages(), { type: 'queryChanged', query: 'First' })
    expect(contactsReducer(s, { type: 'toggleSelected' })).toBe(s)
    const shown = contactsReducer(s, { type: 'selectShown' })
    expect(shown.selected.size).toBe(0)
    expect(shown).toBe(s)
  })

  it('picks only the rows on screen whose page is held', () => {
    const server = fakeServer(1000)
    let s = serve(initialContacts, server)
    for (let press = 0; press < 30 && s.hasMore; press++) {
      s = serve(contactsReducer(s, { type: 'highlight', index: Number.MAX_SAFE_INTEGER }), server)
    }
    s = contactsReducer(s, { type: 'highlight', index: 510 })
    expect(rowAt(s, 510)).toBeUndefined()
    expect(contactsReducer(s, { type: 'selectShown' })).toBe(s)
  })

  it('leaves the state as it is when everything shown is picked already, or nothing is to clear', () => {
    const s = contactsReducer(contactsReducer(threePages(), { type: 'viewport', rows: 3 }), { type: 'selectShown' })
    expect(s.selected.size).toBe(3)
    expect(contactsReducer(s, { type: 'selectShown' })).toBe(s)
    const none = threePages()
    expect(contactsReducer(none, { type: 'clearSelection' })).toBe(none)
  })

  it('starts the selection from a bulk edit that went through', () => {
    let s = contactsReducer(threePages(), { type: 'toggleSelected' })
    const action = { kind: 'set', field: 'source', value: 'Fair' } as const
    s = contactsReducer(s, { type: 'bulkApplied', ids: [person(0).id], action })
    expect(s.selected.get(person(0).id)?.fields.source).toBe('Fair')
    // Contacts not picked: nothing changes.
    expect(contactsReducer(s, { type: 'bulkApplied', ids: [person(5).id], action })).toBe(s)
  })
})
