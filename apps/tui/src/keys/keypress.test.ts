import { describe, expect, it } from 'vitest'
import { key, noKey } from '../../test/support/keys.js'
import { toKeyPresses } from './keypress.js'

describe('toKeyPresses', () => {
  it('turns a typed character into text', () => {
    expect(toKeyPresses('a', noKey)).toEqual([{ name: 'a', ctrl: false, meta: false, shift: false, text: 'a' }])
  })

  it('never gives a Ctrl or Alt chord text, so it cannot leak into a field', () => {
    const [ctrlS] = toKeyPresses('s', key({ ctrl: true }))
    expect(ctrlS).toMatchObject({ name: 's', ctrl: true, text: '' })
    const [altB] = toKeyPresses('b', key({ meta: true }))
    expect(altB).toMatchObject({ name: 'b', meta: true, text: '' })
  })

  it('names special keys and keeps their modifiers', () => {
    expect(toKeyPresses('', key({ tab: true, shift: true }))[0]).toMatchObject({ name: 'tab', shift: true })
    expect(toKeyPresses('', key({ leftArrow: true, ctrl: true }))[0]).toMatchObject({ name: 'left', ctrl: true })
    expect(toKeyPresses('', key({ return: true }))[0]).toMatchObject({ name: 'enter' })
    expect(toKeyPresses('', key({ escape: true }))[0]).toMatchObject({ name: 'esc' })
  })

  it('splits a burst of typed text around Enter and Tab so no key is lost', () => {
    const presses = toKeyPresses('ab\rc\td', noKey)
    expect(presses.map((p) => [p.name, p.text])).toEqual([
      ['text', 'ab'],
      ['enter', ''],
      ['c', 'c'],
      ['tab', ''],
      ['d', 'd'],
    ])
  })

  it('drops keys Ink reports without input (function keys)', () => {
    expect(toKeyPresses('', noKey)).toEqual([])
  })
})

describe('toKeyPresses with glued control characters', () => {
  it('turns Ctrl characters inside a burst into chords', () => {
    const presses = toKeyPresses('\u0015abc\u0013\u007f', {
      ...noKey,
    })
    expect(presses.map((p) => [p.name, p.ctrl, p.text])).toEqual([
      ['u', true, ''],
      ['text', false, 'abc'],
      ['s', true, ''],
      ['backspace', false, ''],
    ])
  })
})
