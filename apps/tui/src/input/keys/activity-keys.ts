import type { KeyPress } from '../../keys/keypress.js'
import { commandFor } from '../../keys/match.js'
import type { ActivityForm } from '../../state/activity/form.js'
import { globalKeys, textOpFor } from './common.js'
import { activityIntent as activity, type Intent } from './intents.js'
import { multilineKey } from './multiline-keys.js'

/** The geometry of the text box, for moving by visual rows. */
export interface TextLayout {
  width: number
  rows: number
}

/** The type and direction fields: a choice each, changed with ←/→ (or Space); ↑/↓ and Enter move between fields. */
function choiceKeys(key: KeyPress): Intent[] {
  switch (commandFor('choice', key)) {
    case 'choice.previous':
      return [activity({ type: 'choose', delta: -1 })]
    case 'choice.next':
      return [activity({ type: 'choose', delta: 1 })]
    case 'choice.up':
      return [activity({ type: 'focusPrevious' })]
    case 'choice.down':
      return [activity({ type: 'focusNext' })]
    default:
      return []
  }
}

/** The text: multi-line keys (Enter is a new line), the text keys, then typing. */
function contentKeys(key: KeyPress, form: ActivityForm, layout: TextLayout): Intent[] {
  const move = multilineKey(key, { value: form.values.content, cursor: form.cursor }, layout.width)
  if (move === 'leaveUp') return [activity({ type: 'focusPrevious' })]
  // The text is the last field: ↓ on its last row stays there.
  if (move === 'leaveDown') return []
  if (move !== undefined) return [activity({ type: 'textOp', op: move, width: layout.width, pageRows: layout.rows })]
  const op = textOpFor(key)
  if (op) return [activity({ type: 'textOp', op, width: layout.width, pageRows: layout.rows })]
  if (key.text) return [activity({ type: 'insert', text: key.text })]
  return []
}

/** The activity form: its own commands, then the focused field's keys. */
export function activityKeys(key: KeyPress, form: ActivityForm, layout: TextLayout): Intent[] {
  const global = globalKeys(key, form.focus !== 'content')
  if (global) return global
  switch (commandFor('activity', key)) {
    case 'activity.next':
      return [activity({ type: 'focusNext' })]
    case 'activity.previous':
      return [activity({ type: 'focusPrevious' })]
    case 'activity.review':
      return [{ type: 'activityReview' }]
    case 'activity.undo':
      return [activity({ type: 'undo' })]
    case 'activity.redo':
      return [activity({ type: 'redo' })]
    case 'activity.externalEditor':
      return [{ type: 'activityExternalEditor' }]
    case 'activity.back':
      return [{ type: 'leaveActivity' }]
  }
  return form.focus === 'content' ? contentKeys(key, form, layout) : choiceKeys(key)
}

/** The review of the activity, the send under way, and a failed send. */
export function activityReviewKeys(key: KeyPress, form: ActivityForm): Intent[] {
  const global = globalKeys(key, true)
  if (global) return global
  const phase = form.save.phase
  if (phase === 'sending') return []
  switch (commandFor('activityReview', key)) {
    case 'activityReview.confirm':
      return phase === 'review' ? [{ type: 'activitySend' }] : []
    case 'activityReview.retry':
      return phase === 'failed' ? [{ type: 'activitySend' }] : []
    case 'activityReview.back':
      return [activity({ type: 'back' })]
    default:
      return []
  }
}
