import { Text } from 'ink'
import { displayLine } from '../../text/sanitize.js'
import { useTheme } from '../theme.js'

/** Columns of a field's label ("› " + the label and its `*`, padded, + a space); the value starts after them. */
const LABEL_WIDTH = 14
export const LABEL_COLUMNS = LABEL_WIDTH + 3

/** The label column: `›` on the focused field, `*` on a changed one (nothing relies on colour alone). */
export function FieldLabel({ label, focused, changed }: { label: string; focused: boolean; changed: boolean }) {
  const theme = useTheme()
  return (
    <Text bold={focused} color={focused ? theme.color('accent') : undefined}>
      {`${focused ? '›' : ' '} ${`${label}${changed ? '*' : ' '}`.padEnd(LABEL_WIDTH)}`}
    </Text>
  )
}

/** A line under a field: its error (✗, perhaps the server's words: cleaned) or a note about it (ℹ), lined up with the values. */
export function FieldMessage({ kind, text }: { kind: 'error' | 'notice'; text: string }) {
  const theme = useTheme()
  return (
    <Text color={theme.color(kind === 'error' ? 'error' : 'muted')} wrap="truncate-end">
      {`${' '.repeat(LABEL_COLUMNS)}${kind === 'error' ? '✗' : 'ℹ'} ${displayLine(text)}`}
    </Text>
  )
}
