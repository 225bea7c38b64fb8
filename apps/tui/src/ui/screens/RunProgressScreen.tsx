import { Box, Text } from 'ink'
import { spokenKeyLabel } from '../../keys/format.js'
import { formatDuration, progressBar, type RunProgress, runRate, secondsLeft } from '../../state/jobs/run-progress.js'
import { displayLine } from '../../text/sanitize.js'
import { useTheme } from '../theme.js'

interface Props {
  title: string
  progress: RunProgress
  stopping: boolean
  /** "contacts" or "rows". */
  unit: string
  width: number
}

/** A run under way: a bar, done/total, the rate, the time left, the outcomes so far (failures included). */
export function RunProgressScreen({ title, progress, stopping, unit, width }: Props) {
  const theme = useTheme()
  const rate = runRate(progress)
  const left = secondsLeft(progress)
  const n = (count: number) => count.toLocaleString('en-US')
  return (
    <Box flexDirection="column" paddingLeft={1}>
      <Text bold wrap="truncate-end">
        {displayLine(title)}
      </Text>
      <Text> </Text>
      <Text>{progressBar(progress.done, progress.total, Math.max(10, Math.min(60, width - 4)))}</Text>
      <Text>{`${n(progress.done)} of ${n(progress.total)} ${unit} done`}</Text>
      <Text>
        {`${rate === undefined ? '… per second' : `${rate.toFixed(rate < 10 ? 1 : 0)} per second`} · ${left === undefined ? 'time left: measuring' : `about ${formatDuration(left)} left`}`}
      </Text>
      <Text color={progress.failed > 0 ? theme.color('error') : undefined}>
        {progress.counts.map(([label, count]) => `${n(count)} ${label}`).join(' · ') || ' '}
      </Text>
      <Text> </Text>
      {stopping ? <Text bold>Stopping: the requests under way finish, nothing more is sent…</Text> : null}
    </Box>
  )
}

/** The linear (screen reader) progress: done of total, the rate and time left, the outcomes, in sentences. */
export function LinearRunProgress({ title, progress, stopping, unit }: Omit<Props, 'width'>) {
  const rate = runRate(progress)
  const left = secondsLeft(progress)
  const n = (count: number) => count.toLocaleString('en-US')
  const counts = progress.counts.map(([label, count]) => `${n(count)} ${label}`).join(', ')
  return (
    <Box flexDirection="column">
      <Text>
        {`${displayLine(title)}: ${n(progress.done)} of ${n(progress.total)} ${unit} done.${counts ? ` ${counts}.` : ''}`}
      </Text>
      <Text>
        {rate === undefined
          ? 'Measuring the rate.'
          : `${rate.toFixed(rate < 10 ? 1 : 0)} per second, ${left === undefined ? 'time left unknown' : `about ${formatDuration(left)} left`}.`}
      </Text>
      <Text>
        {stopping
          ? 'Stopping: the requests under way finish, nothing more is sent.'
          : `${spokenKeyLabel('runProgress.stop')} to stop sending.`}
      </Text>
    </Box>
  )
}
