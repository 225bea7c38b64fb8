import { contactField, normalizePhone } from '@cc/schema'
import { inputOf } from '../field-input.js'
import { type FieldName, fieldNames } from '../form.js'
import { endRun, recordStep } from './history.js'
import type { EditorState } from './state.js'
import { leaveTags } from './tags.js'
import { textOf } from './values.js'

export type FocusAction = { type: 'focus'; field: FieldName } | { type: 'focusNext' } | { type: 'focusPrevious' }

/**
 * Leaving a field settles it: the tag still typed in the tags box is added, and a phone number is
 * normalised ("(555) 123-4567" → "+15551234567"), saying so under the field.
 */
export function leaveField(state: EditorState): EditorState {
  const name = state.focus
  if (inputOf(name) === 'tags') return leaveTags(state)
  if (contactField(name).kind !== 'phone') return state
  const value = state.values[name]
  if (typeof value !== 'string' || value === state.base[name] || value.trim() === '') return state
  const normalised = normalizePhone(value)
  if (normalised === value) return state
  return {
    ...state,
    values: { ...state.values, [name]: normalised },
    history: recordStep(state.history, name, value),
    notices: { ...state.notices, [name]: `Normalised from ${value}` },
  }
}

export function moveFocus(state: EditorState, to: FieldName): EditorState {
  if (to === state.focus) return state
  const left = leaveField(state)
  return {
    ...left,
    focus: to,
    cursor: textOf(left.values, to).length,
    stagePicker: undefined,
    history: endRun(left.history),
  }
}

/** Focus moves in form order, round from the last field to the first. */
export function focusReducer(state: EditorState, action: FocusAction): EditorState {
  if (action.type === 'focus') return moveFocus(state, action.field)
  const index = fieldNames.indexOf(state.focus)
  const delta = action.type === 'focusNext' ? 1 : -1
  return moveFocus(state, fieldNames[(index + delta + fieldNames.length) % fieldNames.length] as FieldName)
}
