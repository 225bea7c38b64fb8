import { useCallback, useEffect, useRef } from 'react'
import type { DraftStore, KeptActivityDraft } from '../drafts/draft-store.js'
import { logActivity } from '../services/log-activity.js'
import type { Session } from '../services/session.js'
import {
  type ActivityAction,
  type ActivityForm,
  activityBody,
  activityHasWork,
  activityPhrase,
  activityReducer,
  CONTENT_MAX_LENGTH,
  createActivityForm,
} from '../state/activity/form.js'
import type { Origin, View } from '../state/navigation.js'
import { displayLine } from '../text/sanitize.js'
import type { ToastMessage } from '../ui/components/StatusLine.js'
import type { AfterSave, ContactRef } from './use-editor-session.js'
import { useExternalEditor } from './use-external-editor.js'
import { useLiveReducer } from './use-live.js'

type Slot = ActivityForm | null
type SlotAction = ActivityAction | { type: 'open'; form: ActivityForm } | { type: 'close' }

function slotReducer(state: Slot, action: SlotAction): Slot {
  if (action.type === 'open') return action.form
  if (action.type === 'close') return null
  return state ? activityReducer(state, action) : state
}

export interface ActivitySessionOptions {
  session: Session
  drafts: DraftStore
  env: NodeJS.ProcessEnv
  showToast: (toast: ToastMessage) => void
  setView: (view: View) => void
  /** Leave the app. */
  finish: () => void
}

/**
 * The activity form: opening it for a contact (offering a kept draft back), the draft kept on disk while something
 * is typed (marked while it is being sent, since the API cannot say afterwards whether it arrived), $EDITOR for the
 * text, the review and the one `POST /activities`.
 */
export function useActivitySession({ session, drafts, env, showToast, setView, finish }: ActivitySessionOptions) {
  const [form, dispatch, formRef] = useLiveReducer(slotReducer, null)
  const origin = useRef<Origin>('list')
  const afterSend = useRef<AfterSave | undefined>(undefined)
  const editInEditor = useExternalEditor(env, showToast)

  const keepDraft = useCallback(
    (current: ActivityForm, sending: boolean) => {
      drafts.putActivity({
        contactId: current.contactId,
        title: current.contactName,
        values: current.values,
        ...(sending || current.maybeSent ? { sending: true } : {}),
      })
    },
    [drafts],
  )

  // Every change goes to the drafts file (debounced); a form with nothing in it keeps no draft.
  const values = form?.values
  const maybeSent = form?.maybeSent
  useEffect(() => {
    const current = formRef.current
    if (!current || !values) return
    if (activityHasWork(current)) keepDraft(current, current.save.phase === 'sending')
    else drafts.removeActivity(current.contactId)
  }, [values, maybeSent, formRef, drafts, keepDraft])

  // Why the review did not open; an error also cancels a "send and leave".
  const flash = form?.flash
  useEffect(() => {
    if (!flash) return
    showToast({ kind: flash.kind, text: flash.text })
    if (flash.kind === 'error') afterSend.current = undefined
  }, [flash, showToast])

  const show = useCallback(
    (next: ActivityForm) => {
      dispatch({ type: 'open', form: next })
      setView({ name: 'activity', back: origin.current })
    },
    [dispatch, setView],
  )

  /** The form for `contact`, opened over `from`; a kept draft of an activity for it is offered back first. */
  const open = useCallback(
    (contact: ContactRef, from: Origin) => {
      origin.current = from
      const kept = drafts.getActivity(contact.id)
      if (kept) setView({ name: 'restore', draft: kept, back: from })
      else show(createActivityForm({ contactId: contact.id, contactName: displayLine(contact.name) }))
    },
    [drafts, setView, show],
  )

  const close = useCallback(() => {
    dispatch({ type: 'close' })
    setView({ name: origin.current })
  }, [dispatch, setView])

  /** The answer to "restore the unsaved activity?". */
  const answerRestore = useCallback(
    (choice: 'restore' | 'discard' | 'cancel', draft: KeptActivityDraft) => {
      const contact = { contactId: draft.contactId, contactName: displayLine(draft.title) }
      if (choice === 'restore') {
        drafts.adopt(draft)
        show(createActivityForm({ ...contact, values: draft.values, maybeSent: draft.sending }))
      } else if (choice === 'discard') {
        drafts.discard(draft)
        drafts.flush()
        show(createActivityForm(contact))
      } else setView({ name: origin.current })
    },
    [drafts, show, setView],
  )

  /** Open the review; when the reducer refuses, it says why in `flash`. Returns whether it opened. */
  const review = useCallback(() => {
    dispatch({ type: 'review' })
    return formRef.current?.save.phase === 'review'
  }, [dispatch, formRef])

  /** Review, and once logged go on to `after` (the quit guard's "save"). */
  const reviewThen = useCallback(
    (after: AfterSave) => {
      if (review()) afterSend.current = after
    },
    [review],
  )

  const send = useCallback(async () => {
    const current = formRef.current
    if (!current) return
    const body = activityBody(current)
    dispatch({ type: 'sendStarted' })
    // Marked on disk before it goes: after a crash the restored activity says it may have been logged already.
    keepDraft(current, true)
    drafts.flush()
    const outcome = await logActivity(session.client, body, session.signal)
    switch (outcome.kind) {
      case 'logged': {
        drafts.removeActivity(current.contactId)
        drafts.flush()
        // The request id first: the toast may be cut at the terminal's width.
        const request = outcome.requestId ? ` · request ${outcome.requestId}` : ''
        showToast({
          kind: 'success',
          text: `Logged ${activityPhrase(current.values)}${request} · activity ${displayLine(outcome.activity.id)} on ${current.contactName}`,
        })
        const after = afterSend.current
        afterSend.current = undefined
        if (after === 'exit') return finish()
        return close()
      }
      case 'rejected':
        dispatch({ type: 'sendRejected', errors: outcome.errors })
        showToast({ kind: 'error', text: outcome.message })
        break
      case 'failed':
        dispatch({ type: 'sendFailed', message: outcome.message, maybeSent: outcome.maybeSent })
        break
    }
    const after = formRef.current
    if (after) keepDraft(after, false)
  }, [formRef, dispatch, keepDraft, drafts, session, showToast, finish, close])

  /** The text in $EDITOR (focusing it first). */
  const editContent = useCallback(async () => {
    const current = formRef.current
    if (!current) return
    if (current.focus !== 'content') dispatch({ type: 'focus', field: 'content' })
    await editInEditor(
      current.values.content,
      { name: 'activity', label: 'Text', maxLength: CONTENT_MAX_LENGTH },
      (text) => dispatch({ type: 'setContent', text }),
    )
  }, [formRef, dispatch, editInEditor])

  const hasUnsavedWork = useCallback(() => {
    const current = formRef.current
    return current !== null && activityHasWork(current)
  }, [formRef])

  /** Throw the activity away (and its draft) and go back. */
  const discard = useCallback(() => {
    const current = formRef.current
    if (current) {
      drafts.removeActivity(current.contactId)
      drafts.flush()
    }
    close()
  }, [formRef, drafts, close])

  return {
    form,
    formRef,
    dispatch: dispatch as (action: ActivityAction) => void,
    open,
    answerRestore,
    review,
    reviewThen,
    send,
    editContent,
    hasUnsavedWork,
    discard,
    close,
    origin: () => origin.current,
  }
}
