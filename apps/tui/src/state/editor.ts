import { normalizePhone } from '@cc/schema'
import { applyLineOp, type EditKind, editsText, insertLine, type LineOp } from '../text/line.js'
import { applyMultilineOp, insertMultiline, type MultilineOp } from '../text/multiline.js'
import { type ConflictState, type FieldConflict, rebase, type Side, startConflict } from './conflict.js'
import type { StageOption } from './contacts.js'
import {
  changedFields,
  type FieldName,
  type FormValue,
  type FormValues,
  field,
  fieldNames,
  formErrors,
  patchOf,
} from './form.js'

export type SavePhase =
  | { phase: 'editing' }
  | { phase: 'review' }
  | { phase: 'saving' }
  | { phase: 'failed'; message: string }
  | { phase: 'conflict'; conflict: ConflictState }

/** The editor of one contact: the server values the draft started from, the draft, and how saving goes. */
export interface EditorState {
  contactId: string
  /** The contact's name as the list showed it, for the header. */
  title: string
  base: FormValues
  values: FormValues
  focus: FieldName
  /** Cursor in the focused text field (a UTF-16 offset). */
  cursor: number
  /** The tag being typed in the tags field, not yet added. */
  tagInput: { value: string; cursor: number }
  /** The highlighted tag (for removal), when the tag box is empty and ←/→ were used. */
  tagSelected?: number
  /** A transient problem with the tag being added ("already there"). */
  tagProblem?: string
  /** The stage picker, while open. */
  stagePicker?: { filter: string; selected: number }
  /** Earlier values of each field, newest last. */
  undo: Partial<Record<FieldName, FormValue[]>>
  lastEdit?: { field: FieldName; kind: EditKind }
  /** Messages the API sent back (422), shown on their field until it is edited. `'*'`: the whole contact. */
  serverErrors: Partial<Record<FieldName | '*', string>>
  /** Non-error notes under a field, e.g. how a phone number was normalised. */
  notices: Partial<Record<FieldName, string>>
  save: SavePhase
  /** A one-off message for the person (why the review did not open); a new object each time. */
  flash?: { kind: 'info' | 'error'; text: string }
  /** Increases whenever values change other than by typing (undo, revert, $EDITOR), so fields can move their cursor. */
  revision: number
}

export type EditorAction =
  | { type: 'edit'; field: FieldName; value: FormValue; kind: EditKind }
  | { type: 'insert'; text: string }
  | { type: 'textOp'; op: MultilineOp; width: number; pageRows?: number }
  | { type: 'tagAdd' }
  | { type: 'tagRemove' }
  | { type: 'tagSelect'; delta: number }
  | { type: 'stageOpen'; filter?: string }
  | { type: 'stageMove'; delta: number; options: readonly StageOption[] }
  | { type: 'stageChoose'; options: readonly StageOption[] }
  | { type: 'stageClose' }
  | { type: 'focus'; field: FieldName }
  | { type: 'focusNext' }
  | { type: 'focusPrevious' }
  | { type: 'undo' }
  | { type: 'revert' }
  | { type: 'review' }
  | { type: 'back' }
  | { type: 'saveStarted' }
  | { type: 'saveSucceeded'; values: FormValues }
  | { type: 'saveFailed'; message: string }
  | { type: 'saveRejected'; errors: Partial<Record<string, string>> }
  | { type: 'conflictDetected'; theirs: FormValues; conflicts: FieldConflict[] }
  | { type: 'conflictMove'; delta: number }
  | { type: 'conflictChoose'; side: Side }
  | { type: 'conflictApply' }

const UNDO_LIMIT = 200

const values0 = (options: { base: FormValues; values?: FormValues }) => options.values ?? options.base

/** The text of a field (tags have none: their text is the tag being typed). */
function textOf(values: FormValues, name: FieldName): string {
  const value = values[name]
  return typeof value === 'string' ? value : ''
}

export function createEditor(options: {
  contactId: string
  title: string
  base: FormValues
  values?: FormValues
}): EditorState {
  return {
    contactId: options.contactId,
    title: options.title,
    base: options.base,
    values: options.values ?? options.base,
    focus: fieldNames[0] as FieldName,
    cursor: textOf(values0(options), fieldNames[0] as FieldName).length,
    tagInput: { value: '', cursor: 0 },
    undo: {},
    serverErrors: {},
    notices: {},
    save: { phase: 'editing' },
    revision: 0,
  }
}

