import { render } from 'ink-testing-library'
import type { ReactNode } from 'react'
import { editorReducer } from '../../src/state/editor/editor.js'
import { createEditor, type EditorState } from '../../src/state/editor/state.js'
import { toForm } from '../../src/state/form.js'
import { createTheme, ThemeProvider } from '../../src/ui/theme.js'

/** The contact the screen tests edit. */
export const base = toForm({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', background: 'Notes' })

const edited = [
  { type: 'edit', field: 'email', value: 'nope', kind: 'insert' },
  { type: 'focus', field: 'email' },
] as const

/** An editor on `base` with an invalid email typed and focused. */
export const editedEditor = edited.reduce(
  editorReducer,
  createEditor({ contactId: 'jd79abc123def', title: 'Ada', base }),
)

export function withTheme(node: ReactNode, color: boolean) {
  return <ThemeProvider theme={createTheme({ color })}>{node}</ThemeProvider>
}

/** A linear-layout frame as one line: sentences wrap at the terminal's width (100 columns here) on spaces. */
export const linear = (node: ReactNode) =>
  (render(<ThemeProvider theme={createTheme({ color: true, linear: true })}>{node}</ThemeProvider>).lastFrame() ?? '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join(' ')

/** An editor with two changes (one long), in review, then after `actions`. */
export const reviewing = (...actions: Parameters<typeof editorReducer>[1][]): EditorState =>
  [
    { type: 'edit', field: 'firstName', value: 'Augusta', kind: 'replace' } as const,
    { type: 'edit', field: 'background', value: 'abcdefghi '.repeat(30).trim(), kind: 'replace' } as const,
    { type: 'review' } as const,
    ...actions,
  ].reduce(editorReducer, createEditor({ contactId: 'jd79abc123def', title: 'Ada Lovelace', base }))
