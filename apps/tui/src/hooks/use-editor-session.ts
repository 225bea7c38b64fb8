import { contactField, type Person, toUpdateInput } from '@cc/schema'
import { useCallback, useEffect, useRef } from 'react'
import type { DraftStore, KeptDraft } from '../drafts/draft-store.js'
import { describeError } from '../services/describe-error.js'
import { type SaveOutcome, saveDraft } from '../services/save-draft.js'
import type { Session } from '../services/session.js'
import type { ContactRow } from '../state/contacts/rows.js'
import { type EditorAction, editorReducer } from '../state/editor/editor.js'
import { dirtyFields } from '../state/editor/selectors.js'
import { createEditor, type EditorState } from '../state/editor/state.js'
import { type FormValues, toForm } from '../state/form.js'
import type { View } from '../state/navigation.js'
import type { ToastMessage } from '../ui/components/StatusLine.js'
import { plural } from '../ui/labels.js'
import { useExternalEditor } from './use-external-editor.js'
import { useLiveReducer } from './use-live.js'

/** Where to go once the save that a "save and leave" asked for went through. */
export type AfterSave = 'exit' | 'list'

type Slot = EditorState | null
type SlotAction = EditorAction | { type: 'open'; editor: EditorState } | { type: 'close' }

function slotReducer(state: Slot, action: SlotAction): Slot {
  if (action.type === 'open') return action.editor
  if (action.type === 'close') return null
  return state ? editorReducer(state, action) : state
}

export interface EditorSessionOptions {
  session: Session
  drafts: DraftStore
  env: NodeJS.ProcessEnv
  showToast: (toast: ToastMessage) => void
  /** Moves between the screens of opening a contact: opening, restore, editor, back to the list. */
  setView: (view: View) => void
  /** A contact was saved: the list shows the server's copy. */
  onSaved: (person: Person) => void
  /** Leave the app. */
  finish: () => void
}

/** What a finished save says in the status line; a warning when someone else changed other fields meanwhile. */
export function savedMessage(outcome: Extract<SaveOutcome, { kind: 'saved' }>): ToastMessage {
  if (outcome.changed.length === 0) return { kind: 'success', text: 'Already up to date.' }
  const saved = `Saved ${plural(outcome.changed.length, 'field')}${outcome.requestId ? ` · request ${outcome.requestId}` : ''}`
  const meanwhile = outcome.changedMeanwhile ?? []
  if (meanwhile.length > 0) {
    const labels = meanwhile.map((name) => contactField(name).label).join(', ')
    return {
      kind: 'warning',
      text: `${saved} · meanwhile someone else changed ${labels}: shown now, check ${meanwhile.length === 1 ? 'it' : 'them'}`,
    }
  }
  if (outcome.unchecked) {
    return { kind: 'warning', text: `${saved} · could not read it back to check for changes made meanwhile` }
  }
  return { kind: 'success', text: saved }
}

/**
 * The open contact: opening it (from the server's copy, offering a kept draft back), its editor
 * state, the draft kept on disk while it has changes, saving it (review, conflict check, retry) and
 * handing its background to $EDITOR.
 */
