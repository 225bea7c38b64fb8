import type { Key } from 'ink'
import { describe, expect, it } from 'vitest'
import { formatBinding, helpSections, hintsFor, keyTableMarkdown } from '../../src/keys/format.js'
import { commands, keymap } from '../../src/keys/keymap.js'
import { toKeyPresses } from '../../src/keys/keypress.js'
import { commandFor, matches, parseBinding } from '../../src/keys/match.js'

const noKey: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
}
const key = (over: Partial<Key>): Key => ({ ...noKey, ...over })
/** The single key press Ink's (input, key) turns into. */
const one = (input: string, over: Partial<Key> = {}) => {
  const [press, ...rest] = toKeyPresses(input, key(over))
  if (!press || rest.length > 0) throw new Error(`expected one key press for ${JSON.stringify(input)}`)
  return press
}

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

describe('keymap', () => {
  it('parses bindings with modifiers', () => {
    expect(parseBinding('ctrl+shift+tab')).toEqual({ name: 'tab', ctrl: true, meta: false, shift: true })
    expect(parseBinding('?')).toEqual({ name: '?', ctrl: false, meta: false, shift: false })
    expect(() => parseBinding('hyper+x')).toThrow(/Unknown modifier "hyper"/)
  })

  it('has only valid bindings and a description for every command', () => {
    for (const command of commands) {
      const spec = keymap[command]
      expect(spec.description.length, command).toBeGreaterThan(3)
      expect(spec.keys.length, command).toBeGreaterThan(0)
      for (const binding of spec.keys) expect(() => parseBinding(binding)).not.toThrow()
    }
  })

  it('has no key bound twice within one context', () => {
    const seen = new Map<string, string>()
    for (const command of commands) {
      const spec = keymap[command]
      for (const binding of spec.keys) {
        const id = `${spec.context}:${binding}`
        expect(seen.get(id), `${binding} in ${spec.context}: ${command} and ${seen.get(id)}`).toBeUndefined()
        seen.set(id, command)
      }
    }
  })

  it('matches printable keys by the character and chords by name and modifiers', () => {
    expect(matches('app.help', one('?', { shift: true }))).toBe(true)
    expect(commandFor('list', one('G', { shift: true }))).toBe('list.last')
    expect(commandFor('list', one('g'))).toBe('list.first')
    expect(commandFor('editor', one('s', { ctrl: true }))).toBe('editor.review')
    expect(commandFor('editor', one('s'))).toBeUndefined()
    expect(matches('app.help', one('_', { ctrl: true }))).toBe(true)
  })

  it('formats bindings for people', () => {
    expect(formatBinding('ctrl+s')).toBe('Ctrl+S')
    expect(formatBinding('shift+tab')).toBe('Shift+Tab')
    expect(formatBinding('ctrl+_')).toBe('Ctrl+/')
    expect(formatBinding(',')).toBe('Comma')
    expect(formatBinding('G')).toBe('G')
  })

  it('builds hints from the most specific context first, without repeating a key', () => {
    const hints = hintsFor(['review', 'global'])
    expect(hints[0]).toEqual({ key: 'Enter', label: 'save' })
    expect(hints.map((h) => h.label)).toContain('help')
    expect(new Set(hints.map((h) => h.key)).size).toBe(hints.length)
  })

  it('lists every command in the help sections and the README table', () => {
    const rows = helpSections().flatMap((section) => section.rows)
    expect(rows).toHaveLength(commands.length)
    const table = keyTableMarkdown()
    expect(table).toContain('| Ctrl+S | Review the changes, then save |')
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