function pushUndo(state: EditorState, name: FieldName): EditorState['undo'] {
  const stack = [...(state.undo[name] ?? []), state.values[name]].slice(-UNDO_LIMIT)
  return { ...state.undo, [name]: stack }
}

function withoutKey<T extends object>(record: T, key: PropertyKey): T {
  if (!(key in record)) return record
  const copy = { ...record }
  delete (copy as Record<PropertyKey, unknown>)[key]
  return copy
}

function setValue(
  state: EditorState,
  name: FieldName,
  value: FormValue,
  kind: EditKind,
  cursor?: number,
  newWord = false,
): EditorState {
  const next = field(name).kind === 'state' && typeof value === 'string' ? value.toUpperCase() : value
  // Typing is undone a word at a time: a run of one kind of edit is one step, and a space starts the next.
  const coalesce = kind !== 'replace' && !newWord && state.lastEdit?.field === name && state.lastEdit.kind === kind
  const nextCursor =
    name !== state.focus ? state.cursor : (cursor ?? (typeof next === 'string' ? next.length : state.cursor))
  return {
    ...state,
    cursor: Math.min(nextCursor, typeof next === 'string' ? next.length : nextCursor),
    values: { ...state.values, [name]: next },
    undo: coalesce ? state.undo : pushUndo(state, name),
    lastEdit: { field: name, kind },
    serverErrors: withoutKey(withoutKey(state.serverErrors, name), '*'),
    notices: withoutKey(state.notices, name),
    revision: kind === 'replace' ? state.revision + 1 : state.revision,
  }
}

/** Leaving a phone field normalises it ("(555) 123-4567" → "+15551234567") and says so under the field. */
function leaveField(state: EditorState): EditorState {
  const name = state.focus
  if (field(name).kind === 'tags') {
    const committed = state.tagInput.value.trim() ? addTag(state) : state
    return { ...committed, tagInput: { value: '', cursor: 0 }, tagSelected: undefined, tagProblem: undefined }
  }
  if (field(name).kind !== 'phone') return state
  const value = state.values[name]
  if (typeof value !== 'string' || value === state.base[name] || value.trim() === '') return state
  const normalised = normalizePhone(value)
  if (normalised === value) return state
  return {
    ...state,
    values: { ...state.values, [name]: normalised },
    undo: pushUndo(state, name),
    lastEdit: undefined,
    notices: { ...state.notices, [name]: `Normalised from ${value}` },
    revision: state.revision + 1,
  }
}

function moveFocus(state: EditorState, to: FieldName): EditorState {
  if (to === state.focus) return state
  const left = leaveField(state)
  return { ...left, focus: to, cursor: textOf(left.values, to).length, stagePicker: undefined, lastEdit: undefined }
}

