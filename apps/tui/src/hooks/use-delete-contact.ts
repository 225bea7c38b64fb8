import { type RefObject, useCallback } from 'react'
import type { DraftStore } from '../drafts/draft-store.js'
import { deleteContact } from '../services/delete-contact.js'
import type { Session } from '../services/session.js'
import type { ContactsAction } from '../state/contacts/list.js'
import {
  canConfirm,
  type DeleteAction,
  type DeleteDialog,
  type DeleteTarget,
  deleteReducer,
  isPermanent,
  openDelete,
} from '../state/delete.js'
import type { Navigation } from '../state/navigation.js'
import type { ToastMessage } from '../ui/components/StatusLine.js'

export interface DeleteFlowOptions {
  session: Session
  drafts: DraftStore
  showToast: (toast: ToastMessage) => void
  navigationRef: RefObject<Navigation>
  setNavigation: (update: (navigation: Navigation) => Navigation) => void
  contactsDispatch: (action: ContactsAction) => void
  /** The contact was deleted while open in the editor: close the editor (its draft is gone with it). */
  closeEditorOf: (contactId: string) => void
}

const dialogOf = (navigation: Navigation): DeleteDialog | undefined =>
  navigation.dialog?.name === 'delete' ? navigation.dialog : undefined

/**
 * Deleting a contact: the dialog (ask, and for good only after a second step), the request, and what follows it
 * either way it ends well: the contact leaves the list at once, its drafts go (they could never be saved now), and
 * an editor open on it closes. A contact already gone (404) is not an error: the list catches up, and says so.
 */
export function useDeleteContact({
  session,
  drafts,
  showToast,
  navigationRef,
  setNavigation,
  contactsDispatch,
  closeEditorOf,
}: DeleteFlowOptions) {
  /** Ask about `target` (its drafts are counted now, so the dialog can say they go too). */
  const ask = useCallback(
    (target: Omit<DeleteTarget, 'drafts'>) => {
      const dialog = openDelete({ ...target, drafts: drafts.about(target.id).length })
      setNavigation((n) => ({ ...n, dialog }))
    },
    [drafts, setNavigation],
  )

  const update = useCallback(
    (action: DeleteAction, id?: string) =>
      setNavigation((n) => {
        const dialog = dialogOf(n)
        if (!dialog || (id !== undefined && dialog.target.id !== id)) return n
        return { ...n, dialog: deleteReducer(dialog, action) }
      }),
    [setNavigation],
  )

  const cancel = useCallback(() => {
    setNavigation((n) => (dialogOf(n)?.phase === 'deleting' ? n : { ...n, dialog: undefined }))
  }, [setNavigation])

  const confirm = useCallback(async () => {
    const dialog = dialogOf(navigationRef.current)
    if (!dialog || !canConfirm(dialog)) return
    const { target } = dialog
    const permanent = isPermanent(dialog)
    update({ type: 'started' })
    const outcome = await deleteContact(session.client, target.id, permanent, session.signal)
    if (outcome.kind === 'failed') return update({ type: 'failed', message: outcome.message }, target.id)
    drafts.forget(target.id)
    drafts.flush()
    contactsDispatch({ type: 'contactRemoved', id: target.id })
    setNavigation((n) => (dialogOf(n)?.target.id === target.id ? { ...n, dialog: undefined } : n))
    closeEditorOf(target.id)
    if (outcome.kind === 'gone') {
      showToast({ kind: 'info', text: `${target.name} was already gone (deleted elsewhere): removed from the list.` })
      return
    }
    const request = outcome.requestId ? ` · request ${outcome.requestId}` : ''
    showToast({
      kind: 'success',
      text: permanent ? `Deleted ${target.name} for good${request}` : `Moved ${target.name} to the trash${request}`,
    })
  }, [navigationRef, update, session, drafts, contactsDispatch, setNavigation, closeEditorOf, showToast])

  return { ask, update, cancel, confirm }
}
