import { clamp, nextIndex, prevIndex, wordEndAfter, wordStartBefore } from './cursor.js'
import { cleanLine } from './sanitize.js'

/** A single-line text buffer: the value and the cursor (a UTF-16 offset, never inside a surrogate pair). */
export interface LineState {
  value: string
  cursor: number
}

export type LineOp =
  | 'left'
  | 'right'
  | 'home'
  | 'end'
  | 'wordLeft'
  | 'wordRight'
  | 'deleteLeft'
  | 'deleteRight'
  | 'deleteWordLeft'
  | 'deleteWordRight'
  | 'deleteToStart'
  | 'deleteToEnd'

/** How an edit changed the text; the editor groups runs of typing into one undo step. */
export type EditKind = 'insert' | 'delete' | 'replace'

const cut = (s: LineState, from: number, to: number): LineState => ({
  value: s.value.slice(0, from) + s.value.slice(to),
  cursor: from,
})

export function applyLineOp(state: LineState, op: LineOp): LineState {
  const { value } = state
  const cursor = clamp(value, state.cursor)
  switch (op) {
    case 'left':
      return { value, cursor: prevIndex(value, cursor) }
    case 'right':
      return { value, cursor: nextIndex(value, cursor) }
    case 'home':
      return { value, cursor: 0 }
    case 'end':
      return { value, cursor: value.length }
    case 'wordLeft':
      return { value, cursor: wordStartBefore(value, cursor) }
    case 'wordRight':
      return { value, cursor: wordEndAfter(value, cursor) }
    case 'deleteLeft':
      return cut({ value, cursor }, prevIndex(value, cursor), cursor)
    case 'deleteRight':
      return cut({ value, cursor }, cursor, nextIndex(value, cursor))
    case 'deleteWordLeft':
      return cut({ value, cursor }, wordStartBefore(value, cursor), cursor)
    case 'deleteWordRight':
      return cut({ value, cursor }, cursor, wordEndAfter(value, cursor))
    case 'deleteToStart':
      return cut({ value, cursor }, 0, cursor)
    case 'deleteToEnd':
      return cut({ value, cursor }, cursor, value.length)
  }
}

/** Whether an operation changes the text (as opposed to moving the cursor). */
export function editsText(op: LineOp): boolean {
  return op.startsWith('delete')
}

/**
 * Insert typed or pasted text at the cursor. The text is cleaned to one line: line breaks and
 * tabs become spaces, escape sequences and control characters are dropped.
 */
export function insertLine(state: LineState, text: string): LineState {
  const clean = cleanLine(text)
  const cursor = clamp(state.value, state.cursor)
  return {
    value: state.value.slice(0, cursor) + clean + state.value.slice(cursor),
    cursor: cursor + clean.length,
  }
}
