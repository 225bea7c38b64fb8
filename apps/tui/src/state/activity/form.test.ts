import { ActivityType } from '@cc/schema'
import { describe, expect, it } from 'vitest'
import {
  type ActivityAction,
  type ActivityForm,
  activityBody,
  activityErrors,
  activityHasWork,
  activityPhrase,
  activityReducer,
  activityTypes,
  CONTENT_MAX_LENGTH,
  createActivityForm,
  DEFAULT_TYPE,
  directionApplies,
  visibleFields,
} from './form.js'

const run = (form: ActivityForm, ...actions: ActivityAction[]) => actions.reduce(activityReducer, form)
const fresh = () => createActivityForm({ contactId: 'renee0001', contactName: 'Renée Walker' })

describe('the activity form', () => {
  it('offers the schema’s types, starting on a note, with nothing to lose yet', () => {
    expect(activityTypes).toEqual(ActivityType.options)
    const form = fresh()
    expect(form.values).toEqual({ type: DEFAULT_TYPE, content: '' })
    expect(form.focus).toBe('type')
    expect(activityHasWork(form)).toBe(false)
    expect(activityBody(form)).toEqual({ personId: 'renee0001', type: 'note' })
    expect(CONTENT_MAX_LENGTH).toBe(5000)
  })

  it('offers a direction for calls, emails and text messages only, and sends it only there', () => {
    expect(activityTypes.filter(directionApplies)).toEqual(['call', 'email', 'sms'])
    let form = run(fresh(), { type: 'choose', delta: -2 })
    expect(form.values.type).toBe('call')
    expect(visibleFields(form)).toEqual(['type', 'direction', 'content'])
    form = run(form, { type: 'focusNext' }, { type: 'choose', delta: 2 })
    expect(form.focus).toBe('direction')
    expect(form.values.direction).toBe('outbound')
    expect(activityBody(form)).toEqual({ personId: 'renee0001', type: 'call', direction: 'outbound' })
    expect(activityPhrase(form.values)).toBe('an outbound call')
    // A meeting has no direction: it is not shown, nor sent, and focus skips it.
    const meeting = run(form, { type: 'focus', field: 'type' }, { type: 'choose', delta: 3 })
    expect(meeting.values.type).toBe('meeting')
    expect(visibleFields(meeting)).toEqual(['type', 'content'])
    expect(activityBody(meeting)).toEqual({ personId: 'renee0001', type: 'meeting' })
    expect(activityPhrase(meeting.values)).toBe('a meeting')
    expect(run(meeting, { type: 'focusNext' }).focus).toBe('content')
    expect(run(meeting, { type: 'focus', field: 'direction' })).toBe(meeting)
  })

  it('cycles through the choices both ways, "not said" being a direction too', () => {
    const call = run(fresh(), { type: 'choose', delta: -2 }, { type: 'focusNext' })
    expect(run(call, { type: 'choose', delta: -1 }).values.direction).toBe('outbound')
    expect(run(call, { type: 'choose', delta: 3 }).values.direction).toBeUndefined()
    expect(run(fresh(), { type: 'choose', delta: activityTypes.length }).values.type).toBe('note')
    expect(run(fresh(), { type: 'focus', field: 'content' }, { type: 'choose', delta: 1 }).values.type).toBe('note')
  })

  it('takes multi-line text, undone and redone a word at a time', () => {
    let form = run(fresh(), { type: 'focusPrevious' })
    expect(form.focus).toBe('content')
    form = run(
      form,
      { type: 'insert', text: 'Left' },
      { type: 'insert', text: ' a voicemail' },
      { type: 'textOp', op: 'newline', width: 40 },
      { type: 'insert', text: 'Call back\tFriday' },
    )
    expect(form.values.content).toBe('Left a voicemail\nCall back    Friday')
    expect(activityHasWork(form)).toBe(true)
    // A space starts a new step; the words typed on after it are one step with it.
    form = run(form, { type: 'undo' })
    expect(form.values.content).toBe('Left')
    form = run(form, { type: 'undo' })
    expect(form.values.content).toBe('')
    expect(run(form, { type: 'undo' })).toBe(form)
    form = run(form, { type: 'redo' })
    expect(form.values.content).toBe('Left')
    expect(run(form, { type: 'redo' }).values.content).toBe('Left a voicemail\nCall back    Friday')
    // Typing ends what could be redone.
    expect(run(form, { type: 'insert', text: '!' }, { type: 'redo' }).values.content).toBe('Left!')
    // Typing goes nowhere on a choice.
    expect(run(fresh(), { type: 'insert', text: 'x' }).values.content).toBe('')
  })

  it('takes the text from $EDITOR as one step, and sends it without trailing blank lines', () => {
    const form = run(fresh(), { type: 'setContent', text: 'From the editor\n\n' })
    expect(form.focus).toBe('content')
    expect(activityBody(form).content).toBe('From the editor')
    expect(run(form, { type: 'undo' }).values.content).toBe('')
  })

  it('will not review text over the limit, naming the field and the rule', () => {
    const form = run(
      fresh(),
      { type: 'setContent', text: 'x'.repeat(CONTENT_MAX_LENGTH + 1) },
      { type: 'focus', field: 'type' },
    )
    expect(activityErrors(form).content).toBe('Text: must be at most 5000 characters (you have 5001)')
    const refused = run(form, { type: 'review' })
    expect(refused.save.phase).toBe('editing')
    expect(refused.focus).toBe('content')
    expect(refused.flash).toEqual({
      kind: 'error',
      text: 'Fix this first: Text: must be at most 5000 characters (you have 5001)',
    })
  })

  it('goes through review, sending, a lost answer and a refusal', () => {
    const review = run(fresh(), { type: 'setContent', text: 'Hello' }, { type: 'review' })
    expect(review.save.phase).toBe('review')
    const sending = run(review, { type: 'sendStarted' })
    expect(run(sending, { type: 'back' })).toBe(sending)
    const lost = run(sending, { type: 'sendFailed', message: 'Could not reach the server.', maybeSent: true })
    expect(lost.save).toEqual({ phase: 'failed', message: 'Could not reach the server.', maybeSent: true })
    expect(lost.maybeSent).toBe(true)
    expect(run(lost, { type: 'back' }).save.phase).toBe('editing')
    const answered = run(sending, { type: 'sendFailed', message: 'Server error', maybeSent: false })
    expect(answered.maybeSent).toBe(false)
    const refused = run(sending, {
      type: 'sendRejected',
      errors: { content: 'Text: too long', personId: 'Contact: no such contact', extra: undefined },
    })
    expect(refused.save.phase).toBe('editing')
    expect(refused.focus).toBe('content')
    expect(activityErrors(refused)).toMatchObject({ content: 'Text: too long', '*': 'Contact: no such contact' })
    // Editing the text clears what the API said about it.
    expect(activityErrors(run(refused, { type: 'insert', text: '!' })).content).toBeUndefined()
  })

  it('restores a draft that was being sent as one that may have been logged already', () => {
    const restored = createActivityForm({
      contactId: 'renee0001',
      contactName: 'Renée Walker',
      values: { type: 'sms', direction: 'inbound', content: 'Hi' },
      maybeSent: true,
    })
    expect(restored.cursor).toBe(2)
    expect(activityHasWork(restored)).toBe(true)
    expect(activityBody(restored)).toEqual({ personId: 'renee0001', type: 'sms', direction: 'inbound', content: 'Hi' })
    expect(activityPhrase(restored.values)).toBe('an inbound sms')
  })
})

