import type { Person } from '@cc/schema'
import type { KeptDraft } from '../drafts/draft-store.js'

/**
 * The screen the person is on. A new screen is one more variant here (carrying what it shows) and
 * one entry in the screen table (`app/screens.tsx`).
 */
export type View =
  | { name: 'list' }
  | { name: 'opening'; title: string }
  | { name: 'restore'; draft: KeptDraft; person: Person }
  /** The open contact; its state lives in `useEditorSession`. */
  | { name: 'editor' }

/** A dialog over the screen, which stays where it was underneath. A new dialog is one variant and one table entry. */
export type Dialog = { name: 'help'; top: number } | { name: 'quitGuard'; after: 'exit' | 'list' }

export interface Navigation {
  view: View
  dialog?: Dialog | undefined
}
