import { Box, Text } from 'ink'
import type { ReactNode } from 'react'
import type { Command, Context } from '../../keys/keymap.js'
import { displayLine } from '../../text/sanitize.js'
import { HintBar } from '../components/HintBar.js'
import { useTheme } from '../theme.js'

/** What the hint bar shows for the current mode (see `Screen.hints`). */
export interface Hints {
  /** Keymap contexts, most specific first; `global` comes after them. */
  contexts: Context[]
  /** A text cursor is active: printable keys type, so hints show chords. */
  typing?: boolean
  /** Commands that do nothing right now (e.g. retry before anything failed). */
  exclude?: Command[]
  /** Waiting for the second key of a chord that starts with this key (`ctrl+x`). */
  chord?: string
}

export interface FrameProps {
  session: { mode: 'sandbox' | 'api'; label: string }
  /** Right of the header: what is open and how it stands. */
  title: string
  status: ReactNode
  hints: Hints
  width: number
  height: number
  bodyHeight: number
  children: ReactNode
}

/** Every screen's frame: the header, the screen in `bodyHeight` rows, the status line and the hint bar. */
export function Frame({ session, title, status, hints, width, height, bodyHeight, children }: FrameProps) {
  const theme = useTheme()
  const sandbox = session.mode === 'sandbox'
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box height={1}>
        {/* The app and where it is connected stay whole; a long title gives way, from its start. */}
        <Box flexShrink={0}>
          <Text bold>Client Commander</Text>
          <Text> · </Text>
          <Text bold={sandbox} color={sandbox ? theme.color('sandbox') : theme.color('muted')}>
            {displayLine(session.label)}
          </Text>
        </Box>
        <Box flexGrow={1} minWidth={1} />
        <Box flexShrink={1} overflow="hidden">
          <Text wrap="truncate-start">{displayLine(title)}</Text>
        </Box>
      </Box>
      <Box height={bodyHeight} flexDirection="column" overflow="hidden">
        {children}
      </Box>
      <Box height={1}>{status}</Box>
      <HintBar
        contexts={[...hints.contexts, 'global']}
        width={width}
        typing={hints.typing ?? false}
        exclude={hints.exclude ?? []}
        chord={hints.chord}
      />
    </Box>
  )
}
