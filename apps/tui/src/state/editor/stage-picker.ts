import { applyLineOp } from '../../text/line.js'
import type { MultilineOp } from '../../text/multiline.js'
import type { StageOption } from '../contacts/rows.js'
import type { EditorState } from './state.js'
import { setValue } from './values.js'

/** The stage picker, while open: the text typed to filter it and the highlighted row. */
export interface StagePicker {
  filter: string
  selected: number
}

export type StagePickerAction =
  | { type: 'stageOpen'; filter?: string }
  | { type: 'stageMove'; delta: number; options: readonly StageOption[] }
  | { type: 'stageChoose'; options: readonly StageOption[] }
  | { type: 'stageClose' }

export interface PickerRow {
  id: string
  name: string
  /** A row for an id typed by hand, not one seen in the data. */
  typed?: boolean
}

const cleanFilter = (text: string) => text.replace(/[\s]+/g, ' ').trimStart()

/** The stage picker's rows: seen stages whose id or name contains the filter, then the typed id itself. */
export function pickerRows(filter: string, options: readonly StageOption[]): PickerRow[] {
  const f = filter.trim().toLowerCase()
  const rows: PickerRow[] = options.filter(
    (option) => !f || option.id.toLowerCase().includes(f) || option.name.toLowerCase().includes(f),
  )
  if (f && !options.some((option) => option.id === filter.trim())) {
    rows.push({ id: filter.trim(), name: 'use this id', typed: true })
  }
  return rows
}

export function stagePickerReducer(state: EditorState, action: StagePickerAction): EditorState {
  switch (action.type) {
    case 'stageOpen':
      return { ...state, stagePicker: { filter: cleanFilter(action.filter ?? ''), selected: 0 } }
    case 'stageMove': {
      if (!state.stagePicker) return state
      const count = pickerRows(state.stagePicker.filter, action.options).length
      const selected = Math.max(0, Math.min(count - 1, state.stagePicker.selected + action.delta))
      return { ...state, stagePicker: { ...state.stagePicker, selected } }
    }
    case 'stageChoose': {
      if (!state.stagePicker) return state
      const row = pickerRows(state.stagePicker.filter, action.options)[state.stagePicker.selected]
      const closed = { ...state, stagePicker: undefined }
      return row ? setValue(closed, 'stage', row.id, 'replace') : closed
    }
    case 'stageClose':
      return { ...state, stagePicker: undefined }
  }
}

/** Typing filters the open picker; on the stage field, typing opens it with what was typed. */
export function insertPickerText(state: EditorState, text: string): EditorState {
  return { ...state, stagePicker: { filter: cleanFilter((state.stagePicker?.filter ?? '') + text), selected: 0 } }
}

/** Only deleting backwards edits the filter (its cursor stays at the end). */
export function editPickerText(state: EditorState, op: MultilineOp): EditorState {
  if (!state.stagePicker) return state
  if (op !== 'deleteLeft' && op !== 'deleteWordLeft' && op !== 'deleteToStart') return state
  const filter = state.stagePicker.filter
  const next = applyLineOp({ value: filter, cursor: filter.length }, op)
  return { ...state, stagePicker: { filter: next.value, selected: 0 } }
}
