import type { ContactsState } from './contacts/list.js'
import type { ConflictState } from './editor/conflict.js'
import type { EditorState } from './editor/state.js'
import type { Dialog, Navigation, View } from './navigation.js'

/**
 * What has the keyboard and the screen right now: a dialog, else the screen, refined where a screen
 * behaves in more than one way (the list while its search box has focus; the editor while it reviews,
 * saves or resolves a conflict). Rendering, key routing and the hint bar all read this one value.
 */
export type Mode =
  | Dialog
  | Exclude<View, { name: 'list' } | { name: 'editor' }>
  | { name: 'list' }
  | { name: 'search' }
  | { name: 'editor'; editor: EditorState }
  | { name: 'review'; editor: EditorState }
  | { name: 'conflict'; editor: EditorState; conflict: ConflictState }

export type ModeName = Mode['name']

export function modeOf(navigation: Navigation, editor: EditorState | null, contacts: ContactsState): Mode {
  if (navigation.dialog) return navigation.dialog
  const { view } = navigation
  if (view.name === 'editor' && editor) {
    const save = editor.save
    if (save.phase === 'conflict') return { name: 'conflict', editor, conflict: save.conflict }
    if (save.phase !== 'editing') return { name: 'review', editor }
    return { name: 'editor', editor }
  }
  if (view.name === 'list' || view.name === 'editor')
    return contacts.searchFocused ? { name: 'search' } : { name: 'list' }
  return view
}