export function useEditorSession({ session, drafts, env, showToast, setView, onSaved, finish }: EditorSessionOptions) {
  // Live state: a burst of keys is handled key by key, each seeing what the previous one did.
  const [editor, dispatch, editorRef] = useLiveReducer(slotReducer, null)
  const afterSave = useRef<AfterSave | undefined>(undefined)
  /** The contact being opened, so that it can be given up (Esc, Ctrl+C) and a late answer ignored. */
  const opening = useRef<AbortController | undefined>(undefined)
  const editInEditor = useExternalEditor(env, showToast)

  // Every change to a draft goes to the drafts file (debounced); a draft without changes is removed.
  const draftKey = editor && `${editor.contactId}`
  const draftBase = editor?.base
  const draftValues = editor?.values
  useEffect(() => {
    const current = editorRef.current
    if (!current || !draftKey) return
    if (dirtyFields(current).length > 0) {
      drafts.put({ contactId: current.contactId, title: current.title, base: current.base, values: current.values })
    } else {
      drafts.remove(current.contactId)
    }
  }, [draftKey, draftBase, draftValues, drafts])

  // Why the review did not open; an error also cancels a "save and leave".
  const flash = editor?.flash
  useEffect(() => {
    if (!flash) return
    showToast({ kind: flash.kind, text: flash.text })
    if (flash.kind === 'error') afterSave.current = undefined
  }, [flash, showToast])

  const open = useCallback(
    (id: string, title: string, base: FormValues, values?: FormValues) => {
      dispatch({ type: 'open', editor: createEditor({ contactId: id, title, base, ...(values ? { values } : {}) }) })
      setView({ name: 'editor' })
    },
    [dispatch, setView],
  )

  const close = useCallback(() => {
    dispatch({ type: 'close' })
    setView({ name: 'list' })
  }, [dispatch, setView])

  /** Open a contact of the list, always from the server's current copy (never the possibly stale row). */
  const openRow = useCallback(
    async (row: ContactRow) => {
      opening.current?.abort()
      const controller = new AbortController()
      opening.current = controller
      setView({ name: 'opening', title: row.name })
      try {
        const signal = AbortSignal.any([session.signal, controller.signal])
        const person = await session.client.people.get(row.id, { signal })
        if (controller.signal.aborted) return
        const draft = drafts.get(row.id)
        if (draft) setView({ name: 'restore', draft, person })
        else open(row.id, row.name, toForm(toUpdateInput(person)))
      } catch (error) {
        if (session.signal.aborted || controller.signal.aborted) return
        setView({ name: 'list' })
        showToast({ kind: 'error', text: `Could not open ${row.name}: ${describeError(error).message}` })
      } finally {
        if (opening.current === controller) opening.current = undefined
      }
    },
    [session, drafts, open, setView, showToast],
  )

  /** Give up opening a contact: the request ends, and its answer, should it still come, is ignored. */
  const cancelOpening = useCallback(() => {
    opening.current?.abort()
    opening.current = undefined
    setView({ name: 'list' })
  }, [setView])

  /** The answer to "restore the unsaved draft?". */
  const answerRestore = useCallback(
    (choice: 'restore' | 'discard' | 'cancel', { draft, person }: { draft: KeptDraft; person: Person }) => {
      if (choice === 'restore') {
        // This editor carries the draft on: its own draft replaces it on disk.
        drafts.adopt(draft)
        open(draft.contactId, draft.title, draft.base, draft.values)
      } else if (choice === 'discard') {
        drafts.discard(draft)
        drafts.flush()
        open(draft.contactId, draft.title, toForm(toUpdateInput(person)))
      } else setView({ name: 'list' })
    },
    [drafts, open, setView],
  )

  /** Open the review; when the reducer refuses, it says why in `flash`. Returns whether it opened. */
  const review = useCallback(() => {
    dispatch({ type: 'review' })
    return editorRef.current?.save.phase === 'review'
  }, [dispatch, editorRef])

  /** Review, and once saved go on to `after` (the quit guard's "save"). */
  const reviewThen = useCallback(
    (after: AfterSave) => {
      if (review()) afterSave.current = after
    },
    [review],
  )

  const save = useCallback(async () => {
    const current = editorRef.current
    if (!current) return
    dispatch({ type: 'saveStarted' })
    const outcome = await saveDraft(session.client, current.contactId, current.base, current.values, session.signal)
    switch (outcome.kind) {
      case 'saved': {
        dispatch({ type: 'saveSucceeded', values: outcome.values })
        drafts.remove(current.contactId)
        drafts.flush()
        if (outcome.person) onSaved(outcome.person)
        showToast(savedMessage(outcome))
        const after = afterSave.current
        afterSave.current = undefined
        if (after === 'exit') finish()
        else if (after === 'list') close()
        return
      }
      case 'conflict':
        dispatch({ type: 'conflictDetected', theirs: outcome.theirs, conflicts: outcome.conflicts })
        return
      case 'rejected':
        dispatch({ type: 'saveRejected', errors: outcome.errors })
        showToast({ kind: 'error', text: outcome.message })
        return
      case 'failed':
        dispatch({ type: 'saveFailed', message: outcome.message })
    }
  }, [editorRef, dispatch, session, drafts, onSaved, showToast, finish, close])

  /** The background in $EDITOR (focusing it first). */
  const editBackground = useCallback(async () => {
    const current = editorRef.current
    if (!current) return
    if (current.focus !== 'background') dispatch({ type: 'focus', field: 'background' })
    await editInEditor(current.values.background, contactField('background'), (text) =>
      dispatch({ type: 'edit', field: 'background', value: text, kind: 'replace' }),
    )
  }, [editorRef, dispatch, editInEditor])

  const hasUnsavedChanges = useCallback(() => {
    const current = editorRef.current
    return current !== null && dirtyFields(current).length > 0
  }, [editorRef])

  /** Throw the changes away (and their draft) and close the editor. */
  const discard = useCallback(() => {
    const current = editorRef.current
    if (current) {
      drafts.remove(current.contactId)
      drafts.flush()
    }
    // Close at once, so the autosave effect cannot put the draft back.
    close()
  }, [editorRef, drafts, close])

  return {
    editor,
    editorRef,
    dispatch: dispatch as (action: EditorAction) => void,
    openRow,
    cancelOpening,
    answerRestore,
    review,
    reviewThen,
    save,
    editBackground,
    hasUnsavedChanges,
    discard,
    close,
  }
}
