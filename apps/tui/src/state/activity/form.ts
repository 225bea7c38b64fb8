import { ActivityDirection, ActivityType, CreateActivityInput, fieldErrors } from '@cc/schema'
import type { EditKind } from '../../text/line.js'
import { applyMultilineOp, insertMultiline, type MultilineOp } from '../../text/multiline.js'
import { endRun, type History, newHistory, recordEdit, stepBack, stepForward } from '../editor/history.js'

/** The activity types, in the schema's order: the only source of them. */
export const activityTypes: readonly ActivityType[] = ActivityType.options
export const directions: readonly ActivityDirection[] = ActivityDirection.options

/**
 * The types that go one way or the other: a call, an email or a text message is made or received. A meeting is held
 * together, and a note or a generic activity is written down, so for those no direction is offered (nor sent).
 */
const DIRECTED: readonly ActivityType[] = ['call', 'email', 'sms']
export const directionApplies = (type: ActivityType) => DIRECTED.includes(type)

/** A new activity starts as a note, as `cc-tui log` does. */
export const DEFAULT_TYPE: ActivityType = 'note'

/** The text's length limit, read from the schema. */
export const CONTENT_MAX_LENGTH: number =
  CreateActivityInput.shape.content.unwrap().maxLength ?? Number.POSITIVE_INFINITY

/** How fields are named in messages (the API calls the contact `personId`). */
export const activityLabels = { personId: 'Contact', type: 'Type', direction: 'Direction', content: 'Text' } as const

export type ActivityField = 'type' | 'direction' | 'content'

export interface ActivityValues {
  type: ActivityType
  /** Not said when undefined; sent only for a type it applies to. */
  direction?: ActivityDirection | undefined
  content: string
}

export type ActivitySave =
  | { phase: 'editing' }
  | { phase: 'review' }
  | { phase: 'sending' }
  /** `maybeSent`: the answer was lost (a network error, a timeout), so the activity may have arrived. */
  | { phase: 'failed'; message: string; maybeSent: boolean }

/** The form that logs one activity on one contact. */
export interface ActivityForm {
  contactId: string
  /** The contact's name, cleaned. */
  contactName: string
  values: ActivityValues
  focus: ActivityField
  /** Cursor in the text (a UTF-16 offset). */
  cursor: number
  history: History<'content', string>
  save: ActivitySave
  /**
   * It may have been logged already: a send whose answer was lost, here or before a crash. The API has no
   * idempotency key for activities, so the review says that sending it again may log it twice.
   */
  maybeSent: boolean
  /** Messages the API sent back (422), on their field until it is edited. `'*'`: the activity as a whole. */
  serverErrors: Partial<Record<ActivityField | '*', string>>
  /** A one-off message for the person (why the review did not open); a new object each time. */
  flash?: { kind: 'info' | 'error'; text: string }
}

export type ActivityAction =
  | { type: 'focus'; field: ActivityField }
  | { type: 'focusNext' }
  | { type: 'focusPrevious' }
  /** The next (or previous) type or direction, on the focused choice. */
  | { type: 'choose'; delta: number }
  | { type: 'insert'; text: string }
  | { type: 'textOp'; op: MultilineOp; width: number; pageRows?: number | undefined }
  /** The text as $EDITOR left it. */
  | { type: 'setContent'; text: string }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'review' }
  | { type: 'back' }
  | { type: 'sendStarted' }
  | { type: 'sendFailed'; message: string; maybeSent: boolean }
  | { type: 'sendRejected'; errors: Partial<Record<string, string>> }

export function createActivityForm(options: {
  contactId: string
  contactName: string
  values?: ActivityValues | undefined
  maybeSent?: boolean | undefined
}): ActivityForm {
  const values = options.values ?? { type: DEFAULT_TYPE, content: '' }
  return {
    contactId: options.contactId,
    contactName: options.contactName,
    values,
    focus: 'type',
    cursor: values.content.length,
    history: newHistory(),
    save: { phase: 'editing' },
    maybeSent: options.maybeSent ?? false,
    serverErrors: {},
  }
}

/** The fields the form shows, in order: the direction only for a type it applies to. */
export function visibleFields(form: ActivityForm): ActivityField[] {
  return directionApplies(form.values.type) ? ['type', 'direction', 'content'] : ['type', 'content']
}

/** The body of `POST /activities`: the direction only where it applies, the text only when there is some. */
export function activityBody(form: ActivityForm): CreateActivityInput {
  const { type, direction } = form.values
  const content = form.values.content.trimEnd()
  return {
    personId: form.contactId,
    type,
    ...(direction && directionApplies(type) ? { direction } : {}),
    ...(content !== '' ? { content } : {}),
  }
}

/** Problems with the activity by field, from the schema's rules and from the API's last answer. */
export function activityErrors(form: ActivityForm): Partial<Record<ActivityField | '*', string>> {
  const errors: Partial<Record<ActivityField | '*', string>> = { ...form.serverErrors }
  const checked = CreateActivityInput.safeParse(activityBody(form))
  if (!checked.success) {
    for (const [key, message] of Object.entries(fieldErrors(checked.error, { labels: activityLabels }))) {
      const field = key.split('.')[0]
      errors[field === 'type' || field === 'direction' || field === 'content' ? field : '*'] ??= message
    }
  }
  return errors
}

