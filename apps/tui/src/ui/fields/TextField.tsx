import { Box, Text } from 'ink'
import { TextLine } from '../components/TextLine.js'
import { useTheme } from '../theme.js'
import { FieldLabel } from './FieldLabel.js'
import type { FieldProps } from './field-props.js'
import { lengthCounter } from './field-props.js'

export interface TextFieldProps extends FieldProps {
  value: string
  cursor: number
  /** What is shown instead of the value while the field is not focused (a price as an amount). */
  display?: string
}

/** One line of text (names, email, phone, state, ZIP): label, value with its cursor, and a counter near the limit. */
export function TextField({ meta, focused, changed, error, valueWidth, value, cursor, display }: TextFieldProps) {
  const theme = useTheme()
  const count = lengthCounter(meta, value.length)
  const countColumns = count ? count.length + 1 : 0
  return (
    <Box>
      <FieldLabel label={meta.label} focused={focused} changed={changed} />
      <Box width={valueWidth - countColumns}>
        <TextLine
          value={focused ? value : (display ?? value)}
          cursor={cursor}
          focused={focused}
          width={valueWidth - countColumns}
          placeholder="(empty)"
        />
      </Box>
      <Text color={error ? theme.color('error') : theme.color('muted')}>{count ? ` ${count}` : ''}</Text>
    </Box>
  )
}
