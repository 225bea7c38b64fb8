import { describe, expect, it } from 'vitest'
import { formatBinding, helpSections, hintsFor, keyLabel, keyTableMarkdown, spokenKeyLabel } from './format.js'
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

describe('key labels', () => {
  it('name keys with modifiers, and keys without a short name as they are', () => {
    expect(formatBinding('alt+b')).toBe('Alt+B')
    expect(formatBinding('ctrl+space')).toBe('Ctrl+Space')
    expect(formatBinding('alt+backspace')).toBe('Alt+Backspace')
    expect(formatBinding('shift+f5')).toBe('Shift+f5')
    expect(formatBinding('pageup')).toBe('PgUp')
  })

  it('name a command by its first binding, and spell out for a screen reader what it would read as letters', () => {
    expect(keyLabel('list.quit')).toBe('q')
    expect(keyLabel('search.cancel')).toBe('Esc')
    expect(spokenKeyLabel('search.cancel')).toBe('Escape')
    expect(spokenKeyLabel('list.pageUp')).toBe('Page Up')
    expect(spokenKeyLabel('list.pageDown')).toBe('Page Down')
    expect(spokenKeyLabel('list.open')).toBe('Enter')
  })
})

describe('hints', () => {
  it('show a command’s key with a modifier while typing, and leave out one that has only printable keys', () => {
    const typing = hintsFor(['list'], { typing: true })
    expect(typing).toContainEqual({ key: 'Esc', label: 'quit' })
    expect(typing.map((h) => h.label)).not.toContain('search')
    const browsing = hintsFor(['list'])
    expect(browsing).toContainEqual({ key: 'q', label: 'quit' })
    expect(browsing).toContainEqual({ key: '/', label: 'search' })
  })

  it('leave out commands without a hint and the ones excluded', () => {
    const labels = hintsFor(['global']).map((h) => h.label)
    expect(labels).toEqual(['help'])
    expect(hintsFor(['global'], { exclude: ['app.help'] })).toEqual([])
  })

  it('keep the first command a key is hinted for', () => {
    const review = hintsFor(['review'])
    const both = hintsFor(['review', 'conflict'])
    expect(both.slice(0, review.length)).toEqual(review)
    const keys = both.map((h) => h.key)
    expect(keys.filter((k) => k === 'Esc')).toHaveLength(1)
    expect(both.find((h) => h.key === 'Esc')).toEqual(review.find((h) => h.key === 'Esc'))
  })

  it('after the first key of a chord, show only what can follow and how to cancel', () => {
    const hints = hintsFor(['editor', 'chord', 'global'], { chord: 'ctrl+x' })
    expect(hints.map((h) => h.key)).toEqual(expect.arrayContaining(['d', 'a', 'Esc']))
    expect(hints.map((h) => h.label)).not.toContain('help')
    expect(hints.map((h) => h.key)).not.toContain('Ctrl+S')
  })
})

describe('arrow and editing key names', () => {
  it('show the arrows as arrows and the other movement keys by their names', () => {
    expect(formatBinding('up')).toBe('↑')
    expect(formatBinding('down')).toBe('↓')
    expect(formatBinding('left')).toBe('←')
    expect(formatBinding('right')).toBe('→')
    expect(formatBinding('home')).toBe('Home')
    expect(formatBinding('end')).toBe('End')
    expect(formatBinding('delete')).toBe('Delete')
    expect(formatBinding('alt+delete')).toBe('Alt+Delete')
  })
})

describe('the README key table', () => {
  it('opens every section with its title, a blank line and the table head, and ends it with a blank line', () => {
    const sections = helpSections()
    const [first, second] = sections
    const table = keyTableMarkdown()
    expect(table.split('\n').slice(0, 5)).toEqual([
      `#### ${first?.title}`,
      '',
      '| Keys | Action |',
      '| --- | --- |',
      `| ${first?.rows[0]?.keys} | ${first?.rows[0]?.description} |`,
    ])
    const lastRowOfFirst = first?.rows.at(-1)
    expect(table).toContain(
      `| ${lastRowOfFirst?.keys} | ${lastRowOfFirst?.description} |\n\n#### ${second?.title}\n\n| Keys | Action |\n`,
    )
    expect(table.split('\n').filter((line) => line.startsWith('#### '))).toHaveLength(sections.length)
  })

  it('has no blank line after the last row', () => {
    const table = keyTableMarkdown()
    const last = helpSections().at(-1)?.rows.at(-1)
    expect(table.endsWith(`| ${last?.keys} | ${last?.description} |`)).toBe(true)
  })
})
