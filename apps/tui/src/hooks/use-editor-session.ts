import { randomBytes, randomUUID } from 'node:crypto'
import { type CreateContactInput, contactField, type Person, toUpdateInput } from '@cc/schema'
import { useCallback, useEffect, useRef } from 'react'
import { type DraftStore, isNewContactId, type KeptDraft } from '../drafts/draft-store.js'
import { type CreateOutcome, createContact } from '../services/create-contact.js'
import { describeError } from '../services/describe-error.js'
import { followAbort } from '../services/follow-abort.js'
import { type SaveOutcome, saveDraft } from '../services/save-draft.js'
import type { Session } from '../services/session.js'
import { createBody, matchesFound } from '../state/editor/create.js'
import { type EditorAction, editorReducer } from '../state/editor/editor.js'
import { dirtyFields, editorTitle, hasUnsavedWork, needsDraft } from '../state/editor/selectors.js'
import { createEditor, type EditorState } from '../state/editor/state.js'
import { emptyForm, type FormValues, toForm } from '../state/form.js'
import type { View } from '../state/navigation.js'
import type { ToastMessage } from '../ui/components/StatusLine.js'
import { plural } from '../ui/labels.js'
import { useDuplicateLookup } from './use-duplicate-lookup.js'
import { useExternalEditor } from './use-external-editor.js'
import { useLiveReducer } from './use-live.js'

/** Where to go once the save that a "save and leave" asked for went through. */
export type AfterSave = 'exit' | 'back'

/** A contact to open: its id and the name the list shows. */
export interface ContactRef {
  id: string
  name: string
}

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
  /** A new contact was created (or the one with its email updated): the list shows it. */
  onAdded: (person: Person) => void
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

/** What a finished create says: created, or (the API upserts by email) updated the contact that had the email. */
export function createdMessage(outcome: Extract<CreateOutcome, { kind: 'created' }>, name: string): ToastMessage {
  // The request id before the rest: a toast is cut at the terminal's width.
  const request = outcome.requestId ? ` · request ${outcome.requestId}` : ''
  return outcome.created
    ? { kind: 'success', text: `Created ${name}${request}` }
    : { kind: 'success', text: `Updated ${name}${request} · the contact that already had this email` }
}

/** A new contact's draft and key: minted here, once, and kept in the draft from its first change. */
function newContactEditor(): EditorState {
  return createEditor({
    contactId: `new-${randomBytes(6).toString('hex')}`,
    title: 'New contact',
    base: emptyForm(),
    create: { idempotencyKey: `cc-tui-${randomUUID()}` },
  })
}

/**
 * The open contact: opening it (from the server's copy, offering a kept draft back), a new contact, its editor
 * state, the draft kept on disk while it has changes, saving it (review, conflict check, retry; for a new contact
 * an idempotent create first) and handing its background to $EDITOR.
 */
