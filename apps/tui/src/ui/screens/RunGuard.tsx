import { Box, Text } from 'ink'
import { keyLabel, spokenKeyLabel } from '../../keys/format.js'
import type { JobFlow } from '../../state/jobs/flow.js'
import { Dialog } from './Dialogs.js'

/** What quitting now does to the run, in two sentences: where it stands, and how it goes on later. */
export function runGuardText(flow: JobFlow | null): { title: string; body: string } {
  if (flow?.step !== 'running') return { title: 'Nothing is running any more.', body: 'Quit now?' }
  const n = (count: number) => count.toLocaleString('en-US')
  const done = `${n(flow.progress.done)} of ${n(flow.progress.total)} done`
  if (flow.run === 'bulk')
    return {
      title: `A bulk edit is under way (${done}).`,
      body: 'Quit now? It stops after the requests under way, and is offered to resume at the next start.',
    }
  return {
    title: `An import is under way (${done}).`,
    body: 'Quit now? It stops after the requests under way; importing the same file again goes on where it stopped.',
  }
}

/** Quitting while a bulk edit or an import is under way: quit now, or keep it running. */
export function RunGuard({ flow, width }: { flow: JobFlow | null; width: number }) {
  const { title, body } = runGuardText(flow)
  return (
    <Dialog title={title} width={width}>
      <Text wrap="wrap">{body}</Text>
      <Text> </Text>
      <Text>{`${keyLabel('runGuard.quit')} quit once the requests under way finish`}</Text>
      <Text>{`${keyLabel('app.quit')} quit at once`}</Text>
      <Text>{`${keyLabel('runGuard.keep')} keep it running`}</Text>
    </Dialog>
  )
}

/** The linear (screen reader) question: the same sentences, then the keys. */
export function LinearRunGuard({ flow }: { flow: JobFlow | null }) {
  const { title, body } = runGuardText(flow)
  return (
    <Box flexDirection="column">
      <Text>{`${title} ${body}`}</Text>
      <Text>
        {`Press ${spokenKeyLabel('runGuard.quit')} to quit once the requests under way finish, ${spokenKeyLabel('app.quit')} to quit at once, ${spokenKeyLabel('runGuard.keep')} to keep it running.`}
      </Text>
    </Box>
  )
}
