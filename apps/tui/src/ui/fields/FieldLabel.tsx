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

const messageLook = {
  error: { icon: '✗', role: 'error' },
  warning: { icon: '!', role: 'warning' },
  notice: { icon: 'ℹ', role: 'muted' },
} as const

/**
 * A line under a field, lined up with the values: its error (✗, perhaps the server's words: cleaned), a warning (!)
 * or a note about it (ℹ).
 */
export function FieldMessage({ kind, text }: { kind: keyof typeof messageLook; text: string }) {
  const theme = useTheme()
  const { icon, role } = messageLook[kind]
  return (
    <Text color={theme.color(role)} wrap="truncate-end">
      {`${' '.repeat(LABEL_COLUMNS)}${icon} ${displayLine(text)}`}
    </Text>
  )
}
