import { Box, Text } from 'ink'
import { useRef } from 'react'
import { cursorRow, layoutRows } from '../../text/multiline.js'
import { useTheme } from '../theme.js'

interface Props {
  value: string
  cursor: number
  focused: boolean
  width: number
  height: number
}

/** Keep `top` where it was unless the cursor row left the window (scrolling like an editor, not a pager). */
export function scrollTop(previous: number, cursorIndex: number, height: number, total: number): number {
  let top = Math.min(previous, Math.max(0, total - height))
  if (cursorIndex < top) top = cursorIndex
  if (cursorIndex >= top + height) top = cursorIndex - height + 1
  return Math.max(0, top)
}

/**
 * A soft-wrapped, scrolled view of multi-line text with a cursor. Only the visible rows are drawn,
 * so a 5000-character background costs the same to redraw as a short one.
 */
export function MultilineBox({ value, cursor, focused, width, height }: Props) {
  const theme = useTheme()
  const topRef = useRef(0)
  const rows = layoutRows(value, width)
  const index = focused ? cursorRow(rows, cursor) : 0
  const top = focused ? scrollTop(topRef.current, index, height, rows.length) : 0
  topRef.current = top
  const more = !focused && rows.length > height
  const visible = rows.slice(top, top + (more ? height - 1 : height))
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {value === '' && !focused ? <Text color={theme.color('muted')}>(empty)</Text> : null}
      {visible.map((row, i) => {
        const text = value.slice(row.start, row.end)
        const rowIndex = top + i
        if (!focused || rowIndex !== index) return <Text key={row.start}>{text || ' '}</Text>
        const column = cursor - row.start
        return (
          <Text key={row.start}>
            {text.slice(0, column)}
            <Text inverse>{text.slice(column, column + 1) || ' '}</Text>
            {text.slice(column + 1)}
          </Text>
        )
      })}
      {more ? <Text color={theme.color('muted')}>… {rows.length - visible.length} more lines</Text> : null}
    </Box>
  )
}