/** The activity in words: "an outbound call", "a note" (the direction only where it applies). */
export function activityPhrase(values: ActivityValues): string {
  const { type, direction } = values
  const words = direction && directionApplies(type) ? `${direction} ${type}` : type
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`
}

/** Whether anything would be lost by leaving: text typed, a type or direction chosen, or a send that may have gone. */
export function activityHasWork(form: ActivityForm): boolean {
  const { type, direction, content } = form.values
  return content.trim() !== '' || type !== DEFAULT_TYPE || direction !== undefined || form.maybeSent
}

function without<T extends object>(record: T, key: PropertyKey): T {
  if (!(key in record)) return record
  const copy = { ...record }
  delete (copy as Record<PropertyKey, unknown>)[key]
  return copy
}

function setContent(
  form: ActivityForm,
  content: string,
  cursor: number,
  kind: EditKind,
  newWord = false,
): ActivityForm {
  if (content === form.values.content) return { ...form, cursor }
  return {
    ...form,
    values: { ...form.values, content },
    cursor,
    history: recordEdit(form.history, 'content', form.values.content, kind, newWord),
    serverErrors: without(without(form.serverErrors, 'content'), '*'),
  }
}

function moveFocus(form: ActivityForm, delta: number): ActivityForm {
  const fields = visibleFields(form)
  const index = fields.indexOf(form.focus)
  const next = fields[(index + delta + fields.length) % fields.length] as ActivityField
  return { ...form, focus: next, cursor: form.values.content.length, history: endRun(form.history) }
}

function choose(form: ActivityForm, delta: number): ActivityForm {
  const { values } = form
  if (form.focus === 'type') {
    const index = activityTypes.indexOf(values.type)
    const type = activityTypes[(index + delta + activityTypes.length) % activityTypes.length] as ActivityType
    return { ...form, values: { ...values, type }, serverErrors: without(without(form.serverErrors, 'type'), '*') }
  }
  if (form.focus === 'direction') {
    // "Not said" is a choice too: the first one.
    const options = [undefined, ...directions]
    const index = options.indexOf(values.direction)
    const direction = options[(index + delta + options.length) % options.length]
    return { ...form, values: { ...values, direction }, serverErrors: without(form.serverErrors, 'direction') }
  }
  return form
}

/** Typing, choosing, undo and redo, the review and the send. */
export function activityReducer(form: ActivityForm, action: ActivityAction): ActivityForm {
  switch (action.type) {
    case 'focus':
      return visibleFields(form).includes(action.field)
        ? { ...form, focus: action.field, history: endRun(form.history) }
        : form
    case 'focusNext':
      return moveFocus(form, 1)
    case 'focusPrevious':
      return moveFocus(form, -1)
    case 'choose':
      return choose(form, action.delta)
    case 'insert': {
      if (form.focus !== 'content') return form
      const next = insertMultiline({ value: form.values.content, cursor: form.cursor }, action.text)
      return setContent(form, next.value, next.cursor, 'insert', /^\s/.test(action.text))
    }
    case 'textOp': {
      if (form.focus !== 'content') return form
      const current = { value: form.values.content, cursor: form.cursor }
      const next = applyMultilineOp(current, action.op, action.width, action.pageRows)
      if (next.value === current.value) return { ...form, cursor: next.cursor, history: endRun(form.history) }
      // Only a new line or a deletion changes the text here: every other operation is a motion, handled above.
      const kind: EditKind = action.op === 'newline' ? 'insert' : 'delete'
      return setContent(form, next.value, next.cursor, kind)
    }
    case 'setContent': {
      const edited = setContent({ ...form, focus: 'content' }, action.text, action.text.length, 'replace')
      return { ...edited, history: endRun(edited.history) }
    }
    case 'undo':
    case 'redo': {
      const step =
        action.type === 'undo'
          ? stepBack(form.history, 'content', form.values.content)
          : stepForward(form.history, 'content', form.values.content)
      if (!step) return form
      return {
        ...form,
        focus: 'content',
        values: { ...form.values, content: step.value },
        cursor: step.value.length,
        history: step.history,
      }
    }
    case 'review': {
      const errors = activityErrors(form)
      const invalid = (['type', 'direction', 'content'] as const).filter((field) => errors[field])
      const problem = errors[invalid[0] ?? '*']
      if (problem) {
        return {
          ...form,
          ...(invalid[0] ? { focus: invalid[0] } : {}),
          flash: { kind: 'error', text: `Fix this first: ${problem}` },
        }
      }
      return { ...form, save: { phase: 'review' }, flash: undefined, history: endRun(form.history) }
    }
    case 'back':
      return form.save.phase === 'sending' ? form : { ...form, save: { phase: 'editing' } }
    case 'sendStarted':
      return { ...form, save: { phase: 'sending' } }
    case 'sendFailed':
      return {
        ...form,
        save: { phase: 'failed', message: action.message, maybeSent: action.maybeSent },
        maybeSent: form.maybeSent || action.maybeSent,
      }
    case 'sendRejected': {
      const errors: ActivityForm['serverErrors'] = {}
      for (const [key, message] of Object.entries(action.errors)) {
        if (!message) continue
        const field = key.split('.')[0]
        errors[field === 'type' || field === 'direction' || field === 'content' ? field : '*'] ??= message
      }
      const first = (['type', 'direction', 'content'] as const).find((field) => errors[field])
      return { ...form, serverErrors: errors, save: { phase: 'editing' }, ...(first ? { focus: first } : {}) }
    }
  }
}
