import type { Person } from '@cc/schema'
import type { KeptActivityDraft, KeptDraft } from '../drafts/draft-store.js'
import type { Context } from '../keys/keymap.js'
import type { DeleteDialog } from './delete.js'

/** Where a screen opened over the list or the open contact goes back to. */
export type Origin = 'list' | 'editor'

/**
 * The screen the person is on. A new screen is one more variant here (carrying what it shows) and
 * one entry in the screen table (`app/screens.tsx`).
 */
export type View =
  | { name: 'list' }
  | { name: 'opening'; title: string }
  /**
   * A kept draft offered back: of a contact (with the server's copy), of a new contact (no copy yet) or of an
   * activity. Going back leaves it kept.
   */
  | { name: 'restore'; draft: KeptDraft | KeptActivityDraft; person?: Person | undefined; back: Origin }
  /** The open contact; its state lives in `useEditorSession`. */
  | { name: 'editor' }
  /** The activity form, over the list or the open contact; its state lives in `useActivitySession`. */
  | { name: 'activity'; back: Origin }
  /** A bulk edit or an import, from its first question to its result; its state lives in `useJobs`. */
  | { name: 'jobs' }

/** A dialog over the screen, which stays where it was underneath. A new dialog is one variant and one table entry. */
export type Dialog =
  | { name: 'help'; top: number }
  /** Leaving unsaved work: save, discard or stay; then quit, or go back from the editor or the activity form. */
  | { name: 'quitGuard'; after: 'exit' | 'back' }
  /** Quitting while a bulk edit or an import is under way: quit now (it stops, to resume later) or keep it running. */
  | { name: 'runGuard' }
  | DeleteDialog
  /** The first key of a chord (`prefix`) was pressed in `context`: the next key says which command. */
  | { name: 'chord'; prefix: string; context: Context }

export interface Navigation {
  view: View
  dialog?: Dialog | undefined
}
