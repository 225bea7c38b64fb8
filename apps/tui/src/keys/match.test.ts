import { describe, expect, it } from 'vitest'
import { one } from '../../test/support/keys.js'
import { chordCommandFor, commandFor, matches, parseBinding, parseKeys } from './match.js'

describe('matching keys to bindings', () => {
  it('parses bindings with modifiers', () => {
    expect(parseBinding('ctrl+shift+tab')).toEqual({ name: 'tab', ctrl: true, meta: false, shift: true })
    expect(parseBinding('?')).toEqual({ name: '?', ctrl: false, meta: false, shift: false })
    expect(() => parseBinding('hyper+x')).toThrow(/Unknown modifier "hyper"/)
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
