import { Box, Text } from 'ink'
import type { TagBox } from '../../state/editor/tags.js'
import { TextLine } from '../components/TextLine.js'
import { useTheme } from '../theme.js'
import { FieldLabel } from './FieldLabel.js'
import type { FieldProps } from './field-props.js'

export interface TagsFieldProps extends FieldProps {
  tags: readonly string[]
  /** The box a new tag is typed into, shown while the field is focused. */
  box: TagBox
}

/** Tags as `[chips]`, the highlighted one marked for removal, then the box for the next tag and how many fit. */
export function TagsField({ meta, focused, changed, valueWidth, tags, box }: TagsFieldProps) {
  const theme = useTheme()
  return (
    <Box>
      <FieldLabel label={meta.label} focused={focused} changed={changed} />
      <Text wrap="truncate-end">
        {tags.length === 0 && !focused ? <Text color={theme.color('muted')}>(none)</Text> : null}
        {tags.map((tag, i) => (
          <Text key={tag}>
            {i > 0 ? ' ' : ''}
            {focused && box.selected === i ? <Text inverse underline>{`[${tag} ✗]`}</Text> : `[${tag}]`}
          </Text>
        ))}
        {focused ? (
          <Text>
            {tags.length > 0 ? ' ' : ''}
            <TextLine
              value={box.input.value}
              cursor={box.input.cursor}
              focused
              width={Math.max(8, valueWidth - tags.join('   ').length)}
            />
          </Text>
        ) : null}
        <Text color={theme.color('muted')}>
          {focused && meta.maxItems !== undefined ? `  ${tags.length}/${meta.maxItems}` : ''}
        </Text>
      </Text>
    </Box>
  )
}
