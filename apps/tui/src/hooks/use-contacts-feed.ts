import { type Dispatch, useEffect, useRef } from 'react'
import { loadPage, searchContacts } from '../services/contacts-service.js'
import { describeError } from '../services/describe-error.js'
import type { Session } from '../services/session.js'
import { type ContactsAction, type ContactsState, wantsNextPage } from '../state/contacts/list.js'

/** Quiet time after the last keystroke in the search box before asking the API. */
const SEARCH_DEBOUNCE_MS = 200

/**
 * Keeps the contacts state fed: loads the next page when the selection nears the end of what is
 * loaded, and runs the search (debounced, late answers dropped) as the query changes.
 */
export function useContactsFeed(
  session: Pick<Session, 'client' | 'signal'>,
  state: ContactsState,
  dispatch: Dispatch<ContactsAction>,
): void {
  const { client, signal } = session
  const pageInFlight = useRef<number | undefined>(undefined)
  const want = wantsNextPage(state)
  const cursor = state.nextCursor
  const generation = state.generation

  useEffect(() => {
    if (!want || pageInFlight.current === generation) return
    pageInFlight.current = generation
    dispatch({ type: 'pageRequested' })
    loadPage(client, cursor, signal)
      .then((page) => dispatch({ type: 'pageLoaded', generation, ...page }))
      .catch((error: unknown) => {
        if (!signal.aborted) dispatch({ type: 'pageFailed', generation, message: describeError(error).message })
      })
      .finally(() => {
        if (pageInFlight.current === generation) pageInFlight.current = undefined
      })
  }, [want, cursor, generation, client, signal, dispatch])

  const query = state.query.trim()
  useEffect(() => {
    if (query === '') return
    const controller = new AbortController()
    const timer = setTimeout(() => {
      dispatch({ type: 'searchStarted', query })
      searchContacts(client, query, AbortSignal.any([signal, controller.signal]))
        .then((people) => dispatch({ type: 'searchLoaded', query, people }))
        .catch((error: unknown) => {
          if (!controller.signal.aborted && !signal.aborted)
            dispatch({ type: 'searchFailed', query, message: describeError(error).message })
        })
    }, SEARCH_DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [query, client, signal, dispatch])
}
