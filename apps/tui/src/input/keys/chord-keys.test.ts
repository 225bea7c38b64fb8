import { describe, expect, it } from 'vitest'
import { key, one } from '../../../test/support/keys.js'
import { toKeyPresses } from '../../keys/keypress.js'
import { chordKeys } from './chord-keys.js'

const chord = { prefix: 'ctrl+x', context: 'editor' } as const

describe('the second key of a chord', () => {
  it('runs the command it completes, and ends the chord', () => {
    expect(chordKeys(one('d'), chord)).toEqual([{ type: 'chordEnd' }, { type: 'deleteAsk', from: 'editor' }])
    expect(chordKeys(one('a'), chord)).toEqual([{ type: 'chordEnd' }, { type: 'logActivity', from: 'editor' }])
    expect(chordKeys(one('o'), chord)).toEqual([{ type: 'chordEnd' }, { type: 'openMatch' }])
  })

  it('cancels on Esc, quits on Ctrl+C, and says which keys are no command without typing them', () => {
    const [esc] = toKeyPresses('', key({ escape: true }))
    if (!esc) throw new Error('no key')
    expect(chordKeys(esc, chord)).toEqual([{ type: 'chordEnd' }])
    expect(chordKeys(one('c', { ctrl: true }), chord)).toEqual([{ type: 'chordEnd' }, { type: 'quit' }])
    expect(chordKeys(one('q'), chord)).toEqual([{ type: 'chordEnd', unknown: 'Ctrl+X q' }])
    expect(chordKeys(one('d', { ctrl: true }), chord)).toEqual([{ type: 'chordEnd', unknown: 'Ctrl+X Ctrl+D' }])
    const [tab] = toKeyPresses('', key({ tab: true, shift: true }))
    if (!tab) throw new Error('no key')
    expect(chordKeys(tab, chord)).toEqual([{ type: 'chordEnd', unknown: 'Ctrl+X Shift+Tab' }])
  })
})
