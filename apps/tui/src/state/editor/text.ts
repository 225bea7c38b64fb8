import { applyLineOp, type EditKind, insertLine } from '../../text/line.js'
import { applyMultilineOp, insertMultiline, isLineOp, type MultilineOp } from '../../text/multiline.js'
import { inputOf } from '../field-input.js'
import { endRun } from './history.js'
import type { EditorState } from './state.js'
import { setValue, textOf } from './values.js'

/** Typing into the focused text, money or multi-line field. */
export function insertText(state: EditorState, text: string): EditorState {
  const name = state.focus
  const current = { value: textOf(state.values, name), cursor: state.cursor }
  const next = inputOf(name) === 'multiline' ? insertMultiline(current, text) : insertLine(current, text)
  if (next.value === current.value) return state
  return setValue(state, name, next.value, 'insert', next.cursor, /^\s/.test(text))
}

/** A cursor motion or deletion in the focused text field; row moves only in a multi-line one. */
export function editText(state: EditorState, op: MultilineOp, width: number, pageRows?: number): EditorState {
  const name = state.focus
  const current = { value: textOf(state.values, name), cursor: state.cursor }
  let next: { value: string; cursor: number }
  if (inputOf(name) === 'multiline') next = applyMultilineOp(current, op, width, pageRows)
  else if (!isLineOp(op)) return state
  else next = applyLineOp(current, op)
  // A motion ends the run of typing: what is typed next is a new undo step.
  if (next.value === current.value) return { ...state, cursor: next.cursor, history: endRun(state.history) }
  // Only a new line or a deletion changes the text here: every other operation is a motion, handled above.
  const kind: EditKind = op === 'newline' ? 'insert' : 'delete'
  return setValue(state, name, next.value, kind, next.cursor)
}
