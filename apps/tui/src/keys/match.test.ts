import { describe, expect, it } from 'vitest'
import { one } from '../../test/support/keys.js'
import { chordCommandFor, commandFor, matches, parseBinding, parseKeys } from './match.js'

describe('matching keys to bindings', () => {
  it('parses bindings with modifiers', () => {
    expect(parseBinding('ctrl+shift+tab')).toEqual({ name: 'tab', ctrl: true, meta: false, shift: true })
    expect(parseBinding('?')).toEqual({ name: '?', ctrl: false, meta: false, shift: false })
    expect(() => parseBinding('hyper+x')).toThrow(/Unknown modifier "hyper"/)
    expect(parseBinding('ctrl++')).toEqual({ name: '+', ctrl: true, meta: false, shift: false })
    expect(parseBinding('alt+shift++')).toEqual({ name: '+', ctrl: false, meta: true, shift: true })
  })

  it('matches printable keys by the character and chords by name and modifiers', () => {
    expect(matches('app.help', one('?', { shift: true }))).toBe(true)
    expect(commandFor('list', one('G', { shift: true }))).toBe('list.last')
    expect(commandFor('list', one('g'))).toBe('list.first')
    expect(commandFor('editor', one('s', { ctrl: true }))).toBe('editor.review')
    expect(commandFor('editor', one('s'))).toBeUndefined()
    expect(matches('app.help', one('_', { ctrl: true }))).toBe(true)
  })

  it('parses a chord as its two keys, and refuses more', () => {
    expect(parseKeys('ctrl+x d')).toEqual([
      { name: 'x', ctrl: true, meta: false, shift: false },
      { name: 'd', ctrl: false, meta: false, shift: false },
    ])
    expect(() => parseKeys('ctrl+x d e')).toThrow(/not one or two keys/)
    expect(() => parseKeys('ctrl+x  d')).toThrow(/not one or two keys/)
    expect(() => parseBinding('ctrl+x d')).toThrow(/is a chord/)
  })

  it('matches a chord only as its two keys, the second one by the character it types', () => {
    expect(commandFor('editor', one('x', { ctrl: true }))).toBe('editor.chord')
    expect(matches('editor.delete', one('d'))).toBe(false)
    expect(chordCommandFor('editor', 'ctrl+x', one('d'))).toBe('editor.delete')
    expect(chordCommandFor('editor', 'ctrl+x', one('a'))).toBe('editor.log')
    expect(chordCommandFor('editor', 'ctrl+x', one('D', { shift: true }))).toBeUndefined()
    expect(chordCommandFor('editor', 'ctrl+x', one('d', { ctrl: true }))).toBeUndefined()
    expect(chordCommandFor('editor', 'ctrl+y', one('d'))).toBeUndefined()
    expect(chordCommandFor('list', 'ctrl+x', one('d'))).toBeUndefined()
  })

  it('binds redo to Ctrl+Y and Ctrl+Shift+Z, undo to Ctrl+Z alone', () => {
    expect(commandFor('editor', one('y', { ctrl: true }))).toBe('editor.redo')
    expect(commandFor('editor', one('z', { ctrl: true, shift: true }))).toBe('editor.redo')
    expect(commandFor('editor', one('z', { ctrl: true }))).toBe('editor.undo')
    expect(commandFor('activity', one('y', { ctrl: true }))).toBe('activity.redo')
  })
})

describe('parsing bindings', () => {
  it('reads Alt as the meta flag Ink reports', () => {
    expect(parseBinding('alt+b')).toEqual({ name: 'b', ctrl: false, meta: true, shift: false })
  })

  it('reads a lone plus, and a plus after a modifier, as the plus key', () => {
    expect(parseBinding('+')).toEqual({ name: '+', ctrl: false, meta: false, shift: false })
    expect(parseBinding('shift+')).toEqual({ name: '+', ctrl: false, meta: false, shift: true })
  })

  it('parses the same binding the same way every time', () => {
    expect(parseBinding('ctrl+k')).toEqual(parseBinding('ctrl+k'))
    expect(parseBinding('ctrl+k')).toEqual({ name: 'k', ctrl: true, meta: false, shift: false })
  })
})

describe('matching special keys', () => {
  it('tells Tab from Shift+Tab, and Ctrl and Alt chords apart', () => {
    expect(commandFor('editor', one('', { tab: true }))).toBe('editor.next')
    expect(commandFor('editor', one('', { tab: true, shift: true }))).toBe('editor.previous')
    expect(commandFor('text', one('b', { ctrl: true }))).toBe('text.left')
    expect(commandFor('text', one('b', { meta: true }))).toBe('text.wordLeft')
    expect(commandFor('text', one('b', { ctrl: true, meta: true }))).toBeUndefined()
    expect(commandFor('text', one('', { leftArrow: true, ctrl: true }))).toBe('text.wordLeft')
  })

  it('never lets a chord with Ctrl or Alt stand for the printable key it names', () => {
    expect(commandFor('list', one('q', { ctrl: true }))).toBeUndefined()
    expect(commandFor('list', one('q', { meta: true }))).toBeUndefined()
    expect(commandFor('list', one('q'))).toBe('list.quit')
  })
})

describe('parsing chords', () => {
  it('refuses a chord with a key missing on either side', () => {
    expect(() => parseKeys('ctrl+x ')).toThrow(/not one or two keys/)
    expect(() => parseKeys(' d')).toThrow(/not one or two keys/)
    expect(parseKeys('d')).toEqual([{ name: 'd', ctrl: false, meta: false, shift: false }])
  })
})

describe('matching a key press made by hand', () => {
  it('never takes a Ctrl or Alt press for a printable binding, even when it carries the character', () => {
    const press = { name: 'q', ctrl: false, meta: false, shift: false, text: 'q' }
    expect(commandFor('list', press)).toBe('list.quit')
    expect(commandFor('list', { ...press, ctrl: true })).toBeUndefined()
    expect(commandFor('list', { ...press, meta: true })).toBeUndefined()
    expect(chordCommandFor('editor', 'ctrl+x', { ...press, name: 'd', text: 'd', meta: true })).toBeUndefined()
  })
})

describe('parsing bindings once', () => {
  it('gives back the very binding it parsed before', () => {
    const first = parseBinding('ctrl+shift+k')
    expect(parseBinding('ctrl+shift+k')).toBe(first)
  })
})
