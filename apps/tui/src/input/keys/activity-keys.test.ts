import { describe, expect, it } from 'vitest'
import { key, one } from '../../../test/support/keys.js'
import { toKeyPresses } from '../../keys/keypress.js'
import { activityReducer, createActivityForm } from '../../state/activity/form.js'
import { activityKeys, activityReviewKeys } from './activity-keys.js'

const layout = { width: 40, rows: 5 }
const form = createActivityForm({ contactId: 'renee0001', contactName: 'Renée Walker' })
const onText = activityReducer(form, { type: 'focus', field: 'content' })
const press = (over: Parameters<typeof key>[0]) => {
  const [pressed] = toKeyPresses('', key(over))
  if (!pressed) throw new Error('no key')
  return pressed
}
const action = (a: object) => ({ type: 'activity', action: a })

describe('keys of the activity form', () => {
  it('changes a choice with ←/→ and Space, and moves between fields with ↑/↓, Enter and Tab', () => {
    expect(activityKeys(press({ leftArrow: true }), form, layout)).toEqual([action({ type: 'choose', delta: -1 })])
    expect(activityKeys(press({ rightArrow: true }), form, layout)).toEqual([action({ type: 'choose', delta: 1 })])
    expect(activityKeys(one(' '), form, layout)).toEqual([action({ type: 'choose', delta: 1 })])
    expect(activityKeys(press({ return: true }), form, layout)).toEqual([action({ type: 'focusNext' })])
    expect(activityKeys(press({ upArrow: true }), form, layout)).toEqual([action({ type: 'focusPrevious' })])
    expect(activityKeys(press({ tab: true }), form, layout)).toEqual([action({ type: 'focusNext' })])
    // A letter types nowhere on a choice; `?` opens help there.
    expect(activityKeys(one('x'), form, layout)).toEqual([])
    expect(activityKeys(one('?'), form, layout)).toEqual([{ type: 'help' }])
  })

  it('types in the text, Enter a new line, ↑ on its first row back to the choices', () => {
    expect(activityKeys(one('?'), onText, layout)).toEqual([action({ type: 'insert', text: '?' })])
    expect(activityKeys(press({ return: true }), onText, layout)).toEqual([
      action({ type: 'textOp', op: 'newline', width: 40, pageRows: 5 }),
    ])
    expect(activityKeys(press({ upArrow: true }), onText, layout)).toEqual([action({ type: 'focusPrevious' })])
    expect(activityKeys(press({ downArrow: true }), onText, layout)).toEqual([])
    expect(activityKeys(one('w', { ctrl: true }), onText, layout)).toEqual([
      action({ type: 'textOp', op: 'deleteWordLeft', width: 40, pageRows: 5 }),
    ])
  })

  it('reviews, undoes, redoes, hands the text to $EDITOR and goes back, from any field', () => {
    for (const state of [form, onText]) {
      expect(activityKeys(one('s', { ctrl: true }), state, layout)).toEqual([{ type: 'activityReview' }])
      expect(activityKeys(one('z', { ctrl: true }), state, layout)).toEqual([action({ type: 'undo' })])
      expect(activityKeys(one('y', { ctrl: true }), state, layout)).toEqual([action({ type: 'redo' })])
      expect(activityKeys(one('g', { ctrl: true }), state, layout)).toEqual([{ type: 'activityExternalEditor' }])
      expect(activityKeys(press({ escape: true }), state, layout)).toEqual([{ type: 'leaveActivity' }])
      expect(activityKeys(one('c', { ctrl: true }), state, layout)).toEqual([{ type: 'quit' }])
    }
  })

  it('sends from the review, retries only after a failure, and waits while sending', () => {
    const review = activityReducer(onText, { type: 'review' })
    expect(activityReviewKeys(press({ return: true }), review)).toEqual([{ type: 'activitySend' }])
    expect(activityReviewKeys(one('r'), review)).toEqual([])
    const sending = activityReducer(review, { type: 'sendStarted' })
    expect(activityReviewKeys(press({ escape: true }), sending)).toEqual([])
    const failed = activityReducer(sending, { type: 'sendFailed', message: 'down', maybeSent: false })
    expect(activityReviewKeys(one('r'), failed)).toEqual([{ type: 'activitySend' }])
    expect(activityReviewKeys(press({ return: true }), failed)).toEqual([])
    expect(activityReviewKeys(one('n'), failed)).toEqual([action({ type: 'back' })])
  })
})
