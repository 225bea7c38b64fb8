import { contactField } from '@cc/schema'
import { Box, Text } from 'ink'
import { keyLabel, spokenKeyLabel } from '../../keys/format.js'
import { dirtyFields } from '../../state/editor/selectors.js'
import type { EditorState } from '../../state/editor/state.js'
import { describeValue, spokenValue } from '../../state/form.js'
import { Spinner } from '../components/Spinner.js'
import { plural } from '../labels.js'
import { useTheme } from '../theme.js'

const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text)

/** Old → new for every changed field, and how the save is going. */
export function ReviewScreen({ editor, width, height }: { editor: EditorState; width: number; height: number }) {
  const theme = useTheme()
  const changed = dirtyFields(editor)
  const save = editor.save
  const valueWidth = Math.max(10, Math.floor((width - 20) / 2))
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>{`Review ${plural(changed.length, 'change')} to ${editor.title}`}</Text>
      <Text color={theme.color('muted')}>Only these fields are sent, in one request.</Text>
      <Box flexDirection="column" marginTop={1} flexGrow={1} overflow="hidden">
        {changed.map((name) => (
          <Box key={name} flexDirection="column">
            <Text bold>{contactField(name).label}</Text>
            <Text wrap="truncate-end">
              {'  '}
              <Text color={theme.color('muted')}>old </Text>
              {clip(describeValue(name, editor.base[name]), valueWidth)}
            </Text>
            <Text wrap="truncate-end">
              {'  '}
              <Text color={theme.color('changed')}>new </Text>
              {clip(describeValue(name, editor.values[name]), valueWidth * 2)}
            </Text>
          </Box>
        ))}
      </Box>
      <Box height={2} flexDirection="column">
        {save.phase === 'saving' ? <Spinner label="Saving… (checking for changes on the server first)" /> : null}
        {save.phase === 'failed' ? (
          <>
            <Text color={theme.color('error')} wrap="truncate-end">
              ✗ {save.message}
            </Text>
            <Text>{`Press ${keyLabel('review.retry')} to retry, ${keyLabel('review.back')} to go back to editing. Your draft is kept.`}</Text>
          </>
        ) : null}
        {save.phase === 'review' ? (
          <Text>{`Press ${keyLabel('review.confirm')} to save, ${keyLabel('review.back')} to go back.`}</Text>
        ) : null}
      </Box>
    </Box>
  )
}

/** The linear (screen reader) review: one sentence per changed field, then how the save is going. */
export function LinearReview({ editor }: { editor: EditorState }) {
  const changed = dirtyFields(editor)
  const save = editor.save
  return (
    <Box flexDirection="column">
      <Text>
        Review {plural(changed.length, 'change')} to {editor.title}. Only these fields are sent, in one request.
      </Text>
      {changed.map((name, i) => (
        <Text key={name}>
          Change {i + 1} of {changed.length}: {contactField(name).label}, from {spokenValue(name, editor.base[name])} to{' '}
          {spokenValue(name, editor.values[name])}.
        </Text>
      ))}
      {save.phase === 'saving' ? <Text>Saving. Checking for changes on the server first.</Text> : null}
      {save.phase === 'failed' ? (
        <Text>
          Not saved: {save.message} Press {spokenKeyLabel('review.retry')} to retry, {spokenKeyLabel('review.back')} to
          go back to editing. Your draft is kept.
        </Text>
      ) : null}
      {save.phase === 'review' ? (
        <Text>
          Press {spokenKeyLabel('review.confirm')} to save, {spokenKeyLabel('review.back')} to go back.
        </Text>
      ) : null}
    </Box>
  )
}
