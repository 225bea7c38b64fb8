import { describe, expect, it } from 'vitest'
import { formatBinding, helpSections, hintsFor, keyTableMarkdown } from './format.js'
import { commands } from './keymap.js'

describe('key names, hints and help', () => {
  it('formats bindings for people', () => {
    expect(formatBinding('ctrl+s')).toBe('Ctrl+S')
    expect(formatBinding('shift+tab')).toBe('Shift+Tab')
    expect(formatBinding('ctrl+_')).toBe('Ctrl+/')
    expect(formatBinding(',')).toBe('Comma')
    expect(formatBinding('G')).toBe('G')
    expect(formatBinding('ctrl+x d')).toBe('Ctrl+X d')
    expect(formatBinding('ctrl+shift+z')).toBe('Ctrl+Shift+Z')
  })

  it('shows a chord in the hints of its first key only, and after it the keys that can follow', () => {
    const editor = hintsFor(['editor', 'global'], { typing: true })
    expect(editor).toContainEqual({ key: 'Ctrl+X', label: 'delete, log…' })
    expect(editor).toContainEqual({ key: 'Ctrl+Y', label: 'redo' })
    expect(editor.map((h) => h.key)).not.toContain('Ctrl+X d')
    expect(hintsFor(['editor', 'chord', 'global'], { chord: 'ctrl+x', exclude: ['editor.openMatch'] })).toEqual([
      { key: 'd', label: 'delete' },
      { key: 'a', label: 'log' },
      { key: 'Esc', label: 'cancel' },
    ])
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
    expect(table).toContain('| Ctrl+X d | Delete this contact (asks first) |')
    expect(table).toContain('| Ctrl+Y, Ctrl+Shift+Z | Redo what undo took back |')
  })
})
