import { Box, Text } from 'ink'
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
