import { type Dispatch, useEffect } from 'react'
import { loadPage, searchContacts } from '../services/contacts-service.js'
import { describeError } from '../services/describe-error.js'
import { followAbort } from '../services/follow-abort.js'
import type { Session } from '../services/session.js'
import { type ContactsAction, type ContactsState, nextFetch } from '../state/contacts/list.js'

/** Quiet time after the last keystroke in the search box before asking the API. */
const SEARCH_DEBOUNCE_MS = 200

/**
 * Keeps the contacts state fed: fetches the page the list asks for (one at a time: a page of the window around the
 * highlighted row that is not held, or the next page as the highlight nears the end), and runs the search
 * (debounced, late answers dropped) as the query changes.
 */
export function useContactsFeed(
  session: Pick<Session, 'client' | 'signal'>,
  state: ContactsState,
  dispatch: Dispatch<ContactsAction>,
): void {
  const { client, signal } = session
  const fetch = nextFetch(state)
  const page = fetch?.page
  const cursor = fetch?.cursor
  const generation = state.generation

  useEffect(() => {
    if (page === undefined) return
    // Marks the fetch in the state: the list asks for nothing else until it is answered.
    dispatch({ type: 'pageRequested', page })
    loadPage(client, cursor, signal)
      .then((loaded) => dispatch({ type: 'pageLoaded', generation, page, cursor, ...loaded }))
      .catch((error: unknown) => {
        if (!signal.aborted) dispatch({ type: 'pageFailed', generation, message: describeError(error).message })
      })
  }, [page, cursor, generation, client, signal, dispatch])

  const query = state.query.trim()
  const revision = state.searchRevision
  useEffect(() => {
    if (query === '') return
    const controller = new AbortController()
    const letGo = followAbort(signal, controller)
    const timer = setTimeout(() => {
      dispatch({ type: 'searchStarted', query })
      searchContacts(client, query, controller.signal)
        .then((people) => dispatch({ type: 'searchLoaded', query, people }))
        .catch((error: unknown) => {
          if (!controller.signal.aborted)
            dispatch({ type: 'searchFailed', query, message: describeError(error).message })
        })
    }, SEARCH_DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      letGo()
      controller.abort()
    }
  }, [query, revision, client, signal, dispatch])
}
