import { contactField } from '@cc/schema'
import type { EditKind } from '../../text/line.js'
import type { FieldName, FormValue, FormValues } from '../form.js'
import { endRun, recordEdit, stepBack, stepForward } from './history.js'
import type { EditorState } from './state.js'

export type ValuesAction =
  | { type: 'edit'; field: FieldName; value: FormValue; kind: EditKind }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'revert' }

/** The text of a field (tags have none: their text is the tag being typed). */
export function textOf(values: FormValues, name: FieldName): string {
  const value = values[name]
  return typeof value === 'string' ? value : ''
}

function withoutKey<T extends object>(record: T, key: PropertyKey): T {
  if (!(key in record)) return record
  const copy = { ...record }
  delete (copy as Record<PropertyKey, unknown>)[key]
  return copy
}

/**
 * The one way a field's value changes: the old value goes to the undo history, the cursor follows,
 * and what was said about the old value (the server's message, a normalisation note) goes.
 */
export function setValue(
  state: EditorState,
  name: FieldName,
  value: FormValue,
  kind: EditKind,
  cursor?: number,
  newWord = false,
): EditorState {
  const next = contactField(name).kind === 'state' && typeof value === 'string' ? value.toUpperCase() : value
  // The cursor belongs to the focused field: an edit of another one (a normalised phone, a restored value) leaves it.
  const wanted = cursor ?? (typeof next === 'string' ? next.length : state.cursor)
  const nextCursor =
    name !== state.focus ? state.cursor : Math.min(wanted, typeof next === 'string' ? next.length : wanted)
  return {
    ...state,
    cursor: nextCursor,
    values: { ...state.values, [name]: next },
    history: recordEdit(state.history, name, state.values[name], kind, newWord),
    serverErrors: withoutKey(withoutKey(state.serverErrors, name), '*'),
    notices: withoutKey(state.notices, name),
  }
}

/** Setting, undoing, redoing and reverting the focused field's value. */
export function valuesReducer(state: EditorState, action: ValuesAction): EditorState {
  switch (action.type) {
    case 'edit':
      return setValue(state, action.field, action.value, action.kind)
    case 'undo':
    case 'redo': {
      const current = state.values[state.focus]
      const step =
        action.type === 'undo'
          ? stepBack(state.history, state.focus, current)
          : stepForward(state.history, state.focus, current)
      if (!step) return state
      return {
        ...state,
        values: { ...state.values, [state.focus]: step.value },
        cursor: typeof step.value === 'string' ? step.value.length : state.cursor,
        history: step.history,
        notices: withoutKey(state.notices, state.focus),
      }
    }
    case 'revert': {
      const name = state.focus
      const saved = state.base[name]
      if (JSON.stringify(saved) === JSON.stringify(state.values[name])) return state
      // Stryker disable next-line StringLiteral: the run of edits ends right after a revert, so its kind never joins another edit
      const reverted = setValue(state, name, saved, 'replace')
      return { ...reverted, history: endRun(reverted.history) }
    }
  }
}
