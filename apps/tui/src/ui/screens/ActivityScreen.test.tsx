import { render } from 'ink-testing-library'
import { describe, expect, it } from 'vitest'
import { linear, withTheme } from '../../../test/support/screens.js'
import { type ActivityAction, activityReducer, createActivityForm } from '../../state/activity/form.js'
import { ActivityReview, ActivityScreen, LinearActivity, LinearActivityReview } from './ActivityScreen.js'

const form = (...actions: ActivityAction[]) =>
  actions.reduce(activityReducer, createActivityForm({ contactId: 'renee0001', contactName: 'Renée Walker' }))

describe('activity screens', () => {
  it('draws the type, a direction only where it applies, and the text with its counter, without relying on colour', () => {
    const call = form({ type: 'choose', delta: -2 }, { type: 'focusNext' }, { type: 'choose', delta: 2 })
    const frame = render(withTheme(<ActivityScreen form={call} width={80} height={20} />, false)).lastFrame() ?? ''
    expect(frame).toContain('Log an activity on Renée Walker')
    expect(frame).toMatch(/ Type {10}\[call\] +email/)
    expect(frame).toMatch(/› Direction {6}\(not said\) +inbound +\[outbound\]/)
    expect(frame).toContain('0/5000')
    const note = render(withTheme(<ActivityScreen form={form()} width={80} height={20} />, false)).lastFrame() ?? ''
    expect(note).not.toContain('Direction')
    const long = form({ type: 'setContent', text: 'x'.repeat(5001) })
    const over = render(withTheme(<ActivityScreen form={long} width={80} height={20} />, false)).lastFrame() ?? ''
    expect(over).toContain('5001/5000')
    expect(over).toContain('✗ Text: must be at most 5000 characters (you have 5001)')
  })

  it('reviews the activity, and warns when an earlier send may have logged it already', () => {
    const review = form({ type: 'setContent', text: 'Left a voicemail\nCall back' }, { type: 'review' })
    const frame = render(withTheme(<ActivityReview form={review} width={80} height={20} />, false)).lastFrame() ?? ''
    expect(frame).toContain('Review: log a note on Renée Walker')
    expect(frame).toContain('Text       Left a voicemail')
    expect(frame).toContain('Press Enter to log it, Esc to go back.')
    expect(frame).not.toContain('may have been logged')
    const unsure = { ...review, maybeSent: true }
    expect(linear(<LinearActivityReview form={unsure} />)).toContain(
      'It may have been logged already (an earlier send got no answer): sending it again may log it twice.',
    )
  })

  it('reads the focused field as a sentence in the linear layout', () => {
    expect(linear(<LinearActivity form={form()} />)).toContain(
      'Log an activity on Renée Walker: a note. Type: note, one of call, email, note, meeting, sms, activity.',
    )
    expect(
      linear(<LinearActivity form={form({ type: 'focus', field: 'content' }, { type: 'insert', text: 'Hi' })} />),
    ).toContain('Text: 2 of 5000 characters.')
  })
})
