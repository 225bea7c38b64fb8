import { Box, Text } from 'ink'
import type { TagBox } from '../../state/editor/tags.js'
import { TextLine } from '../components/TextLine.js'
import { useTheme } from '../theme.js'
import { FieldLabel } from './FieldLabel.js'
import type { FieldProps } from './field-props.js'

export interface TagsFieldProps extends FieldProps {
  tags: readonly string[]
  /** The box a new tag is typed into: shown while the field is focused, and after it while it holds a refused tag. */
  box: TagBox
}

/**
 * Tags as `[chips]`, the highlighted one marked for removal, then the box for the next tag and how many fit. Away
 * from the field, a tag that was typed but refused still shows (`+"…" not added`), its reason under the field.
 */
export function TagsField({ meta, focused, changed, valueWidth, tags, box }: TagsFieldProps) {
  const theme = useTheme()
  const typed = box.input.value
  const waiting = focused || typed === '' ? undefined : typed.length > 20 ? `${typed.slice(0, 19)}…` : typed
  return (
    <Box>
      <FieldLabel label={meta.label} focused={focused} changed={changed} />
      <Text wrap="truncate-end">
        {tags.length === 0 && !focused && !waiting ? <Text color={theme.color('muted')}>(none)</Text> : null}
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
        {waiting ? (
          <Text color={theme.color('error')}>{`${tags.length > 0 ? ' ' : ''}+"${waiting}" not added`}</Text>
        ) : null}
        <Text color={theme.color('muted')}>
          {focused && meta.maxItems !== undefined ? `  ${tags.length}/${meta.maxItems}` : ''}
        </Text>
      </Text>
    </Box>
  )
}
