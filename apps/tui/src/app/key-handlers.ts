import { contactField } from '@cc/schema'
import type { Command } from '../keys/keymap.js'
import type { KeyPress } from '../keys/keypress.js'
import { commandFor, matches } from '../keys/match.js'
import type { ContactsAction, ContactsState } from '../state/contacts/list.js'
import type { StageOption } from '../state/contacts/rows.js'
import type { EditorAction } from '../state/editor/editor.js'
import type { EditorState } from '../state/editor/state.js'
import { applyLineOp, insertLine, type LineOp } from '../text/line.js'
import { cursorRow, layoutRows } from '../text/multiline.js'

/**
 * What a key press asks for. Key handlers are pure: they read the state and the keymap and return
 * intents; the app carries them out (dispatching to reducers, or starting a save).
 */
export type Intent =
  | { type: 'editor'; action: EditorAction }
  | { type: 'contacts'; action: ContactsAction }
  | { type: 'searchText'; value: string; cursor: number }
  | { type: 'openSelected' }
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

const textOps: Partial<Record<Command, LineOp>> = {
  'text.left': 'left',
  'text.right': 'right',
  'text.home': 'home',
  'text.end': 'end',
  'text.wordLeft': 'wordLeft',
  'text.wordRight': 'wordRight',
  'text.deleteLeft': 'deleteLeft',
  'text.deleteRight': 'deleteRight',
  'text.deleteWordLeft': 'deleteWordLeft',
  'text.deleteWordRight': 'deleteWordRight',
  'text.deleteToStart': 'deleteToStart',
  'text.deleteToEnd': 'deleteToEnd',
}

const editor = (action: EditorAction): Intent => ({ type: 'editor', action })

/** Keys every screen shares: Ctrl+C quits (asking first when needed), Ctrl+/ opens help. */
function globalKeys(key: KeyPress, allowQuestionMark: boolean): Intent[] | undefined {
  if (matches('app.quit', key)) return [{ type: 'quit' }]
  if (matches('app.help', key) && (allowQuestionMark || key.ctrl)) return [{ type: 'help' }]
  return undefined
}

export function listKeys(key: KeyPress, contacts: ContactsState, searchCursor: number, pageRows: number): Intent[] {
  if (contacts.searchFocused) {
    const global = globalKeys(key, false)
    if (global) return global
    const command = commandFor('search', key)
    if (command === 'search.accept') return [{ type: 'contacts', action: { type: 'focusSearch', focused: false } }]
    if (command === 'search.cancel') {
      return [
        { type: 'searchText', value: '', cursor: 0 },
        { type: 'contacts', action: { type: 'focusSearch', focused: false } },
      ]
    }
    const op = textOps[commandFor('text', key) ?? ('' as Command)]
    if (op) {
      const next = applyLineOp({ value: contacts.query, cursor: searchCursor }, op)
      return [{ type: 'searchText', ...next }]
    }
    if (key.text) {
      const next = insertLine({ value: contacts.query, cursor: searchCursor }, key.text)
      return [{ type: 'searchText', ...next }]
    }
    return []
  }
  const global = globalKeys(key, true)
  if (global) return global
  const move = (delta: number): Intent[] => [{ type: 'contacts', action: { type: 'move', delta } }]
  switch (commandFor('list', key)) {
    case 'list.up':
      return move(-1)
    case 'list.down':
      return move(1)
    case 'list.pageUp':
      return move(-pageRows)
    case 'list.pageDown':
      return move(pageRows)
    case 'list.first':
      return [{ type: 'contacts', action: { type: 'highlight', index: 0 } }]
    case 'list.last':
      return [{ type: 'contacts', action: { type: 'highlight', index: Number.MAX_SAFE_INTEGER } }]
    case 'list.open':
      return [{ type: 'openSelected' }]
    case 'list.search':
      return [{ type: 'contacts', action: { type: 'focusSearch', focused: true } }]
    case 'list.refresh':
      return [{ type: 'reload' }]
    case 'list.quit':
      return [{ type: 'quit' }]
    default:
      return []
  }
}

export interface EditorLayout {
  /** Width of the background text box, for moving by visual rows. */
  backgroundWidth: number
  backgroundRows: number
}

