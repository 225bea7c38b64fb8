import { clamp, nextIndex, prevIndex, wordEndAfter, wordStartBefore } from './cursor.js'
import type { LineOp } from './line.js'
import { cleanMultiline } from './sanitize.js'

/**
 * A multi-line text buffer drawn soft-wrapped into rows of a fixed width. `goal` remembers the
 * column an up/down run started from, so moving through a short row does not lose it.
 */
export interface MultilineState {
  value: string
  cursor: number
  goal?: number
}

/** A visual row: `value.slice(start, end)`, without the line break. `soft` rows continue on the next row. */
export interface Row {
  start: number
  end: number
  soft: boolean
}

/** Wrap at word boundaries where possible, hard-break words longer than the width. One cell per code unit. */
export function layoutRows(value: string, width: number): Row[] {
  const w = Math.max(1, Math.trunc(width))
  const rows: Row[] = []
  let lineStart = 0
  while (true) {
    const newline = value.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? value.length : newline
    let start = lineStart
    while (lineEnd - start > w) {
      let end = start + w
      const space = value.lastIndexOf(' ', end - 1)
      if (space > start) end = space + 1
      rows.push({ start, end, soft: true })
      start = end
    }
    rows.push({ start, end: lineEnd, soft: false })
    if (newline === -1) break
    lineStart = newline + 1
  }
  return rows
}

/** The row the cursor is drawn on: at a soft break the cursor belongs to the next row. */
export function cursorRow(rows: readonly Row[], cursor: number): number {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Row
    if (cursor < row.end || (cursor === row.end && !row.soft)) return i
  }
  return rows.length - 1
}

export type MultilineOp = LineOp | 'up' | 'down' | 'pageUp' | 'pageDown' | 'newline'

const MULTILINE_ONLY: ReadonlySet<MultilineOp> = new Set(['up', 'down', 'pageUp', 'pageDown', 'newline'])

/** Whether a single-line buffer can apply the operation too (moving between rows cannot). */
export function isLineOp(op: MultilineOp): op is LineOp {
  return !MULTILINE_ONLY.has(op)
}

function moveVertically(state: MultilineState, rows: readonly Row[], delta: number): MultilineState {
  const cursor = clamp(state.value, state.cursor)
  const index = cursorRow(rows, cursor)
  const row = rows[index] as Row
  const goal = state.goal ?? cursor - row.start
  const targetIndex = Math.max(0, Math.min(rows.length - 1, index + delta))
  if (targetIndex === index) {
    // At the top or bottom: go to the very start or end, as most editors do.
    return { value: state.value, cursor: delta < 0 ? 0 : state.value.length }
  }
  const target = rows[targetIndex] as Row
  // A soft row's last position belongs to the next row, so stop one short of it.
  const maxColumn = target.end - target.start - (target.soft ? 1 : 0)
  return { value: state.value, cursor: clamp(state.value, target.start + Math.min(goal, maxColumn)), goal }
}

const cut = (value: string, from: number, to: number): MultilineState => ({
  value: value.slice(0, from) + value.slice(to),
  cursor: from,
})

/**
 * Apply an editing or motion command. Home/End and Ctrl+U/K work on the visual row; word
 * deletion stops at a line break so Ctrl+W never joins lines unexpectedly.
 */
export function applyMultilineOp(state: MultilineState, op: MultilineOp, width: number, pageRows = 10): MultilineState {
  const { value } = state
  const cursor = clamp(value, state.cursor)
  const rows = layoutRows(value, width)
  const row = rows[cursorRow(rows, cursor)] as Row
  switch (op) {
    case 'up':
      return moveVertically(state, rows, -1)
    case 'down':
      return moveVertically(state, rows, 1)
    case 'pageUp':
      return moveVertically(state, rows, -pageRows)
    case 'pageDown':
      return moveVertically(state, rows, pageRows)
    case 'left':
      return { value, cursor: prevIndex(value, cursor) }
    case 'right':
      return { value, cursor: nextIndex(value, cursor) }
    case 'home':
      return { value, cursor: row.start }
    case 'end':
      return { value, cursor: row.soft ? Math.max(row.start, row.end - 1) : row.end }
    case 'wordLeft':
      return { value, cursor: wordStartBefore(value, cursor) }
    case 'wordRight':
      return { value, cursor: wordEndAfter(value, cursor) }
    case 'deleteLeft':
      return cut(value, prevIndex(value, cursor), cursor)
    case 'deleteRight':
      return cut(value, cursor, nextIndex(value, cursor))
    case 'deleteWordLeft': {
      if (value[cursor - 1] === '\n') return cut(value, cursor - 1, cursor)
      const lineStart = value.lastIndexOf('\n', cursor - 1) + 1
      return cut(value, Math.max(lineStart, wordStartBefore(value, cursor)), cursor)
    }
    case 'deleteWordRight': {
      if (value[cursor] === '\n') return cut(value, cursor, cursor + 1)
      const newline = value.indexOf('\n', cursor)
      const lineEnd = newline === -1 ? value.length : newline
      return cut(value, cursor, Math.min(lineEnd, wordEndAfter(value, cursor)))
    }
    case 'deleteToStart':
      // Right after a line break the cursor is at the start of its row.
      return cut(value, value[cursor - 1] === '\n' ? cursor - 1 : row.start, cursor)
    case 'deleteToEnd': {
      // Right before a line break the cursor is at the end of its row.
      return cut(value, cursor, value[cursor] === '\n' ? cursor + 1 : row.end)
    }
    case 'newline':
      return insertMultiline({ value, cursor }, '\n')
  }
}

/** Insert typed or pasted text, cleaned (CRLF → LF, tabs → spaces, no control characters). */
export function insertMultiline(state: MultilineState, text: string): MultilineState {
  const clean = cleanMultiline(text)
  const cursor = clamp(state.value, state.cursor)
  return { value: state.value.slice(0, cursor) + clean + state.value.slice(cursor), cursor: cursor + clean.length }
}
