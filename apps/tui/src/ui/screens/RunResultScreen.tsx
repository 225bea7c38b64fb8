import { Box, Text } from 'ink'
import { keyLabel, spokenKeyLabel } from '../../keys/format.js'
import type { RunResult } from '../../state/jobs/run-progress.js'
import { displayLine } from '../../text/sanitize.js'
import { useTheme } from '../theme.js'

interface Props {
  title: string
  result: RunResult
  /** The first failure shown (the list scrolls). */
  top: number
  unit: string
  height: number
}

/** A run that ended: the outcomes, why it stopped (if it did), and each failure with its reason. */
export function RunResultScreen({ title, result, top, unit, height }: Props) {
  const theme = useTheme()
  const n = (count: number) => count.toLocaleString('en-US')
  const room = Math.max(1, height - 8)
  const first = Math.min(top, Math.max(0, result.issues.length - room))
  const shown = result.issues.slice(first, first + room)
  return (
    <Box flexDirection="column" paddingLeft={1}>
      <Text bold wrap="truncate-end">
        {`${result.stopped ? 'Stopped' : 'Done'}: ${displayLine(title)}`}
      </Text>
      <Text>{`${n(result.done)} of ${n(result.total)} ${unit} done · ${result.counts.map(([label, count]) => `${n(count)} ${label}`).join(' · ')}`}</Text>
      {result.stopped ? <Text color={theme.color('warning')}>{`Stopped: ${displayLine(result.stopped)}`}</Text> : null}
      {result.canRetry ? (
        <Text>{`${keyLabel('runResult.retry')} ${result.stopped ? 'goes on where it stopped' : `retries the ${n(result.failed)} failed`} (those done are not sent again)`}</Text>
      ) : null}
      <Text> </Text>
      {result.issues.length > 0 ? <Text bold>{`Failed or skipped (${n(result.issues.length)}):`}</Text> : null}
      {shown.map((issue, i) => (
        <Text
          key={`${first + i}`}
          wrap="truncate-end"
          color={issue.reason.startsWith('skipped') ? undefined : theme.color('error')}
        >
          {`  ${issue.label}: ${issue.reason}`}
        </Text>
      ))}
    </Box>
  )
}

/** The linear (screen reader) result: the outcomes, why it stopped, the highlighted failure, then the keys. */
export function LinearRunResult({ title, result, top, unit }: Omit<Props, 'height'>) {
  const n = (count: number) => count.toLocaleString('en-US')
  const at = Math.min(top, Math.max(0, result.issues.length - 1))
  const issue = result.issues[at]
  const retry = result.canRetry
    ? `${spokenKeyLabel('runResult.retry')} ${result.stopped ? 'to go on where it stopped' : `to retry the ${n(result.failed)} failed`}, `
    : ''
  return (
    <Box flexDirection="column">
      <Text>
        {`${result.stopped ? 'Stopped' : 'Done'}: ${displayLine(title)}. ${n(result.done)} of ${n(result.total)} ${unit} done: ${result.counts.map(([label, count]) => `${n(count)} ${label}`).join(', ')}.`}
      </Text>
      {result.stopped ? <Text>{`Stopped: ${displayLine(result.stopped)}`}</Text> : null}
      {issue ? (
        <Text>{`Failed or skipped ${at + 1} of ${n(result.issues.length)}: ${displayLine(issue.label)}, ${displayLine(issue.reason)}.`}</Text>
      ) : null}
      <Text>{`${retry}${spokenKeyLabel('runResult.close')} to go back to the list.`}</Text>
    </Box>
  )
}
