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

describe('toKeyPresses, key by key', () => {
  it('names every special key Ink reports', () => {
    const names = (
      [
        ['backspace', 'backspace'],
        ['delete', 'delete'],
        ['upArrow', 'up'],
        ['downArrow', 'down'],
        ['leftArrow', 'left'],
        ['rightArrow', 'right'],
        ['home', 'home'],
        ['end', 'end'],
        ['pageUp', 'pageup'],
        ['pageDown', 'pagedown'],
      ] as const
    ).map(([flag]) => toKeyPresses('', key({ [flag]: true }))[0]?.name)
    expect(names).toEqual(['backspace', 'delete', 'up', 'down', 'left', 'right', 'home', 'end', 'pageup', 'pagedown'])
  })

  it('gives a special key no text, even when Ink sends its character along', () => {
    expect(toKeyPresses('\r', key({ return: true }))).toEqual([
      { name: 'enter', ctrl: false, meta: false, shift: false, text: '' },
    ])
  })

  it('names a typed space, and keeps Shift on a typed character', () => {
    expect(toKeyPresses(' ', noKey)).toEqual([{ name: 'space', ctrl: false, meta: false, shift: false, text: ' ' }])
    expect(toKeyPresses('G', key({ shift: true }))).toEqual([
      { name: 'G', ctrl: false, meta: false, shift: true, text: 'G' },
    ])
  })

  it('names a chord by its lower-case letter, Space, or the whole sequence, and drops one without input', () => {
    expect(toKeyPresses('S', key({ ctrl: true, shift: true }))).toEqual([
      { name: 's', ctrl: true, meta: false, shift: true, text: '' },
    ])
    expect(toKeyPresses(' ', key({ ctrl: true }))[0]?.name).toBe('space')
    expect(toKeyPresses('[1;5', key({ meta: true }))[0]?.name).toBe('[1;5')
    expect(toKeyPresses('', key({ ctrl: true }))).toEqual([])
    expect(toKeyPresses('', key({ meta: true }))).toEqual([])
  })

  it('splits a burst around line feeds, both backspaces and Ctrl characters, ending every run of text first', () => {
    const presses = toKeyPresses('ab\ncd\bef\u007fgh\u0001ij', noKey)
    expect(presses).toEqual([
      { name: 'text', ctrl: false, meta: false, shift: false, text: 'ab' },
      { name: 'enter', ctrl: false, meta: false, shift: false, text: '' },
      { name: 'text', ctrl: false, meta: false, shift: false, text: 'cd' },
      { name: 'backspace', ctrl: false, meta: false, shift: false, text: '' },
      { name: 'text', ctrl: false, meta: false, shift: false, text: 'ef' },
      { name: 'backspace', ctrl: false, meta: false, shift: false, text: '' },
      { name: 'text', ctrl: false, meta: false, shift: false, text: 'gh' },
      { name: 'a', ctrl: true, meta: false, shift: false, text: '' },
      { name: 'text', ctrl: false, meta: false, shift: false, text: 'ij' },
    ])
  })

  it('reads the Ctrl characters past Z as the punctuation keys they stand for, NUL as Ctrl+Space, and keeps spaces and Esc as text', () => {
    const chords = toKeyPresses('\u001a\u001c\u001d\u001e\u001f', noKey)
    expect(chords.map((p) => [p.name, p.ctrl])).toEqual([
      ['z', true],
      ['\\', true],
      [']', true],
      ['^', true],
      ['_', true],
    ])
    expect(toKeyPresses('a\0b', noKey).map((p) => [p.name, p.ctrl, p.text])).toEqual([
      ['a', false, 'a'],
      ['space', true, ''],
      ['b', false, 'b'],
    ])
    expect(toKeyPresses('a b', noKey)).toEqual([{ name: 'text', ctrl: false, meta: false, shift: false, text: 'a b' }])
    expect(toKeyPresses('a\u001bb', noKey).map((p) => p.text)).toEqual(['a\u001bb'])
  })
})

describe('toKeyPresses, Alt sequences', () => {
  it('keeps a sequence of several characters as it came, capitals included', () => {
    expect(toKeyPresses('Ab', key({ meta: true }))[0]?.name).toBe('Ab')
  })
})
