import { Box, Text } from 'ink'
import { helpSections, keyLabel } from '../../keys/format.js'
import { useTheme } from '../theme.js'

/** Every key binding, from the keymap, as lines (so it scrolls by line). */
function helpLines(): { text: string; heading: boolean }[] {
  const lines: { text: string; heading: boolean }[] = []
  for (const section of helpSections()) {
    if (section.rows.length === 0) continue
    lines.push({ text: section.title, heading: true })
    for (const row of section.rows) lines.push({ text: `  ${row.keys.padEnd(28)} ${row.description}`, heading: false })
  }
  return lines
}

export function HelpScreen({ top, height }: { top: number; height: number }) {
  const theme = useTheme()
  const lines = helpLines()
  const start = Math.max(0, Math.min(top, lines.length - height + 1))
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>
        Keys{' '}
        <Text color={theme.color('muted')}>
          ({start + 1}–{Math.min(lines.length, start + height - 1)} of {lines.length}, {keyLabel('help.up')}/
          {keyLabel('help.down')} to scroll)
        </Text>
      </Text>
      {lines.slice(start, start + height - 1).map((line, i) => (
        <Text key={i} bold={line.heading} color={line.heading ? theme.color('accent') : undefined} wrap="truncate-end">
          {line.text}
        </Text>
      ))}
    </Box>
  )
}
