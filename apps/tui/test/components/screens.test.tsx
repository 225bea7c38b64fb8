import { render } from 'ink-testing-library'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { createEditor, editorReducer } from '../../src/state/editor.js'
import { toForm } from '../../src/state/form.js'
import { HintBar } from '../../src/ui/components/HintBar.js'
import { EditorScreen, LinearEditor } from '../../src/ui/screens/EditorScreen.js'
import { createTheme, ThemeProvider, wantsColor } from '../../src/ui/theme.js'

const base = toForm({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', background: 'Notes' })
const edited = [
  { type: 'edit', field: 'email', value: 'nope', kind: 'insert' },
  { type: 'focus', field: 'email' },
] as const
const editor = edited.reduce(editorReducer, createEditor({ contactId: 'jd79abc123def', title: 'Ada', base }))

function withTheme(node: ReactNode, color: boolean) {
  return <ThemeProvider theme={createTheme({ color })}>{node}</ThemeProvider>
}

describe('editor screen', () => {
  it('marks the changed field with * and puts the schema error under it, without relying on colour', () => {
    const { lastFrame } = render(withTheme(<EditorScreen editor={editor} stages={[]} width={100} height={30} />, false))
    const frame = lastFrame() ?? ''
    expect(frame).toMatch(/› Email\*\s+nope/)
    expect(frame).toContain('✗ Email: must be a valid email address')
    expect(frame).toContain('── Background')
    expect(frame).toContain('5/5000')
  })

  it('has a linear layout for screen readers', () => {
    const { lastFrame } = render(withTheme(<LinearEditor editor={editor} />, false))
    expect(lastFrame()).toContain('Field 3 of 14: Email. Value: nope. Changed.')
    expect(lastFrame()).toContain('1 unsaved changes.')
  })
})

describe('hint bar', () => {
  it('shows chords instead of printable keys while typing', () => {
    expect(render(withTheme(<HintBar contexts={['list', 'global']} width={100} />, false)).lastFrame()).toContain(
      '? help',
    )
    expect(
      render(withTheme(<HintBar contexts={['editor', 'global']} width={100} typing />, false)).lastFrame(),
    ).toContain('Ctrl+/ help')
  })

  it('drops hints that do not fit', () => {
    const frame = render(withTheme(<HintBar contexts={['editor', 'global']} width={30} />, false)).lastFrame() ?? ''
    expect(frame.length).toBeLessThanOrEqual(30)
  })
})

describe('NO_COLOR', () => {
  it('turns colour off for any non-empty value, and --no-color too', () => {
    expect(wantsColor({})).toBe(true)
    expect(wantsColor({ NO_COLOR: '1' })).toBe(false)
    expect(wantsColor({}, false)).toBe(false)
  })

  it('maps every role to no colour in the no-colour theme', () => {
    const roles = ['accent', 'muted', 'error', 'warning', 'success', 'sandbox', 'changed'] as const
    expect(roles.map((role) => createTheme({ color: false }).color(role))).toEqual(roles.map(() => undefined))
    expect(createTheme({ color: true }).color('error')).toBe('red')
  })
})