describe('the activity form, field by field', () => {
  it('has work to lose once a type or a direction is chosen, but not for blank text', () => {
    expect(activityHasWork(run(fresh(), { type: 'setContent', text: ' \n ' }))).toBe(false)
    expect(activityHasWork(run(fresh(), { type: 'choose', delta: 1 }))).toBe(true)
    const call = createActivityForm({
      contactId: 'renee0001',
      contactName: 'Renée Walker',
      values: { type: 'note', direction: 'inbound', content: '' },
    })
    expect(activityHasWork(call)).toBe(true)
  })

  it('sends no text when there is only blank text', () => {
    expect(activityBody(run(fresh(), { type: 'setContent', text: '  \n' }))).toEqual({
      personId: 'renee0001',
      type: 'note',
    })
  })

  it('says what is wrong with the contact as a whole, and will not review it', () => {
    const orphan = createActivityForm({ contactId: '', contactName: '' })
    const errors = activityErrors(orphan)
    expect(Object.keys(errors)).toEqual(['*'])
    expect(errors['*']).toMatch(/^Contact: /)
    const refused = run(orphan, { type: 'review' })
    expect(refused.save.phase).toBe('editing')
    expect(refused.focus).toBe('type')
    expect(refused.flash).toEqual({ kind: 'error', text: `Fix this first: ${errors['*']}` })
  })

  it('opens the review, clearing an earlier message, and what is typed after it is a new undo step', () => {
    const refused = run(fresh(), { type: 'setContent', text: 'x'.repeat(CONTENT_MAX_LENGTH + 1) }, { type: 'review' })
    const fixed = run(refused, { type: 'setContent', text: 'Hi' }, { type: 'insert', text: 'm' })
    const review = run(fixed, { type: 'review' })
    expect(review.save.phase).toBe('review')
    expect(review.flash).toBeUndefined()
    const typed = run(review, { type: 'back' }, { type: 'insert', text: 'o' })
    expect(run(typed, { type: 'undo' }).values.content).toBe('Him')
  })

  it('moves the cursor to the end of the text with the focus, and typing after a move is a new undo step', () => {
    const typed = run(fresh(), { type: 'focus', field: 'content' }, { type: 'insert', text: 'ab' })
    const moved = run({ ...typed, cursor: 0 }, { type: 'focusNext' }, { type: 'focusNext' })
    expect(moved.focus).toBe('content')
    expect(moved.cursor).toBe(2)
    expect(run(moved, { type: 'insert', text: 'c' }, { type: 'undo' }).values.content).toBe('ab')
    const refocused = run(typed, { type: 'focus', field: 'type' }, { type: 'focus', field: 'content' })
    expect(run(refocused, { type: 'insert', text: 'c' }, { type: 'undo' }).values.content).toBe('ab')
  })

  it('edits the text with editing keys: a motion starts a new undo step, deletions are one step', () => {
    const typed = run(fresh(), { type: 'setContent', text: 'one two' })
    const motion = run(typed, { type: 'textOp', op: 'home', width: 40 })
    expect(motion.cursor).toBe(0)
    expect(motion.values.content).toBe('one two')
    const deleted = run(
      typed,
      { type: 'textOp', op: 'deleteLeft', width: 40 },
      { type: 'textOp', op: 'deleteLeft', width: 40 },
    )
    expect(deleted.values.content).toBe('one t')
    expect(deleted.cursor).toBe(5)
    expect(run(deleted, { type: 'undo' }).values.content).toBe('one two')
    const other = run(fresh(), { type: 'insert', text: 'x' })
    expect(run(other, { type: 'textOp', op: 'deleteLeft', width: 40 })).toBe(other)
  })

  it('wraps the text at the width given when moving between rows', () => {
    const typed = run(fresh(), { type: 'setContent', text: 'one two' })
    expect(run(typed, { type: 'textOp', op: 'up', width: 4 }).cursor).toBe(3)
    expect(run(typed, { type: 'textOp', op: 'up', width: 40 }).cursor).toBe(0)
  })

  it('keeps the cursor where the text did not change', () => {
    const typed = run(fresh(), { type: 'setContent', text: 'Hi' })
    const same = run({ ...typed, cursor: 1 }, { type: 'setContent', text: 'Hi' })
    expect(same.cursor).toBe(2)
    expect(same.history).toEqual(typed.history)
  })

  it('undoes from any field, moving to the text with the cursor at its end', () => {
    const typed = run(fresh(), { type: 'setContent', text: 'Hi' }, { type: 'setContent', text: 'Hello' })
    const undone = run({ ...typed, focus: 'type', cursor: 0 }, { type: 'undo' })
    expect(undone.focus).toBe('content')
    expect(undone.values.content).toBe('Hi')
    expect(undone.cursor).toBe(2)
  })

  it('drops what the API said about the type, or the whole activity, when the type changes', () => {
    const refused = run(fresh(), {
      type: 'sendRejected',
      errors: { type: 'Type: no', direction: 'Direction: no', personId: 'Contact: gone' },
    })
    expect(refused.focus).toBe('type')
    expect(refused.serverErrors).toEqual({ type: 'Type: no', direction: 'Direction: no', '*': 'Contact: gone' })
    expect(run(refused, { type: 'choose', delta: 1 }).serverErrors).toEqual({ direction: 'Direction: no' })
    const onDirection = run(refused, { type: 'choose', delta: -2 }, { type: 'focusNext' }, { type: 'choose', delta: 1 })
    expect(onDirection.serverErrors).toEqual({})
  })

  it('drops only what the API said about the direction when it changes', () => {
    const call = run(fresh(), { type: 'choose', delta: -2 }, { type: 'focusNext' })
    const refused = run(call, { type: 'sendRejected', errors: { direction: 'Direction: no', personId: 'Contact: x' } })
    expect(refused.focus).toBe('direction')
    expect(run(refused, { type: 'choose', delta: 1 }).serverErrors).toEqual({ '*': 'Contact: x' })
  })

  it('keeps the focus when the API refuses the activity as a whole, and the first message per field', () => {
    const s = run(
      fresh(),
      { type: 'focusPrevious' },
      {
        type: 'sendRejected',
        errors: { personId: 'Contact: gone', 'content.0': 'Text: first', 'content.1': 'Text: second' },
      },
    )
    expect(s.focus).toBe('content')
    expect(s.serverErrors).toEqual({ '*': 'Contact: gone', content: 'Text: first' })
    const general = run(fresh(), { type: 'sendRejected', errors: { personId: 'Contact: gone' } })
    expect(general.focus).toBe('type')
  })

  it('remembers that an earlier send may have arrived through a later failure with an answer', () => {
    const lost = run(fresh(), { type: 'sendFailed', message: 'timeout', maybeSent: true })
    const answered = run(lost, { type: 'sendFailed', message: 'Server error', maybeSent: false })
    expect(answered.maybeSent).toBe(true)
    expect(answered.save).toEqual({ phase: 'failed', message: 'Server error', maybeSent: false })
  })
})

