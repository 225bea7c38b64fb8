import { Box, Text } from 'ink'
import { hintsFor } from '../../keys/format.js'
import type { Command, Context } from '../../keys/keymap.js'
import { useTheme } from '../theme.js'

/** The bottom line: the keys that matter right now, straight from the keymap. */
interface Props {
  contexts: readonly Context[]
  width: number
  /** A text cursor is active: printable keys type, so hints show chords. */
  typing?: boolean
  /** Commands that do nothing right now (e.g. retry before anything failed). */
  exclude?: readonly Command[]
  /** The first key of a chord was pressed: show what can follow it. */
  chord?: string | undefined
}

export function HintBar({ contexts, width, typing, exclude, chord }: Props) {
  const theme = useTheme()
  const hints = hintsFor(contexts, { typing, ...(exclude ? { exclude } : {}), ...(chord ? { chord } : {}) })
  const parts: { key: string; label: string }[] = []
  let used = 0
  for (const hint of hints) {
    const size = hint.key.length + hint.label.length + 3
    if (used + size > width) break
    parts.push(hint)
    used += size
  }
  return (
    <Box height={1} overflow="hidden">
      <Text wrap="truncate-end">
        {parts.map((hint, i) => (
          <Text key={`${hint.key}-${hint.label}`}>
            {i > 0 ? '  ' : ''}
            <Text bold color={theme.color('accent')}>
              {hint.key}
            </Text>{' '}
            <Text color={theme.color('muted')}>{hint.label}</Text>
          </Text>
        ))}
      </Text>
    </Box>
  )
}
