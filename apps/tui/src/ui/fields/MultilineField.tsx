import { Box, Text } from 'ink'
import { keyLabel } from '../../keys/format.js'
import { MultilineBox } from '../components/MultilineBox.js'
import { useTheme } from '../theme.js'
import { FieldLabel } from './FieldLabel.js'
import type { FieldProps } from './field-props.js'
import { lengthCounter } from './field-props.js'

/** Width of the text box for a screen width (the key handlers need it to move by visual rows). */
export function multilineWidth(width: number): number {
  return Math.max(10, width - 4)
}

/** Rows of the text box: generous while it is being edited, one summary line otherwise. */
export function multilineHeight(bodyHeight: number, focused: boolean): number {
  return focused ? Math.max(4, Math.min(16, bodyHeight - 6)) : 3
}

/** Rows the field takes on screen. */
export function multilineFieldRows(bodyHeight: number, focused: boolean): number {
  return focused ? 1 + multilineHeight(bodyHeight, true) : 1
}

export interface MultilineFieldProps extends FieldProps {
  value: string
  cursor: number
  /** The screen's width and body height: a focused field opens a box sized from them. */
  width: number
  bodyHeight: number
}

/**
 * Multi-line text (the background). Unfocused: its first line and its length. Focused: a scrolled,
 * soft-wrapped box with a cursor, and the keys for a new line and for $EDITOR.
 */
export function MultilineField(props: MultilineFieldProps) {
  const { meta, focused, changed, error, valueWidth, value, cursor, width, bodyHeight } = props
  const theme = useTheme()
  const count = lengthCounter(meta, value.length) ?? ''
  const countColor = error ? theme.color('error') : theme.color('muted')
  const label = <FieldLabel label={meta.label} focused={focused} changed={changed} />
  if (!focused) {
    const firstLine = value.split('\n')[0] ?? ''
    return (
      <Box>
        {label}
        <Box width={Math.max(5, valueWidth - count.length - 1)}>
          {value === '' ? (
            <Text color={theme.color('muted')}>(empty)</Text>
          ) : (
            <Text wrap="truncate-end">{`${firstLine}${value.includes('\n') ? ' …' : ''}`}</Text>
          )}
        </Box>
        <Text color={countColor}>{` ${count}`}</Text>
      </Box>
    )
  }
  return (
    <Box flexDirection="column" width={width}>
      <Box width={width}>
        {label}
        <Text color={theme.color('muted')}>
          {`${keyLabel('multiline.newline')} new line · ${keyLabel('editor.externalEditor')} $EDITOR`}
        </Text>
        <Box flexGrow={1} />
        <Text color={countColor}>{count}</Text>
      </Box>
      <Box paddingLeft={2}>
        <MultilineBox
          value={value}
          cursor={cursor}
          focused
          width={multilineWidth(width)}
          height={multilineHeight(bodyHeight, true)}
        />
      </Box>
    </Box>
  )
}