function updateConflict(state: EditorState, update: (c: ConflictState) => ConflictState): EditorState {
  if (state.save.phase !== 'conflict') return state
  return { ...state, save: { phase: 'conflict', conflict: update(state.save.conflict) } }
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'edit':
      return setValue(state, action.field, action.value, action.kind)
    case 'insert':
      return insertText(state, action.text)
    case 'textOp':
      return textOp(state, action.op, action.width, action.pageRows)
    case 'tagAdd':
      return addTag(state)
    case 'tagRemove':
      return removeTag(state)
    case 'tagSelect': {
      if (state.tagInput.value !== '' || state.values.tags.length === 0) return state
      const last = state.values.tags.length - 1
      const from = state.tagSelected ?? (action.delta < 0 ? last + 1 : -1)
      const index = from + action.delta
      return { ...state, tagSelected: index < 0 || index > last ? undefined : index }
    }
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
    case 'focus':
      return moveFocus(state, action.field)
    case 'focusNext':
    case 'focusPrevious': {
      const index = fieldNames.indexOf(state.focus)
      const delta = action.type === 'focusNext' ? 1 : -1
      const to = fieldNames[(index + delta + fieldNames.length) % fieldNames.length] as FieldName
      return moveFocus(state, to)
    }
    case 'undo': {
      const stack = state.undo[state.focus]
      if (!stack || stack.length === 0) return state
      const previous = stack[stack.length - 1] as FormValue
      return {
        ...state,
        values: { ...state.values, [state.focus]: previous },
        cursor: typeof previous === 'string' ? previous.length : state.cursor,
        undo: { ...state.undo, [state.focus]: stack.slice(0, -1) },
        lastEdit: undefined,
        notices: withoutKey(state.notices, state.focus),
        revision: state.revision + 1,
      }
    }
    case 'revert': {
      const name = state.focus
      const saved = state.base[name]
      if (JSON.stringify(saved) === JSON.stringify(state.values[name])) return state
      return { ...setValue(state, name, saved, 'replace'), lastEdit: undefined }
    }
    case 'review': {
      const settled = { ...leaveField(state), lastEdit: undefined }
      const check = checkReview(settled)
      if (check.ok) return { ...settled, save: { phase: 'review' }, flash: undefined }
      if (check.reason === 'unchanged') {
        return { ...settled, flash: { kind: 'info', text: 'Nothing to save: no field has changed.' } }
      }
      const labels = check.fields.map((name) => field(name).label).join(', ')
      const first = check.fields[0] as FieldName
      return {
        ...moveFocus(settled, first),
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
        lastEdit: undefined,
        save: { phase: 'editing' },
        revision: state.revision + 1,
      }
    case 'saveFailed':
      return { ...state, save: { phase: 'failed', message: action.message } }
    case 'saveRejected': {
      const errors: EditorState['serverErrors'] = {}
      for (const [key, message] of Object.entries(action.errors)) {
        if (!message) continue
        const name = key.split('.')[0] as FieldName
        const target = fieldNames.includes(name) ? name : '*'
        errors[target] ??= message
      }
      const first = fieldNames.find((name) => errors[name])
      return { ...state, serverErrors: errors, focus: first ?? state.focus, save: { phase: 'editing' } }
    }
    case 'conflictDetected':
      return { ...state, save: { phase: 'conflict', conflict: startConflict(action.theirs, action.conflicts) } }
    case 'conflictMove':
      return updateConflict(state, (c) => ({
        ...c,
        selected: Math.max(0, Math.min(c.conflicts.length - 1, c.selected + action.delta)),
      }))
    case 'conflictChoose':
      return updateConflict(state, (c) => {
        const row = c.conflicts[c.selected]
        return row ? { ...c, choices: { ...c.choices, [row.field]: action.side } } : c
      })
    case 'conflictApply': {
      if (state.save.phase !== 'conflict') return state
      const { theirs, choices } = state.save.conflict
      return {
        ...state,
        base: theirs,
        values: rebase(state.base, state.values, theirs, choices),
        lastEdit: undefined,
        save: { phase: 'review' },
        revision: state.revision + 1,
      }
    }
  }
}

const cleanFilter = (text: string) => text.replace(/[\s]+/g, ' ').trimStart()

export interface PickerRow {
  id: string
  name: string
  /** A row for an id typed by hand, not one seen in the data. */
  typed?: boolean
}

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

function insertText(state: EditorState, text: string): EditorState {
  const name = state.focus
  const kind = field(name).kind
  if (state.stagePicker) {
    return { ...state, stagePicker: { filter: cleanFilter(state.stagePicker.filter + text), selected: 0 } }
  }
  if (kind === 'stage') return { ...state, stagePicker: { filter: cleanFilter(text), selected: 0 } }
  if (kind === 'tags') {
    const next = insertLine(state.tagInput, text)
    return { ...state, tagInput: next, tagSelected: undefined, tagProblem: undefined }
  }
  const current = { value: textOf(state.values, name), cursor: state.cursor }
  const next = kind === 'multiline' ? insertMultiline(current, text) : insertLine(current, text)
  if (next.value === current.value) return state
  return setValue(state, name, next.value, 'insert', next.cursor, /^\s/.test(text))
}

