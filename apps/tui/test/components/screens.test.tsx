import { render } from 'ink-testing-library'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { findConflicts } from '../../src/state/editor/conflict.js'
import { editorReducer } from '../../src/state/editor/editor.js'
import { createEditor, type EditorState } from '../../src/state/editor/state.js'
import { toForm } from '../../src/state/form.js'
import { HintBar } from '../../src/ui/components/HintBar.js'
import { ConflictScreen, LinearConflict } from '../../src/ui/screens/ConflictScreen.js'
import { EditorScreen } from '../../src/ui/screens/EditorScreen.js'
import { LinearEditor } from '../../src/ui/screens/LinearEditor.js'
import { LinearReview } from '../../src/ui/screens/ReviewScreen.js'
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
    expect(lastFrame()).toContain('1 unsaved change.')
  })
})

describe('linear layout (INK_SCREEN_READER)', () => {
  // The frame as one line: sentences wrap at the terminal's width (100 columns here) on spaces.
  const linear = (node: ReactNode) =>
    (render(<ThemeProvider theme={createTheme({ color: true, linear: true })}>{node}</ThemeProvider>).lastFrame() ?? '')
      .split('\n')
      .map((line) => line.trimEnd())
      .join(' ')
  const reviewing = (...actions: Parameters<typeof editorReducer>[1][]): EditorState =>
    [
      { type: 'edit', field: 'firstName', value: 'Augusta', kind: 'replace' } as const,
      { type: 'edit', field: 'background', value: 'abcdefghi '.repeat(30).trim(), kind: 'replace' } as const,
      { type: 'review' } as const,
      ...actions,
    ].reduce(editorReducer, createEditor({ contactId: 'jd79abc123def', title: 'Ada Lovelace', base }))

  it('reads the review as one sentence per change, long values cut with their length', () => {
    const frame = linear(<LinearReview editor={reviewing()} />)
    expect(frame).toContain('Review 2 changes to Ada Lovelace.')
    expect(frame).toContain('Change 1 of 2: First name, from "Ada" to "Augusta".')
    expect(frame).toMatch(
      /Change 2 of 2: Background, from "Notes" to "(abcdefghi ){11}abcdefghi…" \(299 characters\)\./,
    )
    expect(frame).toContain('Press Enter to save, Escape to go back.')
    // No box drawing, no columns: nothing a screen reader would spell out.
    expect(frame).not.toMatch(/[─│╭╮]/)
  })

  it('says how a failed save ended and what to do next', () => {
    const frame = linear(
      <LinearReview
        editor={reviewing({ type: 'saveStarted' }, { type: 'saveFailed', message: 'The server had a problem (500).' })}
      />,
    )
    expect(frame).toContain('Not saved: The server had a problem (500). Press r to retry')
    expect(frame).toContain('Your draft is kept.')
  })

  it('reads a conflict as the highlighted field in full, then every choice', () => {
    const mine = { ...base, firstName: 'Mine', city: 'Mytown' }
    const theirs = { ...base, firstName: 'Theirs', city: 'Theirtown' }
    const editor = reviewing(
      { type: 'saveStarted' },
      { type: 'conflictDetected', theirs, conflicts: findConflicts(base, mine, theirs) },
    )
    if (editor.save.phase !== 'conflict') throw new Error('expected a conflict')
    const conflict = editor.save.conflict
    const frame = linear(<LinearConflict conflict={conflict} />)
    expect(frame).toContain('Conflict: someone changed this contact since you opened it. 2 fields were changed')
    expect(frame).toContain(
      'Field 1 of 2: First name. When you opened it: "Ada". Theirs: "Theirs". Mine: "Mine". Keeping mine.',
    )
    expect(frame).toContain('Choices: First name, mine; City, mine.')
    const chosen = editorReducer(editor, { type: 'conflictChoose', side: 'theirs' })
    if (chosen.save.phase !== 'conflict') throw new Error('expected a conflict')
    expect(linear(<LinearConflict conflict={chosen.save.conflict} />)).toContain(
      'Choices: First name, theirs; City, mine.',
    )
    // The full-screen layout draws the same conflict as columns with ○/● markers instead.
    expect(linear(<ConflictScreen conflict={conflict} height={20} />)).toContain('● mine    Mine')
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
