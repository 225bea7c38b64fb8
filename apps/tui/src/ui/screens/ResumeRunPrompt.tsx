import { Box, Text } from 'ink'
import { keyLabel, spokenKeyLabel } from '../../keys/format.js'
import type { UnfinishedRun } from '../../state/jobs/flow.js'
import { displayLine } from '../../text/sanitize.js'
import { Dialog } from './Dialogs.js'

/** A bulk edit left unfinished (a stop, a crash, kill -9) or with failures, found at start: resume, forget, or later. */
export function ResumeRunPrompt({ unfinished, width }: { unfinished: UnfinishedRun; width: number }) {
  const n = (count: number) => count.toLocaleString('en-US')
  return (
    <Dialog
      title={unfinished.finished ? `A bulk edit left ${n(unfinished.failed)} failed.` : 'A bulk edit did not finish.'}
      width={width}
    >
      <Text wrap="truncate-end">{displayLine(unfinished.summary)}</Text>
      <Text>{`${n(unfinished.done)} of ${n(unfinished.total)} contacts done${unfinished.failed > 0 ? `, ${n(unfinished.failed)} failed` : ''} (started ${unfinished.startedAt.slice(0, 16).replace('T', ' ')} UTC)`}</Text>
      <Text> </Text>
      <Text>{`${keyLabel('resumeRun.resume')} resume it (contacts done are not sent again, failed ones are)`}</Text>
      <Text>{`${keyLabel('resumeRun.discard')} forget it`}</Text>
      <Text>{`${keyLabel('resumeRun.later')} decide later`}</Text>
    </Dialog>
  )
}

/** The linear (screen reader) offer to resume: what was left, then the three answers. */
export function LinearResumeRun({ unfinished }: { unfinished: UnfinishedRun }) {
  const n = (count: number) => count.toLocaleString('en-US')
  return (
    <Box flexDirection="column">
      <Text>
        {`${unfinished.finished ? `A bulk edit left ${n(unfinished.failed)} failed` : 'A bulk edit did not finish'}: ${displayLine(unfinished.summary)}. ${n(unfinished.done)} of ${n(unfinished.total)} contacts done${unfinished.failed > 0 ? `, ${n(unfinished.failed)} failed` : ''}, started ${unfinished.startedAt.slice(0, 16).replace('T', ' ')} UTC.`}
      </Text>
      <Text>
        {`${spokenKeyLabel('resumeRun.resume')} to resume it (contacts done are not sent again), ${spokenKeyLabel('resumeRun.discard')} to forget it, ${spokenKeyLabel('resumeRun.later')} to decide later.`}
      </Text>
    </Box>
  )
}