function textOp(state: EditorState, op: MultilineOp, width: number, pageRows?: number): EditorState {
  const name = state.focus
  const kind = field(name).kind
  if (state.stagePicker) {
    if (op !== 'deleteLeft' && op !== 'deleteWordLeft' && op !== 'deleteToStart') return state
    const filter = state.stagePicker.filter
    const next = applyLineOp({ value: filter, cursor: filter.length }, op)
    return { ...state, stagePicker: { filter: next.value, selected: 0 } }
  }
  if (kind === 'stage') return state
  if (kind === 'tags') {
    if (op === 'up' || op === 'down' || op === 'pageUp' || op === 'pageDown' || op === 'newline') return state
    return { ...state, tagInput: applyLineOp(state.tagInput, op), tagProblem: undefined }
  }
  const current = { value: textOf(state.values, name), cursor: state.cursor }
  let next: { value: string; cursor: number }
  if (kind === 'multiline') next = applyMultilineOp(current, op, width, pageRows)
  else if (op === 'up' || op === 'down' || op === 'pageUp' || op === 'pageDown' || op === 'newline') return state
  else next = applyLineOp(current, op as LineOp)
  if (next.value === current.value) return { ...state, cursor: next.cursor, lastEdit: undefined }
  const editKind: EditKind = op === 'newline' ? 'insert' : editsText(op as LineOp) ? 'delete' : 'replace'
  return setValue(state, name, next.value, editKind, next.cursor)
}

/** Add the typed tag, if it is a valid new one; otherwise say why under the field. */
function addTag(state: EditorState): EditorState {
  const tag = state.tagInput.value.trim()
  if (!tag) return state
  const meta = field('tags')
  const tags = state.values.tags
  let problem: string | undefined
  if (tags.some((existing) => existing.toLowerCase() === tag.toLowerCase())) {
    problem = `${meta.label}: "${tag}" is already there`
  } else if (meta.maxItems !== undefined && tags.length >= meta.maxItems) {
    problem = `${meta.label}: at most ${meta.maxItems} tags (remove one first)`
  } else if (meta.itemMaxLength !== undefined && tag.length > meta.itemMaxLength) {
    problem = `${meta.label}: a tag can be at most ${meta.itemMaxLength} characters (you have ${tag.length})`
  } else if (tag.includes(',')) {
    problem = `${meta.label}: a tag cannot contain a comma`
  }
  if (problem) return { ...state, tagProblem: problem }
  const added = setValue(state, 'tags', [...tags, tag], 'replace')
  return { ...added, tagInput: { value: '', cursor: 0 }, tagSelected: undefined, tagProblem: undefined }
}

function removeTag(state: EditorState): EditorState {
  const tags = state.values.tags
  if (state.tagInput.value !== '' || tags.length === 0) return state
  const index = state.tagSelected ?? tags.length - 1
  const removed = setValue(
    state,
    'tags',
    tags.filter((_, i) => i !== index),
    'replace',
  )
  const remaining = tags.length - 1
  return {
    ...removed,
    tagSelected: state.tagSelected === undefined || remaining === 0 ? undefined : Math.min(index, remaining - 1),
  }
}

// Selectors

export function dirtyFields(state: EditorState): FieldName[] {
  return changedFields(state.base, state.values)
}

/** Schema errors of changed fields, and errors the API sent back. */
export function editorErrors(state: EditorState): Partial<Record<FieldName | '*', string>> {
  return { ...state.serverErrors, ...formErrors(state.base, state.values) }
}

export type ReviewCheck =
  | { ok: true }
  | { ok: false; reason: 'unchanged' }
  | { ok: false; reason: 'invalid'; fields: FieldName[] }

/** Whether Ctrl+S can open the review: something changed and every changed field is valid. */
export function checkReview(state: EditorState): ReviewCheck {
  const settled = leaveField(state)
  const dirty = dirtyFields(settled)
  if (dirty.length === 0) return { ok: false, reason: 'unchanged' }
  const errors = formErrors(settled.base, settled.values)
  const invalid = fieldNames.filter((name) => errors[name])
  if (invalid.length > 0) return { ok: false, reason: 'invalid', fields: invalid }
  return { ok: true }
}

export function editorPatch(state: EditorState) {
  return patchOf(state.base, state.values)
}
