import type { Person } from '@cc/schema'
import type { BulkAction } from '../../transfer/bulk-change.js'
import { evictOutside, type ListPage, locate, pageStart, pagesLength, windowOrder } from './pages.js'
import { type ContactRow, mergeStages, type StageOption, toRow } from './rows.js'
import {
  applyToSelected,
  deselect,
  noSelection,
  refreshAllSelected,
  refreshSelected,
  type Selection,
  selectAll,
  toggleSelected,
} from './selection.js'

/**
 * The contacts list: the pages reached so far (rows held only around the highlighted one, so that scrolling through
 * any number of contacts holds a bounded window of them), the search, the highlighted row and the selection.
 */
export interface ContactsState {
  /** Increases on reload (and refresh), so a page requested before it is dropped when it arrives. */
  generation: number
  /** Every page reached so far, in order: a cursor and a row count each, rows only in the window. */
  pages: ListPage[]
  /** Contacts created here, shown above the pages (a page fetched later leaves them out). */
  added: ContactRow[]
  /** The cursor of the page after the last one reached. */
  nextCursor?: string | undefined
  hasMore: boolean
  /** The page being fetched: an index into `pages` (fetched again), or `pages.length` (the next one). */
  fetching?: number | undefined
  error?: string | undefined
  /** The list was loaded at least once. */
  loaded: boolean
  /**
   * The highlighted row: a position in the list ("row N of M"), or in the search results while a query is typed.
   * (Not "selected": the selection for bulk edits is `selected`, by contact id.)
   */
  highlighted: number
  /** The list's highlighted row while search results are up, to go back to when the query is cleared. */
  listHighlighted: number
  /** The first row on screen, of `viewRows`. */
  top: number
  viewRows: number
  /** The search box text; empty means the full list. */
  query: string
  searchFocused: boolean
  /** Results for `resultsFor`; shown while `resultsFor` is the current query. */
  results?: ContactRow[] | undefined
  resultsFor?: string | undefined
  searching: boolean
  searchError?: string | undefined
  /** Increases when the same query should be searched again (the contacts changed under it). */
  searchRevision: number
  /** Contacts picked for a bulk edit, by id: they stay picked while the list pages, searches and reloads. */
  selected: Selection
  /** Every stage seen so far (the API has no endpoint that lists them): for the stage pickers. */
  stages: StageOption[]
}

export type ContactsAction =
  /** `page`: an index into `pages` to fetch again, or (left out) the next page. */
  | { type: 'pageRequested'; page?: number }
  | {
      type: 'pageLoaded'
      generation: number
      /** Left out: the next page. */
      page?: number
      /** The cursor it was fetched with (left out: the list's next cursor). */
      cursor?: string | undefined
      people: Person[]
      nextCursor?: string | null | undefined
      hasMore: boolean
    }
  | { type: 'pageFailed'; generation: number; message: string }
  | { type: 'highlight'; index: number }
  | { type: 'move'; delta: number }
  /** The screen shows this many rows of the list. */
  | { type: 'viewport'; rows: number }
  | { type: 'focusSearch'; focused: boolean }
  | { type: 'queryChanged'; query: string }
  | { type: 'searchStarted'; query: string }
  | { type: 'searchLoaded'; query: string; people: Person[] }
  | { type: 'searchFailed'; query: string; message: string }
  | { type: 'contactUpdated'; person: Person }
  /** Created (or updated by a create): shown at the top of the list, highlighted, unless the row is there already. */
  | { type: 'contactAdded'; person: Person }
  /** Deleted, or found gone: it leaves the list, the results and the selection at once. */
  | { type: 'contactRemoved'; id: string }
  | { type: 'reload' }
  /** Many contacts changed on the server (a bulk edit, an import): what is held is fetched again, in place. */
  | { type: 'refresh' }
  /** Picks the highlighted contact (or lets it go), then moves down. */
  | { type: 'toggleSelected' }
  /** Picks every contact shown: the search results, or the rows on screen. */
  | { type: 'selectShown' }
  | { type: 'clearSelection' }
  /** A bulk edit went through for these selected contacts: the selection starts from its result. */
  | { type: 'bulkApplied'; ids: readonly string[]; action: BulkAction }

const DEFAULT_VIEW_ROWS = 17

export const initialContacts: ContactsState = {
  generation: 0,
  pages: [],
  added: [],
  hasMore: true,
  loaded: false,
  highlighted: 0,
  listHighlighted: 0,
  top: 0,
  viewRows: DEFAULT_VIEW_ROWS,
  query: '',
  searchFocused: false,
  searching: false,
  searchRevision: 0,
  selected: noSelection,
  stages: [],
}