export function editorKeys(
  key: KeyPress,
  state: EditorState,
  layout: EditorLayout,
  stages: readonly StageOption[],
): Intent[] {
  const kind = contactField(state.focus).kind
  const global = globalKeys(key, false)
  if (global) return global

  if (state.stagePicker) {
    switch (commandFor('stagePicker', key)) {
      case 'stage.up':
        return [editor({ type: 'stageMove', delta: -1, options: stages })]
      case 'stage.down':
        return [editor({ type: 'stageMove', delta: 1, options: stages })]
      case 'stage.choose':
        return [editor({ type: 'stageChoose', options: stages })]
      case 'stage.cancel':
        return [editor({ type: 'stageClose' })]
    }
    const op = textOps[commandFor('text', key) ?? ('' as Command)]
    if (op) return [editor({ type: 'textOp', op, width: layout.backgroundWidth })]
    if (key.text) return [editor({ type: 'insert', text: key.text })]
    return []
  }

  if (kind === 'multiline') {
    const rows = layoutRows(
      typeof state.values.background === 'string' ? state.values.background : '',
      layout.backgroundWidth,
    )
    const row = cursorRow(rows, state.cursor)
    const op = (o: 'up' | 'down' | 'pageUp' | 'pageDown' | 'newline'): Intent[] => [
      editor({ type: 'textOp', op: o, width: layout.backgroundWidth, pageRows: layout.backgroundRows }),
    ]
    switch (commandFor('multiline', key)) {
      case 'multiline.newline':
        return op('newline')
      case 'multiline.up':
        return row === 0 ? [editor({ type: 'focusPrevious' })] : op('up')
      case 'multiline.down':
        return row === rows.length - 1 ? [editor({ type: 'focusNext' })] : op('down')
      case 'multiline.pageUp':
        return op('pageUp')
      case 'multiline.pageDown':
        return op('pageDown')
    }
  }

  if (kind === 'tags') {
    const empty = state.tagBox.input.value === ''
    switch (commandFor('tags', key)) {
      case 'tags.add':
        if (!empty || key.text === ',') return [editor({ type: 'tagAdd' })]
        break
      case 'tags.removeLast':
        if (empty) return [editor({ type: 'tagRemove' })]
        break
      case 'tags.selectLeft':
        if (empty) return [editor({ type: 'tagSelect', delta: -1 })]
        break
      case 'tags.selectRight':
        if (empty) return [editor({ type: 'tagSelect', delta: 1 })]
        break
    }
  }

  if (kind === 'stage' && commandFor('stage', key) === 'stage.open') return [editor({ type: 'stageOpen' })]

  if (kind !== 'stage') {
    const op = textOps[commandFor('text', key) ?? ('' as Command)]
    if (op) return [editor({ type: 'textOp', op, width: layout.backgroundWidth, pageRows: layout.backgroundRows })]
  }

  switch (commandFor('editor', key)) {
    case 'editor.next':
      return [editor({ type: 'focusNext' })]
    case 'editor.previous':
      return [editor({ type: 'focusPrevious' })]
    case 'editor.review':
      return [{ type: 'review' }]
    case 'editor.undo':
      return [editor({ type: 'undo' })]
    case 'editor.revert':
      return [editor({ type: 'revert' })]
    case 'editor.externalEditor':
      return [{ type: 'externalEditor' }]
    case 'editor.back':
      return [{ type: 'leaveEditor' }]
  }

  if (key.text) return [editor({ type: 'insert', text: key.text })]
  return []
}

export function reviewKeys(key: KeyPress, state: EditorState): Intent[] {
  const global = globalKeys(key, true)
  if (global) return global
  const phase = state.save.phase
  if (phase === 'saving') return []
  switch (commandFor('review', key)) {
    case 'review.confirm':
      return phase === 'review' ? [{ type: 'confirmSave' }] : []
    case 'review.retry':
      return phase === 'failed' ? [{ type: 'confirmSave' }] : []
    case 'review.back':
      return [editor({ type: 'back' })]
    default:
      return []
  }
}

export function conflictKeys(key: KeyPress): Intent[] {
  const global = globalKeys(key, true)
  if (global) return global
  switch (commandFor('conflict', key)) {
    case 'conflict.up':
      return [editor({ type: 'conflictMove', delta: -1 })]
    case 'conflict.down':
      return [editor({ type: 'conflictMove', delta: 1 })]
    case 'conflict.theirs':
      return [editor({ type: 'conflictChoose', side: 'theirs' })]
    case 'conflict.mine':
      return [editor({ type: 'conflictChoose', side: 'mine' })]
    case 'conflict.apply':
      return [editor({ type: 'conflictApply' })]
    case 'conflict.back':
      return [editor({ type: 'back' })]
    default:
      return []
  }
}

export function guardKeys(key: KeyPress): Intent[] {
  switch (commandFor('quitGuard', key)) {
    case 'guard.save':
      return [{ type: 'guard', choice: 'save' }]
    case 'guard.discard':
      return [{ type: 'guard', choice: 'discard' }]
    case 'guard.keep':
      return [{ type: 'guard', choice: 'keep' }]
    default:
      // A second Ctrl+C while asked is still not a way to lose work: it means "keep editing".
      return matches('app.quit', key) ? [{ type: 'guard', choice: 'keep' }] : []
  }
}

export function restoreKeys(key: KeyPress): Intent[] {
  const global = globalKeys(key, true)
  if (global) return global
  switch (commandFor('restore', key)) {
    case 'restore.restore':
      return [{ type: 'restore', choice: 'restore' }]
    case 'restore.discard':
      return [{ type: 'restore', choice: 'discard' }]
    case 'restore.cancel':
      return [{ type: 'restore', choice: 'cancel' }]
    default:
      return []
  }
}

export function helpKeys(key: KeyPress): Intent[] {
  if (matches('app.quit', key)) return [{ type: 'quit' }]
  switch (commandFor('help', key)) {
    case 'help.up':
      return [{ type: 'helpScroll', delta: -1 }]
    case 'help.down':
      return [{ type: 'helpScroll', delta: 1 }]
    case 'help.close':
      return [{ type: 'closeHelp' }]
    default:
      return matches('app.help', key) ? [{ type: 'closeHelp' }] : []
  }
}

export function startupKeys(key: KeyPress): Intent[] {
  if (matches('app.quit', key)) return [{ type: 'startup', choice: 'quit' }]
  switch (commandFor('startup', key)) {
    case 'startup.retry':
      return [{ type: 'startup', choice: 'retry' }]
    case 'startup.sandbox':
      return [{ type: 'startup', choice: 'sandbox' }]
    case 'startup.quit':
      return [{ type: 'startup', choice: 'quit' }]
    default:
      return []
  }
}
