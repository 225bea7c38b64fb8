import { changedFields, type FieldName, formErrors } from '../form.js'
import type { EditorState } from './state.js'

/** The fields whose draft differs from the base, in form order. */
export function dirtyFields(state: EditorState): FieldName[] {
  return changedFields(state.base, state.values)
}

/** Schema errors of changed fields, errors the API sent back, and why the tag typed in the tags box was refused. */
export function editorErrors(state: EditorState): Partial<Record<FieldName | '*', string>> {
  const problem = state.tagBox.problem
  return { ...state.serverErrors, ...formErrors(state.base, state.values), ...(problem ? { tags: problem } : {}) }
}