export function useEditorSession({
  session,
  drafts,
  env,
  showToast,
  setView,
  onSaved,
  onAdded,
  finish,
}: EditorSessionOptions) {
  // Live state: a burst of keys is handled key by key, each seeing what the previous one did.
  const [editor, dispatch, editorRef] = useLiveReducer(slotReducer, null)
  const afterSave = useRef<AfterSave | undefined>(undefined)
  /** The contact being opened, so that it can be given up (Esc, Ctrl+C) and a late answer ignored. */
  const opening = useRef<AbortController | undefined>(undefined)
  const editInEditor = useExternalEditor(env, showToast)

  useDuplicateLookup(session, editor, editorRef, dispatch)

  /** Keep the draft of `state` (a new contact's with its key, and the body of a create whose answer is unknown). */
  const keepDraft = useCallback(
    (state: EditorState) => {
      const create = state.create
      drafts.put({
        contactId: state.contactId,
        title: editorTitle(state),
        base: state.base,
        values: state.values,
        ...(create
          ? {
              create: {
                idempotencyKey: create.idempotencyKey,
                ...(create.inFlight ? { inFlight: create.inFlight } : {}),
              },
            }
          : {}),
      })
    },
    [drafts],
  )

  // Every change to a draft goes to the drafts file (debounced); a draft without changes is removed.
  const draftKey = editor && `${editor.contactId}`
  const draftBase = editor?.base
  const draftValues = editor?.values
  const draftInFlight = editor?.create?.inFlight
  useEffect(() => {
    const current = editorRef.current
    if (!current || !draftKey) return
    if (needsDraft(current)) keepDraft(current)
    else drafts.remove(current.contactId)
  }, [draftKey, draftBase, draftValues, draftInFlight, drafts, keepDraft])

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

  const openEditor = useCallback(
    (state: EditorState) => {
      dispatch({ type: 'open', editor: state })
      setView({ name: 'editor' })
    },
    [dispatch, setView],
  )

  /**
   * A new contact: an empty form, or first the offer of a kept new-contact draft (the newest), so that one left by a
   * crash is finished rather than started over.
   */
  const openNew = useCallback(() => {
    const kept = drafts.list().filter((draft) => draft.create && isNewContactId(draft.contactId))[0]
    if (kept) setView({ name: 'restore', draft: kept, back: 'list' })
    else openEditor(newContactEditor())
  }, [drafts, openEditor, setView])

  const close = useCallback(() => {
    dispatch({ type: 'close' })
    setView({ name: 'list' })
  }, [dispatch, setView])

  /** Open a contact of the list, always from the server's current copy (never the possibly stale row). */
  const openRow = useCallback(
    async (row: ContactRef) => {
      opening.current?.abort()
      const controller = new AbortController()
      opening.current = controller
      setView({ name: 'opening', title: row.name })
      const letGo = followAbort(session.signal, controller)
      try {
        const person = await session.client.people.get(row.id, { signal: controller.signal })
        if (controller.signal.aborted) return
        const draft = drafts.get(row.id)
        if (draft) setView({ name: 'restore', draft, person, back: 'list' })
        else open(row.id, row.name, toForm(toUpdateInput(person)))
      } catch (error) {
        if (session.signal.aborted || controller.signal.aborted) return
        setView({ name: 'list' })
        showToast({ kind: 'error', text: `Could not open ${row.name}: ${describeError(error).message}` })
      } finally {
        letGo()
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

  /** The answer to "restore the unsaved draft?" (of a contact, or of a new contact when there is no `person`). */
  const answerRestore = useCallback(
    (
      choice: 'restore' | 'discard' | 'cancel',
      { draft, person }: { draft: KeptDraft; person?: Person | undefined },
    ) => {
      if (choice === 'restore') {
        // This editor carries the draft on: its own draft replaces it on disk.
        drafts.adopt(draft)
        if (draft.create) {
          const inFlight = draft.create.inFlight as CreateContactInput | undefined
          openEditor(
            createEditor({
              contactId: draft.contactId,
              title: 'New contact',
              base: draft.base,
              values: draft.values,
              create: { idempotencyKey: draft.create.idempotencyKey, inFlight },
            }),
          )
        } else open(draft.contactId, draft.title, draft.base, draft.values)
      } else if (choice === 'discard') {
        drafts.discard(draft)
        drafts.flush()
        if (person) open(draft.contactId, draft.title, toForm(toUpdateInput(person)))
        else openEditor(newContactEditor())
      } else setView({ name: 'list' })
    },
    [drafts, open, openEditor, setView],
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

  /** Where a "save and leave" goes once the save went through. */
  const leaveAfterSave = useCallback(() => {
    const after = afterSave.current
    afterSave.current = undefined
    if (after === 'exit') finish()
    else if (after === 'back') close()
  }, [finish, close])

  /**
   * A new contact's `POST /people`. The body is recorded in the draft, on disk, before it goes: after a crash the
   * relaunched editor sends exactly that body again with the same key (the API answers from its record, never a
   * second contact), and only then the edits made since, as an update. Returns the outcome when it was created.
   */
  const sendCreate = useCallback(
    async (current: EditorState) => {
      const create = current.create
      if (!create) return undefined
      const body = create.inFlight ?? createBody(current.values)
      if (!create.inFlight) {
        dispatch({ type: 'createSending', body })
        const sending = editorRef.current
        if (sending) keepDraft(sending)
        drafts.flush()
      }
      const outcome = await createContact(session.client, body, create.idempotencyKey, session.signal)
      switch (outcome.kind) {
        case 'created': {
          dispatch({ type: 'createSucceeded', person: outcome.person, sent: body })
          // One write: the new contact's draft goes, the contact's own comes when edits are left to save.
          drafts.remove(current.contactId)
          const created = editorRef.current
          if (created && needsDraft(created)) keepDraft(created)
          drafts.flush()
          onAdded(outcome.person)
          return outcome
        }
        case 'rejected':
          dispatch({ type: 'saveRejected', errors: outcome.errors })
          showToast({ kind: 'error', text: outcome.message })
          return undefined
        case 'failed':
          dispatch({ type: 'saveFailed', message: outcome.message })
          return undefined
      }
    },
    [dispatch, editorRef, keepDraft, drafts, session, onAdded, showToast],
  )

  const save = useCallback(async () => {
    const current = editorRef.current
    if (!current) return
    dispatch({ type: 'saveStarted' })
    const created = current.create ? await sendCreate(current) : undefined
    const now = editorRef.current
    if (!now || now.create) return
    const createdNote = created && createdMessage(created, now.title)
    if (createdNote && dirtyFields(now).length === 0) {
      dispatch({ type: 'saveSucceeded', values: now.values })
      drafts.remove(now.contactId)
      drafts.flush()
      showToast(createdNote)
      return leaveAfterSave()
    }
    const outcome = await saveDraft(session.client, now.contactId, now.base, now.values, session.signal)
    switch (outcome.kind) {
      case 'saved': {
        dispatch({ type: 'saveSucceeded', values: outcome.values })
        drafts.remove(now.contactId)
        drafts.flush()
        if (outcome.person) onSaved(outcome.person)
        const saved = savedMessage(outcome)
        // Said after the create's request id: "then saved 1 more field", and what the save said of changes meanwhile.
        const more = `then saved ${plural(outcome.changed.length, 'more field')}`
        showToast(
          createdNote
            ? {
                kind: saved.kind,
                text: `${createdNote.text} · ${more}${saved.kind === 'warning' ? ` · ${saved.text}` : ''}`,
              }
            : saved,
        )
        return leaveAfterSave()
      }
      case 'conflict':
        dispatch({ type: 'conflictDetected', theirs: outcome.theirs, conflicts: outcome.conflicts })
        return
      case 'rejected':
        dispatch({ type: 'saveRejected', errors: outcome.errors })
        showToast({ kind: 'error', text: outcome.message })
        return
      case 'failed':
        dispatch({
          type: 'saveFailed',
          message: createdNote ? `${createdNote.text}, but ${outcome.message}` : outcome.message,
        })
    }
  }, [editorRef, dispatch, sendCreate, session, drafts, onSaved, showToast, leaveAfterSave])

  /**
   * The contact that already has the new contact's email (or phone), opened instead. The new contact stays a draft:
   * `n` in the list offers it back.
   */
  const openMatch = useCallback(() => {
    const current = editorRef.current
    const found = current ? matchesFound(current)[0] : undefined
    if (!current || !found) {
      showToast({ kind: 'info', text: 'No other contact has this email or phone (as far as the lookups know).' })
      return
    }
    if (needsDraft(current)) {
      keepDraft(current)
      drafts.flush()
    }
    dispatch({ type: 'close' })
    void openRow(found.match).then(() => {
      if (needsDraft(current))
        showToast({ kind: 'info', text: 'Your new contact is kept as a draft: n in the list continues it.' })
    })
  }, [editorRef, keepDraft, drafts, dispatch, openRow, showToast])

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
    return current !== null && hasUnsavedWork(current)
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
    openNew,
    openMatch,
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
