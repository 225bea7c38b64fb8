import { applyLineOp, insertLine, type LineOp, type LineState } from '../text/line.js'

/** The contact a delete dialog is about, as the list or the editor knows it (every text cleaned). */
export interface DeleteTarget {
  id: string
  name: string
  /** What deleting it for good asks to be typed: its last name, else its first name, else its id. */
  confirmWord: string
  /** Where it was asked from: deleting from the editor closes the editor too. */
  from: 'list' | 'editor'
  /** Unsaved drafts about it (changes, an activity being written): a delete discards them, and says so first. */
  drafts: number
}

/**
 * Deleting a contact: first "move it to the trash?" (Enter, the API's default), and only from there, as a second
 * step, "delete it for good?", which waits for the last name to be typed. Then the request, and a failure to retry.
 */
export interface DeleteDialog {
  name: 'delete'
  target: DeleteTarget
  step: 'trash' | 'permanent'
  /** What is typed in the second step. */
  typed: LineState
  phase: 'asking' | 'deleting' | 'failed'
  /** Why the last attempt failed, or why Enter did nothing (the name typed does not match). */
  message?: string
}

export type DeleteAction =
  | { type: 'permanentStep' }
  | { type: 'back' }
  | { type: 'type'; text: string }
  | { type: 'textOp'; op: LineOp }
  /** Enter in the second step before the name typed matches. */
  | { type: 'mismatch' }
  | { type: 'started' }
  | { type: 'failed'; message: string }

export function openDelete(target: DeleteTarget): DeleteDialog {
  return { name: 'delete', target, step: 'trash', typed: { value: '', cursor: 0 }, phase: 'asking' }
}

/** Whether Enter may delete now: always in the first step; in the second once the name typed matches. */
export function canConfirm(dialog: DeleteDialog): boolean {
  if (dialog.phase === 'deleting') return false
  if (dialog.step === 'trash') return true
  return dialog.typed.value.trim().toLowerCase() === dialog.target.confirmWord.trim().toLowerCase()
}

/** Whether the next request deletes for good. */
export const isPermanent = (dialog: DeleteDialog) => dialog.step === 'permanent'

/** The dialog's steps and typing. While the request is out, only its answer changes it. */
export function deleteReducer(dialog: DeleteDialog, action: DeleteAction): DeleteDialog {
  if (dialog.phase === 'deleting' && action.type !== 'failed') return dialog
  switch (action.type) {
    case 'permanentStep':
      return dialog.step === 'trash'
        ? { ...dialog, step: 'permanent', phase: 'asking', message: undefined, typed: { value: '', cursor: 0 } }
        : dialog
    case 'back':
      return { ...dialog, step: 'trash', phase: 'asking', message: undefined, typed: { value: '', cursor: 0 } }
    case 'type':
      return dialog.step === 'permanent'
        ? { ...dialog, typed: insertLine(dialog.typed, action.text), message: undefined }
        : dialog
    case 'textOp':
      return dialog.step === 'permanent'
        ? { ...dialog, typed: applyLineOp(dialog.typed, action.op), message: undefined }
        : dialog
    case 'mismatch':
      return dialog.step === 'permanent'
        ? { ...dialog, message: `Type ${dialog.target.confirmWord} to delete ${dialog.target.name} for good.` }
        : dialog
    case 'started':
      return canConfirm(dialog) ? { ...dialog, phase: 'deleting', message: undefined } : dialog
    case 'failed':
      return { ...dialog, phase: 'failed', message: action.message }
  }
}
