import type { Person } from '@cc/schema'
import { type ContactRow, toRow } from './rows.js'

/** The contacts list: the pages loaded so far, the search, and the highlighted row. */
export interface ContactsState {
  /** Increases on reload, so a page requested before it is dropped when it arrives. */
  generation: number
  rows: ContactRow[]
  nextCursor?: string
  hasMore: boolean
  loading: boolean
  error?: string
  /** The list was loaded at least once. */
  loaded: boolean
  /**
   * The highlighted row, an index into `visibleRows`. (Not "selected": a multi-select for bulk
   * actions would sit beside it as a set of contact ids, which survives paging and searching.)
   */
  highlighted: number
  /** The search box text; empty means the full list. */
  query: string
  searchFocused: boolean
  /** Results for `resultsFor`; shown while `resultsFor` is the current query. */
  results?: ContactRow[]
  resultsFor?: string
  searching: boolean
  searchError?: string
}

export type ContactsAction =
  | { type: 'pageRequested' }
  | { type: 'pageLoaded'; generation: number; people: Person[]; nextCursor?: string | null; hasMore: boolean }
  | { type: 'pageFailed'; generation: number; message: string }
  | { type: 'highlight'; index: number }
  | { type: 'move'; delta: number }
  | { type: 'focusSearch'; focused: boolean }
  | { type: 'queryChanged'; query: string }
  | { type: 'searchStarted'; query: string }
  | { type: 'searchLoaded'; query: string; people: Person[] }
  | { type: 'searchFailed'; query: string; message: string }
  | { type: 'contactUpdated'; person: Person }
  /** Created (or updated by a create): shown at the top of the list, highlighted, unless the row is there already. */
  | { type: 'contactAdded'; person: Person }
  /** Deleted, or found gone: it leaves the list and the results at once. */
  | { type: 'contactRemoved'; id: string }
  | { type: 'reload' }

export const initialContacts: ContactsState = {
  generation: 0,
  rows: [],
  hasMore: true,
  loading: false,
  loaded: false,
  highlighted: 0,
  query: '',
  searchFocused: false,
  searching: false,
}

/** The list as it starts when its first page came with the connection. */
export function withFirstPage(page: { people: Person[]; nextCursor?: string | null; hasMore: boolean }): ContactsState {
  return contactsReducer(contactsReducer(initialContacts, { type: 'pageRequested' }), {
    type: 'pageLoaded',
    generation: initialContacts.generation,
    ...page,
  })
}

/** The rows on screen: search results while a query is typed, otherwise the paged list. */
export function visibleRows(state: ContactsState): ContactRow[] {
  if (state.query.trim() === '') return state.rows
  // Until the answer for a new query arrives, the previous results stay up (no flicker).
  return state.results ?? []
}

const clampIndex = (index: number, length: number) => Math.max(0, Math.min(Math.max(0, length - 1), index))

/** Whether the list should fetch its next page: the selection is near the end and there is more. */
export function wantsNextPage(state: ContactsState, lookahead = 10): boolean {
  if (state.query.trim() !== '' || state.loading || !state.hasMore || state.error) return false
  return !state.loaded || state.highlighted >= state.rows.length - lookahead
}

function dedupe(rows: ContactRow[]): ContactRow[] {
  const byId = new Map<string, ContactRow>()
  for (const row of rows) if (!byId.has(row.id)) byId.set(row.id, row)
  return [...byId.values()]
}

export function contactsReducer(state: ContactsState, action: ContactsAction): ContactsState {
  switch (action.type) {
    case 'pageRequested':
      return { ...state, loading: true, error: undefined }
    case 'pageLoaded': {
      if (action.generation !== state.generation) return state
      const rows = dedupe([...state.rows, ...action.people.map(toRow)])
      return {
        ...state,
        rows,
        nextCursor: action.nextCursor ?? undefined,
        hasMore: action.hasMore && Boolean(action.nextCursor),
        loading: false,
        loaded: true,
        highlighted: clampIndex(state.highlighted, rows.length),
      }
    }
    case 'pageFailed':
      if (action.generation !== state.generation) return state
      return { ...state, loading: false, error: action.message }
    case 'highlight':
      return { ...state, highlighted: clampIndex(action.index, visibleRows(state).length) }
    case 'move':
      return { ...state, highlighted: clampIndex(state.highlighted + action.delta, visibleRows(state).length) }
    case 'focusSearch':
      return { ...state, searchFocused: action.focused }
    case 'queryChanged': {
      const query = action.query
      const cleared = query.trim() === ''
      return {
        ...state,
        query,
        highlighted: 0,
        searchError: undefined,
        ...(cleared ? { results: undefined, resultsFor: undefined, searching: false } : {}),
      }
    }
    case 'searchStarted':
      return action.query === state.query.trim() ? { ...state, searching: true, searchError: undefined } : state
    case 'searchLoaded':
      // A late answer to an older query is dropped.
      if (action.query !== state.query.trim()) return state
      return {
        ...state,
        results: dedupe(action.people.map(toRow)),
        resultsFor: action.query,
        searching: false,
        highlighted: 0,
      }
    case 'searchFailed':
      if (action.query !== state.query.trim()) return state
      return { ...state, searching: false, searchError: action.message, results: [], resultsFor: action.query }
    case 'reload':
      return {
        ...state,
        generation: state.generation + 1,
        rows: [],
        nextCursor: undefined,
        hasMore: true,
        loading: false,
        loaded: false,
        error: undefined,
        highlighted: 0,
      }
    case 'contactUpdated': {
      const row = toRow(action.person)
      const replace = (rows: ContactRow[]) => rows.map((r) => (r.id === row.id ? row : r))
      return { ...state, rows: replace(state.rows), results: state.results && replace(state.results) }
    }
    case 'contactAdded': {
      const row = toRow(action.person)
      if (state.rows.some((r) => r.id === row.id))
        return contactsReducer(state, { type: 'contactUpdated', person: action.person })
      const rows = [row, ...state.rows]
      // The full list shows it highlighted; search results stay what the query found.
      const searching = state.query.trim() !== ''
      return { ...state, rows, highlighted: searching ? state.highlighted : 0 }
    }
    case 'contactRemoved': {
      const keep = (rows: ContactRow[]) => rows.filter((r) => r.id !== action.id)
      const next = { ...state, rows: keep(state.rows), results: state.results && keep(state.results) }
      return { ...next, highlighted: clampIndex(state.highlighted, visibleRows(next).length) }
    }
  }
}
