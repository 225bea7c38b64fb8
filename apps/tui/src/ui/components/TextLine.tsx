import { Text } from 'ink'
import { useTheme } from '../theme.js'

interface Props {
  value: string
  cursor: number
  focused: boolean
  width: number
  placeholder?: string
}

/** The window of a long value that keeps the cursor in view. */
function visibleWindow(value: string, cursor: number, width: number): { start: number; end: number } {
  if (value.length < width) return { start: 0, end: value.length }
  // Room for the text, the ellipsis and the cursor cell.
  const room = Math.max(1, width - 2)
  const start = Math.max(0, cursor - room + 1)
  return { start, end: Math.min(value.length, start + room) }
}

/** One line of editable text with a visible cursor (inverse), scrolled sideways to keep the cursor on screen. */
export function TextLine({ value, cursor, focused, width, placeholder }: Props) {
  const theme = useTheme()
  if (!focused) {
    if (value === '') return <Text color={theme.color('muted')}>{placeholder ?? ''}</Text>
    return <Text wrap="truncate-end">{value}</Text>
  }
  const { start, end } = visibleWindow(value, cursor, width)
  const before = value.slice(start, cursor)
  const at = value.slice(cursor, cursor + 1) || ' '
  const after = value.slice(cursor + 1, Math.max(cursor + 1, end))
  return (
    <Text wrap="truncate-end">
      {start > 0 ? '…' : ''}
      {before}
      <Text inverse>{at}</Text>
      {after}
    </Text>
  )
}
