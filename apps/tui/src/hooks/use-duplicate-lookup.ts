import { type RefObject, useEffect } from 'react'
import { describeError } from '../services/describe-error.js'
import { followAbort } from '../services/follow-abort.js'
import { lookupContact } from '../services/lookup-contact.js'
import type { Session } from '../services/session.js'
import { type CreateAction, type LookupField, lookupValue, matchOf } from '../state/editor/create.js'
import type { EditorState } from '../state/editor/state.js'

/** Quiet time after the last keystroke before looking a value up. */
const LOOKUP_DEBOUNCE_MS = 300

function useLookup(
  session: Pick<Session, 'client' | 'signal'>,
  field: LookupField,
  value: string | undefined,
  editorRef: RefObject<EditorState | null>,
  dispatch: (action: CreateAction) => void,
): void {
  const { client, signal } = session
  useEffect(() => {
    if (value === undefined) return
    // Looked up already (restored state, or the value came back to one seen): nothing to ask.
    const known = editorRef.current?.create?.lookups[field]
    if (known?.value === value && known.status !== 'checking') return
    const controller = new AbortController()
    const letGo = followAbort(signal, controller)
    const timer = setTimeout(() => {
      dispatch({ type: 'lookupStarted', field, value })
      lookupContact(client, field, value, controller.signal)
        .then((person) => dispatch({ type: 'lookupFinished', field, value, match: person && matchOf(person) }))
        .catch((error: unknown) => {
          if (!controller.signal.aborted && !signal.aborted) {
            dispatch({ type: 'lookupFailed', field, value, message: describeError(error).message })
          }
        })
    }, LOOKUP_DEBOUNCE_MS)
    // A new value (or leaving the editor) drops the wait, and ends a lookup still out: its answer is stale.
    return () => {
      clearTimeout(timer)
      letGo()
      controller.abort()
    }
  }, [client, signal, field, value, editorRef, dispatch])
}

/**
 * While a new contact is edited, its email and its phone are looked up as each becomes valid (debounced, stale
 * lookups aborted, answers for a value no longer typed dropped by the reducer): the editor says under the field when
 * another contact has it, and the review says a save updates that contact. Typing never waits for it.
 */
export function useDuplicateLookup(
  session: Pick<Session, 'client' | 'signal'>,
  editor: EditorState | null,
  editorRef: RefObject<EditorState | null>,
  dispatch: (action: CreateAction) => void,
): void {
  useLookup(session, 'email', editor ? lookupValue(editor, 'email') : undefined, editorRef, dispatch)
  useLookup(session, 'phone', editor ? lookupValue(editor, 'phone') : undefined, editorRef, dispatch)
}