/** The list as it starts when its first page came with the connection. */
export function withFirstPage(page: { people: Person[]; nextCursor?: string | null; hasMore: boolean }): ContactsState {
  return contactsReducer(contactsReducer(initialContacts, { type: 'pageRequested' }), {
    type: 'pageLoaded',
    generation: initialContacts.generation,
    ...page,
  })
}

/** Search results are up (rather than the list): a query is typed. */
export const isSearching = (state: ContactsState): boolean => state.query.trim() !== ''

/** A page is being fetched. */
export const isLoading = (state: ContactsState): boolean => state.fetching !== undefined

/** Rows of the list as far as it is known: every page reached, held or not, and the contacts added here. */
export const listLength = (state: ContactsState): number => state.added.length + pagesLength(state.pages)

/** How many rows are up: the search results, or the list as far as it is known. */
export function visibleCount(state: ContactsState): number {
  return isSearching(state) ? (state.results?.length ?? 0) : listLength(state)
}

/** The list's row at `index`, when its page is held (`undefined`: not loaded, or let go of). */
function listRowAt(state: ContactsState, index: number): ContactRow | undefined {
  if (index < state.added.length) return state.added[index]
  const at = locate(state.pages, index - state.added.length)
  return at && (state.pages[at.page] as ListPage).rows?.[at.offset]
}

/** The row up at `index`: a search result, or a row of the list while its page is held. */
export function rowAt(state: ContactsState, index: number): ContactRow | undefined {
  return isSearching(state) ? state.results?.[index] : listRowAt(state, index)
}

/** Rows `from` (inclusive) to `to` (exclusive) of what is up; a row whose page is not held is `undefined`. */
export function rowsBetween(state: ContactsState, from: number, to: number): Array<ContactRow | undefined> {
  const end = Math.min(to, visibleCount(state))
  const rows: Array<ContactRow | undefined> = []
  for (let index = Math.max(0, from); index < end; index++) rows.push(rowAt(state, index))
  return rows
}

/** The rows the list holds now, in order: the contacts added here, then the held pages. */
export function heldRows(state: ContactsState): ContactRow[] {
  return [...state.added, ...state.pages.flatMap((page) => page.rows ?? [])]
}

/** The first row on screen: it moves only as far as the highlighted row needs to stay on screen. */
export function scrollTop(top: number, highlighted: number, rows: number, count: number): number {
  let next = Math.min(top, Math.max(0, count - rows))
  next = Math.min(next, highlighted)
  if (highlighted >= next + rows) next = highlighted - rows + 1
  return Math.max(0, next)
}

const clampIndex = (index: number, length: number) => Math.max(0, Math.min(Math.max(0, length - 1), index))

/** The page the list's window is centred on: the one of the list's highlighted row. */
function centerPage(state: ContactsState): number {
  const index = isSearching(state) ? state.listHighlighted : state.highlighted
  if (index < state.added.length) return 0
  return locate(state.pages, index - state.added.length)?.page ?? Math.max(0, state.pages.length - 1)
}

/**
 * What the list should fetch now, if anything: a page of the window around the highlighted row that is not held
 * (or is stale), nearest first; else the next page, when the highlighted row nears the end of what is known.
 * One fetch at a time; nothing while search results are up or after a failure (until a reload).
 */
export function nextFetch(
  state: ContactsState,
  lookahead = 10,
): { page: number; cursor?: string | undefined } | undefined {
  if (state.fetching !== undefined || state.error || isSearching(state)) return undefined
  for (const page of windowOrder(centerPage(state), state.pages.length)) {
    const current = state.pages[page] as ListPage
    if (current.rows === undefined || current.stale) return { page, cursor: current.cursor }
  }
  if (!state.hasMore) return undefined
  if (state.loaded && state.highlighted < listLength(state) - lookahead) return undefined
  return { page: state.pages.length, cursor: state.nextCursor }
}

/** Whether the list should fetch its next page: the highlighted row is near the end and there is more. */
export function wantsNextPage(state: ContactsState, lookahead = 10): boolean {
  return nextFetch(state, lookahead)?.page === state.pages.length
}

/**
 * After anything that moves the highlight or changes the rows: the highlight in range, the screen scrolled to it,
 * and the rows of pages outside the window let go of.
 */