describe('the activity form, from a draft and through refusals', () => {
  const call = () => run(fresh(), { type: 'choose', delta: -2 })

  it('names a type or direction a draft holds that the schema does not know, on its field', () => {
    const odd = createActivityForm({
      contactId: 'renee0001',
      contactName: 'Renée Walker',
      values: { type: 'fax' as ActivityType, content: 'Hi' },
    })
    expect(Object.keys(activityErrors(odd))).toEqual(['type'])
    const sideways = createActivityForm({
      contactId: 'renee0001',
      contactName: 'Renée Walker',
      values: { type: 'call', direction: 'sideways' as 'inbound', content: '' },
    })
    expect(Object.keys(activityErrors(sideways))).toEqual(['direction'])
    const refused = run({ ...sideways, focus: 'content' }, { type: 'review' })
    expect(refused.focus).toBe('direction')
  })

  it('moves to the first field the API refused', () => {
    const s = run(
      fresh(),
      { type: 'setContent', text: 'Hi' },
      { type: 'focus', field: 'type' },
      {
        type: 'sendRejected',
        errors: { content: 'Text: no' },
      },
    )
    expect(s.focus).toBe('content')
  })

  it('drops what the API said about the whole activity when the text is edited', () => {
    const s = run(fresh(), { type: 'sendRejected', errors: { personId: 'Contact: gone' } })
    expect(run(s, { type: 'setContent', text: 'Hi' }).serverErrors).toEqual({})
  })

  it('leaves the direction alone when choosing on the text', () => {
    const s = run(call(), { type: 'focus', field: 'content' }, { type: 'choose', delta: 1 })
    expect(s.values).toEqual({ type: 'call', content: '' })
  })

  it('goes back through all three fields of a call', () => {
    expect(run(call(), { type: 'focusPrevious' }).focus).toBe('content')
    expect(run(call(), { type: 'focusPrevious' }, { type: 'focusPrevious' }).focus).toBe('direction')
  })

  it('starts a new undo step after a motion, and after deletions that follow typing', () => {
    const typed = run(fresh(), { type: 'setContent', text: 'x' }, { type: 'insert', text: 'ab' })
    const moved = run(
      typed,
      { type: 'textOp', op: 'left', width: 40 },
      { type: 'textOp', op: 'right', width: 40 },
      { type: 'insert', text: 'c' },
    )
    expect(run(moved, { type: 'undo' }).values.content).toBe('xab')
    const deleted = run(typed, { type: 'textOp', op: 'deleteLeft', width: 40 })
    expect(deleted.values.content).toBe('xa')
    expect(run(deleted, { type: 'undo' }).values.content).toBe('xab')
  })
})

describe('what the API said about the activity', () => {
  it('leaves out a field it names without a message', () => {
    const refused = run(fresh(), {
      type: 'sendRejected',
      errors: { content: '', direction: 'Direction: no' },
    })
    expect(refused.serverErrors).toEqual({ direction: 'Direction: no' })
  })

  it('keeps its record as it is when typing has nothing to drop', () => {
    const form = fresh()
    const typed = run(form, { type: 'focus', field: 'content' }, { type: 'insert', text: 'Called' })
    expect(typed.values.content).toBe('Called')
    expect(typed.serverErrors).toBe(form.serverErrors)
  })
})
