import { Box, Text } from 'ink'
import { spokenKeyLabel } from '../../keys/format.js'
import { BULK_KINDS } from '../../state/jobs/bulk-form.js'
import { plural } from '../labels.js'

interface Props {
  /** The highlighted action. */
  choice: number
  selected: number
}

/** The first step of a bulk edit: what to do to the selected contacts. */
export function BulkActionScreen({ choice, selected }: Props) {
  return (
    <Box flexDirection="column" paddingLeft={1}>
      <Text bold>{`Bulk edit of ${plural(selected, 'selected contact')}`}</Text>
      <Text> </Text>
      {BULK_KINDS.map((kind, index) => (
        <Text key={kind.kind} inverse={index === choice} bold={index === choice}>
          {`${index === choice ? '›' : ' '} ${kind.label}`}
        </Text>
      ))}
    </Box>
  )
}

/** The linear (screen reader) first step: the highlighted action as a sentence, then the keys. */
export function LinearBulkAction({ choice, selected }: Props) {
  const kind = BULK_KINDS[choice]
  return (
    <Box flexDirection="column">
      <Text>
        {`Bulk edit of ${plural(selected, 'selected contact')}. Action ${choice + 1} of ${BULK_KINDS.length}: ${kind?.label ?? ''}.`}
      </Text>
      <Text>
        {`Up and Down to choose, ${spokenKeyLabel('bulkAction.choose')} to take it, ${spokenKeyLabel('bulkAction.back')} to go back.`}
      </Text>
    </Box>
  )
}
