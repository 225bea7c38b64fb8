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
  const options = { typing, ...(exclude ? { exclude } : {}), ...(chord ? { chord } : {}) }
  const hints = hintsFor(contexts, options)
  const size = (hint: { key: string; label: string }) => hint.key.length + hint.label.length + 3
  // The keys that work everywhere (help) keep their place at the end: the screen's own hints give way first.
  const everywhere = new Set(
    contexts.includes('global') ? hintsFor(['global'], options).map((hint) => `${hint.key} ${hint.label}`) : [],
  )
  let kept = hints.filter((hint) => everywhere.has(`${hint.key} ${hint.label}`))
  let room = width - kept.reduce((sum, hint) => sum + size(hint), 0)
  if (room < 0) {
    kept = []
    room = width
  }
  const parts: { key: string; label: string }[] = []
  for (const hint of hints) {
    if (everywhere.has(`${hint.key} ${hint.label}`)) continue
    if (size(hint) > room) break
    parts.push(hint)
    room -= size(hint)
  }
  parts.push(...kept)
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
