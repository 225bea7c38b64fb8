import type { ContactsAction } from '../../state/contacts/list.js'
import type { EditorAction } from '../../state/editor/editor.js'

/**
 * What a key press asks for. Key handlers are pure: they read the state and the keymap and return
 * intents; the app carries them out (dispatching to reducers, or starting a save).
 */
export type Intent =
  | { type: 'editor'; action: EditorAction }
  | { type: 'contacts'; action: ContactsAction }
  | { type: 'searchText'; value: string; cursor: number }
  | { type: 'openSelected' }
  | { type: 'cancelOpening' }
  | { type: 'reload' }
  | { type: 'help' }
  | { type: 'quit' }
  | { type: 'review' }
  | { type: 'leaveEditor' }
  | { type: 'externalEditor' }
  | { type: 'confirmSave' }
  | { type: 'guard'; choice: 'save' | 'discard' | 'keep' }
  | { type: 'restore'; choice: 'restore' | 'discard' | 'cancel' }
  | { type: 'helpScroll'; delta: number }
  | { type: 'closeHelp' }
  | { type: 'startup'; choice: 'retry' | 'sandbox' | 'quit' }

export const editorIntent = (action: EditorAction): Intent => ({ type: 'editor', action })
