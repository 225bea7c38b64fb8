import { Box, Text } from 'ink'
import { spokenKeyLabel } from '../../keys/format.js'
import type { StageOption } from '../../state/contacts/rows.js'
import { BULK_KINDS, type BulkKind, stagesMatching } from '../../state/jobs/bulk-form.js'
import type { LineState } from '../../text/line.js'
import { TextLine } from '../components/TextLine.js'
import { plural } from '../labels.js'
import { useTheme } from '../theme.js'

interface Props {
  kind: BulkKind
  input: LineState
  pick: number
  error?: string | undefined
  stages: readonly StageOption[]
  selected: number
  width: number
  height: number
}

const prompts: Record<BulkKind, string> = {
  stage: 'Stage (type to narrow the known stages, or a stage id)',
  addTags: 'Tags to add (separated by commas)',
  removeTags: 'Tags to remove (separated by commas)',
  source: 'Source (empty clears it)',
  timeframe: 'Timeframe (empty clears it)',
}

/** The second step of a bulk edit: the value, checked by the schema when Enter asks for the preview. */
export function BulkValueScreen({ kind, input, pick, error, stages, selected, width, height }: Props) {
  const theme = useTheme()
  const label = BULK_KINDS.find((k) => k.kind === kind)?.label ?? kind
  const matching = kind === 'stage' ? stagesMatching(stages, input.value) : []
  const highlighted = Math.min(pick, matching.length - 1)
  const room = Math.max(1, height - 6)
  const first = Math.max(0, Math.min(highlighted - room + 1, matching.length - room))
  return (
    <Box flexDirection="column" paddingLeft={1}>
      <Text bold>{`${label} · ${plural(selected, 'selected contact')}`}</Text>
      <Text> </Text>
      <Text>{prompts[kind]}</Text>
      <Box>
        <Text>{'> '}</Text>
        <TextLine value={input.value} cursor={input.cursor} focused width={Math.max(10, width - 6)} />
      </Box>
      {error ? <Text color={theme.color('error')}>{`✗ ${error}`}</Text> : <Text> </Text>}
      {matching.slice(first, first + room).map((stage, i) => {
        const on = first + i === highlighted
        return (
          <Text key={stage.id} inverse={on} wrap="truncate-end">
            {`${on ? '›' : ' '} ${stage.name} (${stage.id})`}
          </Text>
        )
      })}
      {kind === 'stage' && matching.length === 0 ? (
        <Text color={theme.color('muted')}>No known stage matches: Enter takes what is typed as a stage id.</Text>
      ) : null}
    </Box>
  )
}

/** The linear (screen reader) value: what to type, what is typed, the highlighted known stage, any error. */
export function LinearBulkValue({ kind, input, pick, error, stages, selected }: Omit<Props, 'width' | 'height'>) {
  const label = BULK_KINDS.find((k) => k.kind === kind)?.label ?? kind
  const matching = kind === 'stage' ? stagesMatching(stages, input.value) : []
  const highlighted = matching[Math.min(pick, matching.length - 1)]
  const stage =
    kind !== 'stage'
      ? ''
      : highlighted
        ? ` Stage ${Math.min(pick, matching.length - 1) + 1} of ${matching.length}: ${highlighted.name} (${highlighted.id}).`
        : ' No known stage matches: Enter takes what is typed as a stage id.'
  return (
    <Box flexDirection="column">
      <Text>{`${label}, for ${plural(selected, 'selected contact')}. ${prompts[kind]}: ${input.value || '(empty)'}.${stage}`}</Text>
      {error ? <Text>{`Not valid: ${error}`}</Text> : null}
      <Text>{`${spokenKeyLabel('bulkValue.accept')} to preview, ${spokenKeyLabel('bulkValue.back')} to go back.`}</Text>
    </Box>
  )
}
