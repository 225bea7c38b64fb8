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

/** What the draft must keep on disk: changed fields, or a new contact's create whose answer was lost. */
export function needsDraft(state: EditorState): boolean {
  return dirtyFields(state).length > 0 || state.create?.inFlight !== undefined
}

/** Whether leaving would lose anything: what the draft keeps, and a tag typed in its box but not added yet. */
export function hasUnsavedWork(state: EditorState): boolean {
  return needsDraft(state) || state.tagBox.input.value.trim() !== ''
}

/** The header's name of what is open: the contact's name, or for a new one the name typed so far and "(new)". */
export function editorTitle(state: EditorState): string {
  if (!state.create) return state.title
  const name = [state.values.firstName, state.values.lastName]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ')
  return name ? `${name} (new)` : 'New contact'
}
