import { describe, expect, it } from 'vitest'
import { one } from '../../test/support/keys.js'
import { commandFor, matches, parseBinding } from './match.js'

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
})
