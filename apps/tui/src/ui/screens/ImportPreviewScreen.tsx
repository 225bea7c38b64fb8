import { Box, Text } from 'ink'
import { keyLabel, spokenKeyLabel } from '../../keys/format.js'
import { canImport, type ImportPreview, importSummary } from '../../state/jobs/import-preview.js'
import { displayLine } from '../../text/sanitize.js'
import { useTheme } from '../theme.js'

interface Props {
  preview: ImportPreview
  /** The first problem shown (the list scrolls). */
  top: number
  height: number
}

/** What an import would do, as `cc-tui import --dry-run` says it; the problems that stop it, each where and why. */
export function ImportPreviewScreen({ preview, top, height }: Props) {
  const theme = useTheme()
  const { scan } = preview
  const room = Math.max(1, height - 8)
  const first = Math.min(top, Math.max(0, preview.problems.length - room))
  const ok = canImport(preview)
  return (
    <Box flexDirection="column" paddingLeft={1}>
      <Text bold wrap="truncate-end">{`Import ${displayLine(scan.path)}`}</Text>
      <Text>{importSummary(scan)}</Text>
      {preview.resume ? (
        <Text>{`An unfinished import of this file is resumed: ${preview.resume.done.size.toLocaleString('en-US')} rows done are not sent again.`}</Text>
      ) : null}
      {preview.blocked ? <Text color={theme.color('error')}>{`✗ ${displayLine(preview.blocked)}`}</Text> : null}
      {ok ? (
        <Text>{`${keyLabel('importPreview.confirm')} imports it.`}</Text>
      ) : preview.problems.length > 0 ? (
        <Text color={theme.color('error')}>Nothing will be sent until these are fixed:</Text>
      ) : (
        <Text>Nothing to send.</Text>
      )}
      <Text> </Text>
      {preview.problems.slice(first, first + room).map((problem, i) => (
        <Text key={`${first + i}`} wrap="truncate-end" color={theme.color('error')}>
          {`  ${displayLine(problem)}`}
        </Text>
      ))}
      {preview.moreProblems > 0 ? (
        <Text
          color={theme.color('muted')}
        >{`  … and ${preview.moreProblems} more (cc-tui import --dry-run lists them all)`}</Text>
      ) : null}
    </Box>
  )
}

/** The linear (screen reader) check of an import: the counts, what stops it (the highlighted problem), the keys. */
export function LinearImportPreview({ preview, top }: Omit<Props, 'height'>) {
  const { scan } = preview
  const ok = canImport(preview)
  const at = Math.min(top, Math.max(0, preview.problems.length - 1))
  const problem = preview.problems[at]
  const back = `${spokenKeyLabel('importPreview.back')} to go back`
  return (
    <Box flexDirection="column">
      <Text>{`Import ${displayLine(scan.path)}: ${importSummary(scan)}.`}</Text>
      {preview.resume ? (
        <Text>{`An unfinished import of this file is resumed: ${preview.resume.done.size.toLocaleString('en-US')} rows done are not sent again.`}</Text>
      ) : null}
      {preview.blocked ? <Text>{`Cannot import: ${displayLine(preview.blocked)}`}</Text> : null}
      {problem ? (
        <Text>{`Nothing will be sent until these are fixed. Problem ${at + 1} of ${preview.problems.length + preview.moreProblems}: ${displayLine(problem)}.`}</Text>
      ) : null}
      <Text>
        {ok
          ? `${spokenKeyLabel('importPreview.confirm')} to import it, ${back}.`
          : problem
            ? `${back}.`
            : `Nothing to send. ${back}.`}
      </Text>
    </Box>
  )
}
