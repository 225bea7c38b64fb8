import { Box, Text } from 'ink'
import { spokenKeyLabel } from '../../keys/format.js'
import type { BulkPreview } from '../../state/jobs/bulk-form.js'
import { displayLine } from '../../text/sanitize.js'
import { plural } from '../labels.js'
import { useTheme } from '../theme.js'

/** Before anything is sent: how many contacts change, a few of them old → new, how many need no change. */
export function BulkPreviewScreen({ preview, width }: { preview: BulkPreview; width: number }) {
  const theme = useTheme()
  const room = Math.max(10, width - 4)
  return (
    <Box flexDirection="column" paddingLeft={1}>
      <Text bold wrap="truncate-end">
        {displayLine(preview.summary)}
      </Text>
      <Text> </Text>
      <Text>{`${plural(preview.change, 'contact')} will change · ${preview.unchanged} need no change${preview.invalid > 0 ? ` · ${preview.invalid} cannot take it (reported, not sent)` : ''}`}</Text>
      <Text color={theme.color('muted')}>
        Each contact is read again just before its change: one someone else changed meanwhile is skipped and listed.
      </Text>
      <Text> </Text>
      {preview.samples.map((sample) => (
        <Text key={`${sample.name}-${sample.before}`} wrap="truncate-end">
          {`  ${displayLine(sample.name)}: ${displayLine(sample.before) || '(none)'} → ${displayLine(sample.after) || '(none)'}`.slice(
            0,
            room,
          )}
        </Text>
      ))}
      {preview.change > preview.samples.length ? (
        <Text color={theme.color('muted')}>{`  … and ${preview.change - preview.samples.length} more`}</Text>
      ) : null}
      {preview.change === 0 ? <Text>Nothing to send: every selected contact has it already.</Text> : null}
    </Box>
  )
}

/** The linear (screen reader) preview: what it does to how many, a few of them old to new, then the keys. */
export function LinearBulkPreview({ preview }: { preview: BulkPreview }) {
  const summary = displayLine(preview.summary)
  const invalid = preview.invalid > 0 ? `, ${preview.invalid} cannot take it (reported, not sent)` : ''
  return (
    <Box flexDirection="column">
      <Text>
        {`Bulk edit of ${plural(preview.total, 'contact')}: ${summary.charAt(0).toLowerCase()}${summary.slice(1)}. ${preview.change} change, ${preview.unchanged} need no change${invalid}.`}
      </Text>
      {preview.samples.map((sample, i) => (
        <Text key={`${sample.name}-${sample.before}`}>
          {`Change ${i + 1} of ${preview.change}: ${displayLine(sample.name)}, from ${displayLine(sample.before) || 'none'} to ${displayLine(sample.after) || 'none'}.`}
        </Text>
      ))}
      <Text>
        {preview.change === 0
          ? `Nothing to send: every selected contact has it already. ${spokenKeyLabel('bulkPreview.back')} to go back.`
          : `${spokenKeyLabel('bulkPreview.confirm')} to send, ${spokenKeyLabel('bulkPreview.back')} to go back.`}
      </Text>
    </Box>
  )
}
