import { Box, Text } from 'ink'
import { keyLabel } from '../../keys/format.js'
import type { StageOption } from '../../state/contacts/rows.js'
import { pickerRows, type StagePicker } from '../../state/editor/stage-picker.js'
import { TextLine } from '../components/TextLine.js'
import { useTheme } from '../theme.js'
import { FieldLabel, LABEL_COLUMNS } from './FieldLabel.js'
import type { FieldProps } from './field-props.js'

/** Rows of the picker list shown at once. */
const PICKER_ROWS = 6

/** The window of picker rows that keeps the highlighted one in view. */
function shownRows(picker: StagePicker, stages: readonly StageOption[]) {
  const rows = pickerRows(picker.filter, stages)
  const first = Math.max(0, Math.min(picker.selected - PICKER_ROWS + 1, rows.length - PICKER_ROWS))
  return { rows, shown: rows.slice(first, first + PICKER_ROWS) }
}

/** Rows the field takes on screen: one, and the open picker below it. */
export function stageFieldRows(picker: StagePicker | undefined, stages: readonly StageOption[]): number {
  return picker ? 2 + Math.max(1, shownRows(picker, stages).shown.length) : 1
}

export interface StageFieldProps extends FieldProps {
  /** The stage id. */
  value: string
  /** The stages seen in the data, for their names and the picker. */
  stages: readonly StageOption[]
  /** The open picker (only on the focused field). */
  picker?: StagePicker | undefined
}

/** The stage by name and id; focused, a picker of the stages seen in the data, or any id typed in. */
export function StageField({ meta, focused, changed, value, stages, picker }: StageFieldProps) {
  const theme = useTheme()
  const name = stages.find((stage) => stage.id === value)?.name
  const list = picker ? shownRows(picker, stages) : undefined
  return (
    <Box flexDirection="column">
      <Box>
        <FieldLabel label={meta.label} focused={focused} changed={changed} />
        <Text wrap="truncate-end">
          {value === '' ? (
            <Text color={theme.color('muted')}>(none)</Text>
          ) : name && name !== value ? (
            `${name} (${value})`
          ) : (
            value
          )}
          {focused && !picker ? (
            <Text color={theme.color('muted')}>{` · ${keyLabel('stage.open')} to pick`}</Text>
          ) : null}
        </Text>
      </Box>
      {picker && list ? (
        <Box flexDirection="column" paddingLeft={LABEL_COLUMNS}>
          <Text>
            Stage: <TextLine value={picker.filter} cursor={picker.filter.length} focused width={30} />
          </Text>
          {list.shown.length === 0 ? <Text color={theme.color('muted')}>No stages seen yet: type an id</Text> : null}
          {list.shown.map((row) => {
            const selected = list.rows.indexOf(row) === picker.selected
            return (
              <Text key={`${row.id}-${row.typed ? 't' : 's'}`} inverse={selected} wrap="truncate-end">
                {selected ? '› ' : '  '}
                {row.typed ? `Use "${row.id}" as the stage id` : `${row.name} (${row.id})`}
              </Text>
            )
          })}
        </Box>
      ) : null}
    </Box>
  )
}
