import { Box, Text } from 'ink'
import { spokenKeyLabel } from '../../keys/format.js'
import type { LineState } from '../../text/line.js'
import { Spinner } from '../components/Spinner.js'
import { TextLine } from '../components/TextLine.js'
import { useTheme } from '../theme.js'

interface Props {
  input: LineState
  checking: boolean
  error?: string | undefined
  width: number
}

/** The first step of an import: the file, read and checked as `cc-tui import --dry-run` does. */
export function ImportPathScreen({ input, checking, error, width }: Props) {
  const theme = useTheme()
  return (
    <Box flexDirection="column" paddingLeft={1}>
      <Text bold>Import contacts</Text>
      <Text> </Text>
      <Text>File to import (CSV or JSONL, as cc-tui export writes it):</Text>
      <Box>
        <Text>{'> '}</Text>
        <TextLine value={input.value} cursor={input.cursor} focused={!checking} width={Math.max(10, width - 6)} />
      </Box>
      {checking ? <Spinner label="Checking every row…" /> : null}
      {error ? <Text color={theme.color('error')}>{`✗ ${error}`}</Text> : null}
    </Box>
  )
}

/** The linear (screen reader) first step of an import: what is typed, the check under way, or why it failed. */
export function LinearImportPath({ input, checking, error }: Omit<Props, 'width'>) {
  return (
    <Box flexDirection="column">
      <Text>{`Import contacts. File to import, CSV or JSONL as cc-tui export writes it: ${input.value || '(empty)'}.`}</Text>
      {checking ? <Text>Checking every row.</Text> : null}
      {error ? <Text>{`Not valid: ${error}`}</Text> : null}
      {checking ? null : (
        <Text>{`${spokenKeyLabel('importPath.accept')} to check it, ${spokenKeyLabel('importPath.back')} to go back.`}</Text>
      )}
    </Box>
  )
}