function settle(state: ContactsState): ContactsState {
  const count = visibleCount(state)
  const highlighted = clampIndex(state.highlighted, count)
  const top = scrollTop(state.top, highlighted, state.viewRows, count)
  const next = { ...state, highlighted, top }
  next.pages = evictOutside(next.pages, centerPage(next))
  return next
}

function dedupe(rows: ContactRow[]): ContactRow[] {
  const byId = new Map<string, ContactRow>()
  for (const row of rows) if (!byId.has(row.id)) byId.set(row.id, row)
  return [...byId.values()]
}

/** Ids held anywhere but on page `except`: a page fetched later must not show a contact twice. */
function idsHeldElsewhere(state: ContactsState, except: number): Set<string> {
  const ids = new Set(state.added.map((row) => row.id))
  state.pages.forEach((page, index) => {
    if (index !== except)
      page.rows?.forEach((row) => {
        ids.add(row.id)
      })
  })
  return ids
}

/** A page arrived: held (or let go of at once if the highlight moved away meanwhile), positions after it kept right. */
function pageLoaded(state: ContactsState, action: Extract<ContactsAction, { type: 'pageLoaded' }>): ContactsState {
  if (action.generation !== state.generation) return state
  const index = Math.min(action.page ?? state.pages.length, state.pages.length)
  const elsewhere = idsHeldElsewhere(state, index)
  const rows = dedupe(action.people.map(toRow)).filter((row) => !elsewhere.has(row.id))
  const nextCursor = action.nextCursor ?? undefined
  const more = action.hasMore && Boolean(nextCursor)
  let pages = [...state.pages]
  let highlighted = state.highlighted
  let listHighlighted = state.listHighlighted
  if (index === pages.length) {
    pages.push({ cursor: action.cursor ?? state.nextCursor, count: rows.length, rows })
  } else {
    const before = pages[index] as ListPage
    pages[index] = { cursor: before.cursor, count: rows.length, rows }
    // Contacts deleted or created in this page since it was last fetched: the rows after it keep their contact.
    const delta = rows.length - before.count
    const end = state.added.length + pageStart(state.pages, index) + before.count
    if (isSearching(state)) {
      if (listHighlighted >= end) listHighlighted += delta
    } else if (highlighted >= end) highlighted += delta
  }
  let nextListCursor = state.nextCursor
  let hasMore = state.hasMore
  if (index === pages.length - 1) {
    nextListCursor = nextCursor
    hasMore = more
  } else if (!more) {
    // Everything after this page is gone.
    pages = pages.slice(0, index + 1)
    nextListCursor = undefined
    hasMore = false
  } else if ((pages[index + 1] as ListPage).cursor !== nextCursor) {
    // The page ends elsewhere now: the next page starts where this one ends, and is fetched again.
    pages[index + 1] = { cursor: nextCursor, count: (pages[index + 1] as ListPage).count }
  }
  return settle({
    ...state,
    pages,
    nextCursor: nextListCursor,
    hasMore,
    fetching: undefined,
    loaded: true,
    highlighted,
    listHighlighted,
    selected: refreshAllSelected(state.selected, rows),
    stages: mergeStages(state.stages, rows),
  })
}

/** `rows` with the row of `id` replaced (or removed, for `undefined`); the same array when it is not there. */
function replaceRow(rows: ContactRow[], id: string, row: ContactRow | undefined): ContactRow[] {
  const at = rows.findIndex((r) => r.id === id)
  if (at === -1) return rows
  const next = [...rows]
  if (row) next[at] = row
  else next.splice(at, 1)
  return next
}

/** Every held copy of contact `id` replaced by `row`, or removed (`undefined`): pages keep their counts right. */
function everywhere(state: ContactsState, id: string, row: ContactRow | undefined): ContactsState {
  const pages = state.pages.map((page) => {
    if (!page.rows) return page
    const rows = replaceRow(page.rows, id, row)
    return rows === page.rows ? page : { ...page, rows, count: rows.length }
  })
  return {
    ...state,
    added: replaceRow(state.added, id, row),
    pages,
    results: state.results && replaceRow(state.results, id, row),
  }
}

const isHeld = (state: ContactsState, id: string) =>
  state.added.some((row) => row.id === id) || state.pages.some((page) => page.rows?.some((row) => row.id === id))

