import { CreateContactInput, contactField, fieldErrors } from '@cc/schema'
import { type FieldName, type FormValues, fieldNames, formErrors } from '../form.js'
import type { ConflictState } from './conflict.js'
import { createBody } from './create.js'
import { leaveField, moveFocus } from './focus.js'
import { endRun } from './history.js'
import { dirtyFields } from './selectors.js'
import type { EditorState } from './state.js'

/** Where saving stands: editing, the review before sending, the request, its failure, or a conflict to resolve. */
export type SavePhase =
  | { phase: 'editing' }
  | { phase: 'review' }
  | { phase: 'saving' }
  | { phase: 'failed'; message: string }
  | { phase: 'conflict'; conflict: ConflictState }

export type SaveAction =
  | { type: 'review' }
  | { type: 'back' }
  | { type: 'saveStarted' }
  | { type: 'saveSucceeded'; values: FormValues }
  | { type: 'saveFailed'; message: string }
  | { type: 'saveRejected'; errors: Partial<Record<string, string>> }

export type ReviewCheck =
  | { ok: true }
  | { ok: false; reason: 'unchanged' }
  | { ok: false; reason: 'invalid'; fields: FieldName[] }

/** A new contact's body against the create rules of `@cc/schema`, by field (the field checks come first). */
function createErrors(state: EditorState): Partial<Record<FieldName, string>> {
  if (!state.create) return {}
  const checked = CreateContactInput.safeParse(createBody(state.values))
  if (checked.success) return {}
  const errors: Partial<Record<FieldName, string>> = {}
  for (const [key, message] of Object.entries(fieldErrors(checked.error))) {
    const name = key.split('.')[0] as FieldName
    if (fieldNames.includes(name)) errors[name] ??= message
  }
  return errors
}

/** Whether Ctrl+S can open the review: something changed and every changed field is valid. */
export function checkReview(state: EditorState): ReviewCheck {
  const settled = leaveField(state)
  const errors = { ...createErrors(settled), ...formErrors(settled.base, settled.values) }
  // A tag still typed in its box that cannot be added would be lost by a save: it has to be fixed or cleared first.
  if (settled.tagBox.problem) errors.tags = settled.tagBox.problem
  // A create whose answer was lost is sent again even when nothing else is left to save.
  else if (dirtyFields(settled).length === 0 && !settled.create?.inFlight) return { ok: false, reason: 'unchanged' }
  const invalid = fieldNames.filter((name) => errors[name])
  if (invalid.length > 0) return { ok: false, reason: 'invalid', fields: invalid }
  return { ok: true }
}

export function saveReducer(state: EditorState, action: SaveAction): EditorState {
  switch (action.type) {
    case 'review': {
      const left = leaveField(state)
      const settled = { ...left, history: endRun(left.history) }
      const check = checkReview(settled)
      if (check.ok) return { ...settled, save: { phase: 'review' }, flash: undefined }
      if (check.reason === 'unchanged') {
        const text = settled.create
          ? 'Nothing to save yet: fill in at least one field.'
          : 'Nothing to save: no field has changed.'
        return { ...settled, flash: { kind: 'info', text } }
      }
      const labels = check.fields.map((name) => contactField(name).label).join(', ')
      return {
        ...moveFocus(settled, check.fields[0] as FieldName),
        flash: {
          kind: 'error',
          text: `Fix ${check.fields.length === 1 ? 'this field' : 'these fields'} first: ${labels}`,
        },
      }
    }
    case 'back':
      return { ...state, save: { phase: 'editing' } }
    case 'saveStarted':
      return { ...state, save: { phase: 'saving' } }
    case 'saveSucceeded':
      return {
        ...state,
        base: action.values,
        values: action.values,
        serverErrors: {},
        notices: {},
        history: endRun(state.history),
        save: { phase: 'editing' },
      }
    case 'saveFailed':
      return { ...state, save: { phase: 'failed', message: action.message } }
    case 'saveRejected': {
      // The API names fields by their path (`tags.2`): each message goes on its field, others on the contact.
      const errors: EditorState['serverErrors'] = {}
      for (const [key, message] of Object.entries(action.errors)) {
        if (!message) continue
        const name = key.split('.')[0] as FieldName
        errors[fieldNames.includes(name) ? name : '*'] ??= message
      }
      // Focus goes to the first rejected field the way a person would move it: the field left is settled (a phone
      // normalised, a typed tag added) and the cursor is at the end of the new field's text.
      const first = fieldNames.find((name) => errors[name])
      const moved = first ? moveFocus(state, first) : state
      // A create the API refused made nothing: the next save sends the corrected body (with the same key).
      const create = moved.create && { ...moved.create, inFlight: undefined }
      return { ...moved, serverErrors: errors, save: { phase: 'editing' }, ...(create ? { create } : {}) }
    }
  }
}
