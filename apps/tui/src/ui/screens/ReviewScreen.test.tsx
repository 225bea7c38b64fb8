import { describe, expect, it } from 'vitest'
import { linear, reviewing } from '../../../test/support/screens.js'
import { LinearReview } from './ReviewScreen.js'

describe('linear layout (INK_SCREEN_READER)', () => {
  it('reads the review as one sentence per change, long values cut with their length', () => {
    const frame = linear(<LinearReview editor={reviewing()} />)
    expect(frame).toContain('Review 2 changes to Ada Lovelace.')
    expect(frame).toContain('Change 1 of 2: First name, from "Ada" to "Augusta".')
    expect(frame).toMatch(
      /Change 2 of 2: Background, from "Notes" to "(abcdefghi ){11}abcdefghi…" \(299 characters\)\./,
    )
    expect(frame).toContain('Press Enter to save, Escape to go back.')
    // No box drawing, no columns: nothing a screen reader would spell out.
    expect(frame).not.toMatch(/[─│╭╮]/)
  })

  it('says how a failed save ended and what to do next', () => {
    const frame = linear(
      <LinearReview
        editor={reviewing({ type: 'saveStarted' }, { type: 'saveFailed', message: 'The server had a problem (500).' })}
      />,
    )
    expect(frame).toContain('Not saved: The server had a problem (500). Press r to retry')
    expect(frame).toContain('Your draft is kept.')
  })
})