export function contactsReducer(state: ContactsState, action: ContactsAction): ContactsState {
  switch (action.type) {
    case 'pageRequested':
      return { ...state, fetching: action.page ?? state.pages.length, error: undefined }
    case 'pageLoaded':
      return pageLoaded(state, action)
    case 'pageFailed':
      if (action.generation !== state.generation) return state
      return { ...state, fetching: undefined, error: action.message }
    case 'highlight':
      return settle({ ...state, highlighted: action.index })
    case 'move':
      return settle({ ...state, highlighted: state.highlighted + action.delta })
    case 'viewport':
      return action.rows === state.viewRows ? state : settle({ ...state, viewRows: Math.max(1, action.rows) })
    case 'focusSearch':
      return { ...state, searchFocused: action.focused }
    case 'queryChanged': {
      const query = action.query
      const was = isSearching(state)
      const cleared = query.trim() === ''
      // Into the results from the list: its place is kept; back to the list: it is where it was.
      const highlighted = cleared ? (was ? state.listHighlighted : state.highlighted) : 0
      return settle({
        ...state,
        query,
        highlighted,
        listHighlighted: was ? state.listHighlighted : state.highlighted,
        top: cleared && was ? Math.max(0, state.listHighlighted - Math.floor(state.viewRows / 2)) : 0,
        searchError: undefined,
        ...(cleared ? { results: undefined, resultsFor: undefined, searching: false } : {}),
      })
    }
    case 'searchStarted':
      return action.query === state.query.trim() ? { ...state, searching: true, searchError: undefined } : state
    case 'searchLoaded': {
      // A late answer to an older query is dropped.
      if (action.query !== state.query.trim()) return state
      const results = dedupe(action.people.map(toRow))
      // A search again of the same text (the contacts changed) keeps the highlight where it was.
      const again = state.resultsFor === action.query
      return settle({
        ...state,
        results,
        resultsFor: action.query,
        searching: false,
        highlighted: again ? state.highlighted : 0,
        top: again ? state.top : 0,
        selected: refreshAllSelected(state.selected, results),
        stages: mergeStages(state.stages, results),
      })
    }
    case 'searchFailed':
      if (action.query !== state.query.trim()) return state
      return settle({ ...state, searching: false, searchError: action.message, results: [], resultsFor: action.query })
    case 'reload':
      return settle({
        ...state,
        generation: state.generation + 1,
        pages: [],
        added: [],
        nextCursor: undefined,
        hasMore: true,
        fetching: undefined,
        loaded: false,
        error: undefined,
        highlighted: isSearching(state) ? state.highlighted : 0,
        listHighlighted: 0,
        top: isSearching(state) ? state.top : 0,
      })
    case 'refresh':
      return {
        ...state,
        // An answer already under way may predate the change.
        generation: state.generation + 1,
        fetching: undefined,
        error: undefined,
        // Pages let go of are fetched again anyway when reached (the last one too: an import adds contacts there).
        pages: state.pages.map((page) => (page.rows ? { ...page, stale: true } : page)),
        searchRevision: state.searchRevision + 1,
      }
    case 'contactUpdated': {
      const row = toRow(action.person)
      const next = everywhere(state, row.id, row)
      return { ...next, selected: refreshSelected(state.selected, row), stages: mergeStages(state.stages, [row]) }
    }
    case 'contactAdded': {
      const row = toRow(action.person)
      if (isHeld(state, row.id)) return contactsReducer(state, { type: 'contactUpdated', person: action.person })
      // The full list shows it highlighted; search results stay what the query found.
      const searching = isSearching(state)
      return settle({
        ...state,
        added: [row, ...state.added],
        highlighted: searching ? state.highlighted : 0,
        listHighlighted: searching ? 0 : state.listHighlighted,
        top: searching ? state.top : 0,
        selected: refreshSelected(state.selected, row),
        stages: mergeStages(state.stages, [row]),
      })
    }
    case 'contactRemoved': {
      const next = everywhere(state, action.id, undefined)
      return settle({ ...next, selected: deselect(state.selected, action.id) })
    }
    case 'toggleSelected': {
      const row = rowAt(state, state.highlighted)
      if (!row) return state
      return settle({ ...state, selected: toggleSelected(state.selected, row), highlighted: state.highlighted + 1 })
    }
    case 'selectShown': {
      const shown = isSearching(state)
        ? (state.results ?? [])
        : rowsBetween(state, state.top, state.top + state.viewRows).filter((row) => row !== undefined)
      const selected = selectAll(state.selected, shown)
      return selected === state.selected ? state : { ...state, selected }
    }
    case 'bulkApplied': {
      const selected = applyToSelected(state.selected, action.ids, action.action)
      return selected === state.selected ? state : { ...state, selected }
    }
    case 'clearSelection':
      return state.selected.size === 0 ? state : { ...state, selected: noSelection }
  }
}
