import { type ContactFieldGroup, contactFields } from '@cc/schema'
import { Box, Text } from 'ink'
import { type ReactNode, useRef } from 'react'
import type { StageOption } from '../../state/contacts/rows.js'
import { dirtyFields, editorErrors } from '../../state/editor/selectors.js'
import { pickerRows } from '../../state/editor/stage-picker.js'
import type { EditorState } from '../../state/editor/state.js'
import { describeValue, type FieldName, formatMoney, parseMoney } from '../../state/form.js'
import { MultilineBox, scrollTop } from '../components/MultilineBox.js'
import { TextLine } from '../components/TextLine.js'
import { useTheme } from '../theme.js'

export const LABEL_WIDTH = 14
const PICKER_ROWS = 6

interface Props {
  editor: EditorState
  stages: readonly StageOption[]
  width: number
  height: number
}

/** Width of the background text box for a screen width (the key handlers need it for up/down). */
export function backgroundWidth(width: number): number {
  return Math.max(10, width - 4)
}

/** Rows of the background box: generous while it is being edited. */
export function backgroundHeight(height: number, focused: boolean): number {
  return focused ? Math.max(4, Math.min(16, height - 6)) : 3
}

interface Block {
  key: string
  height: number
  field?: FieldName
  node: ReactNode
}

/** How much of a limit is used, shown where it bites: always for the background, near the limit for long texts. */
function counter(name: FieldName, length: number, maxLength: number | undefined): string | undefined {
  if (maxLength === undefined || maxLength < 20) return undefined
  if (name === 'background' || length >= maxLength * 0.8) return `${length}/${maxLength}`
  return undefined
}

/** The editor: every writable field, grouped, drawn from `contactFields`, scrolled to keep the focused one in view. */
export function EditorScreen({ editor, stages, width, height }: Props) {
  const theme = useTheme()
  const topRef = useRef(0)
  const dirty = new Set(dirtyFields(editor))
  const errors = editorErrors(editor)
  // "› " + label column + a space.
  const labelColumns = LABEL_WIDTH + 3
  const valueWidth = Math.max(10, width - labelColumns - 1)
  const stageName = (id: string) => stages.find((stage) => stage.id === id)?.name

  const blocks: Block[] = []
  let group: ContactFieldGroup | undefined
  for (const meta of contactFields) {
    const name = meta.name
    if (meta.group !== group) {
      group = meta.group
      blocks.push({
        key: `group-${group}`,
        height: 1,
        node: (
          <Text bold color={theme.color('accent')}>
            {`── ${group} ${'─'.repeat(Math.max(0, width - group.length - 6))}`}
          </Text>
        ),
      })
    }
    const focused = editor.focus === name
    const value = editor.values[name]
    const error = name === 'tags' && focused && editor.tagBox.problem ? editor.tagBox.problem : errors[name]
    const notice = editor.notices[name]
    const marker = focused ? '›' : ' '
    const changed = dirty.has(name) ? '*' : ' '
    const length = typeof value === 'string' ? value.length : 0
    const count = counter(name, length, meta.maxLength)
    const label = (
      <Text bold={focused} color={focused ? theme.color('accent') : undefined}>
        {`${marker} ${`${meta.label}${changed}`.padEnd(LABEL_WIDTH)}`}
      </Text>
    )
    const extra: ReactNode[] = []
    if (error) {
      extra.push(
        <Text key="error" color={theme.color('error')} wrap="truncate-end">
          {`${' '.repeat(LABEL_WIDTH + 3)}✗ ${error}`}
        </Text>,
      )
    }
    if (notice) {
      extra.push(
        <Text key="notice" color={theme.color('muted')} wrap="truncate-end">
          {`${' '.repeat(LABEL_WIDTH + 3)}ℹ ${notice}`}
        </Text>,
      )
    }

    let body: ReactNode
    let bodyHeight = 1
    if (meta.kind === 'multiline' && !focused) {
      // Unfocused, the background is one line: its start and its length.
      const text = typeof value === 'string' ? value : ''
      const firstLine = text.split('\n')[0] ?? ''
      const countText = count ?? ''
      body = (
        <Box>
          {label}
          <Box width={Math.max(5, valueWidth - countText.length - 1)}>
            {text === '' ? (
              <Text color={theme.color('muted')}>(empty)</Text>
            ) : (
              <Text wrap="truncate-end">{`${firstLine}${text.includes('\n') ? ' …' : ''}`}</Text>
            )}
          </Box>
          <Text color={error ? theme.color('error') : theme.color('muted')}>{` ${countText}`}</Text>
        </Box>
      )
    } else if (meta.kind === 'multiline') {
      const boxHeight = backgroundHeight(height, focused)
      bodyHeight = 1 + boxHeight
      body = (
        <Box flexDirection="column" width={width}>
          <Box width={width}>
            {label}
            <Text color={theme.color('muted')}>{focused ? 'Enter new line · Ctrl+G $EDITOR' : ''}</Text>
            <Box flexGrow={1} />
            <Text color={error ? theme.color('error') : theme.color('muted')}>{count ?? ''}</Text>
          </Box>
          <Box paddingLeft={2}>
            <MultilineBox
              value={typeof value === 'string' ? value : ''}
              cursor={editor.cursor}
              focused={focused}
              width={backgroundWidth(width)}
              height={boxHeight}
            />
          </Box>
        </Box>
      )
    } else if (meta.kind === 'tags') {
      const tags = editor.values.tags
      body = (
        <Box>
          {label}
          <Text wrap="truncate-end">
            {tags.length === 0 && !focused ? <Text color={theme.color('muted')}>(none)</Text> : null}
            {tags.map((tag, i) => (
              <Text key={tag}>
                {i > 0 ? ' ' : ''}
                {focused && editor.tagBox.selected === i ? <Text inverse underline>{`[${tag} ✗]`}</Text> : `[${tag}]`}
              </Text>
            ))}
            {focused ? (
              <Text>
                {tags.length > 0 ? ' ' : ''}
                <TextLine
                  value={editor.tagBox.input.value}
                  cursor={editor.tagBox.input.cursor}
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
    } else if (meta.kind === 'stage') {
      const id = typeof value === 'string' ? value : ''
      const name = stageName(id)
      const picker = focused ? editor.stagePicker : undefined
      const rows = picker ? pickerRows(picker.filter, stages) : []
      const first = picker ? Math.max(0, Math.min(picker.selected - PICKER_ROWS + 1, rows.length - PICKER_ROWS)) : 0
      const shown = rows.slice(Math.max(0, first), Math.max(0, first) + PICKER_ROWS)
      if (picker) bodyHeight += 1 + Math.max(1, shown.length)
      body = (
        <Box flexDirection="column">
          <Box>
            {label}
            <Text wrap="truncate-end">
              {id === '' ? (
                <Text color={theme.color('muted')}>(none)</Text>
              ) : name && name !== id ? (
                `${name} (${id})`
              ) : (
                id
              )}
              {focused && !picker ? <Text color={theme.color('muted')}> · Enter to pick</Text> : null}
            </Text>
          </Box>
          {picker ? (
            <Box flexDirection="column" paddingLeft={LABEL_WIDTH + 3}>
              <Text>
                Stage: <TextLine value={picker.filter} cursor={picker.filter.length} focused width={30} />
              </Text>
              {shown.length === 0 ? <Text color={theme.color('muted')}>No stages seen yet: type an id</Text> : null}
              {shown.map((row) => {
                const selected = rows.indexOf(row) === picker.selected
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
    } else {
      const text = typeof value === 'string' ? value : ''
      const display =
        meta.kind === 'money' && !focused && text !== '' && !Number.isNaN(parseMoney(text))
          ? formatMoney(parseMoney(text) as number)
          : text
      const countColumns = count ? count.length + 1 : 0
      body = (
        <Box>
          {label}
          <Box width={valueWidth - countColumns}>
            <TextLine
              value={display}
              cursor={editor.cursor}
              focused={focused}
              width={valueWidth - countColumns}
              placeholder="(empty)"
            />
          </Box>
          <Text color={error ? theme.color('error') : theme.color('muted')}>{count ? ` ${count}` : ''}</Text>
        </Box>
      )
    }
    blocks.push({
      key: name,
      field: name,
      height: bodyHeight + extra.length,
      node: (
        <Box flexDirection="column">
          {body}
          {extra}
        </Box>
      ),
    })
  }

  // Scroll by whole blocks so the focused field, and the group title just above it, stay in view.
  const starts: number[] = []
  let total = 0
  for (const block of blocks) {
    starts.push(total)
    total += block.height
  }
  const focusIndex = blocks.findIndex((block) => block.field === editor.focus)
  const focusStart = (starts[focusIndex] ?? 0) - (blocks[focusIndex - 1]?.field === undefined ? 1 : 0)
  const focusEnd = (starts[focusIndex] ?? 0) + (blocks[focusIndex]?.height ?? 1)
  let top = scrollTop(topRef.current, Math.max(0, focusStart), height, total)
  if (focusEnd > top + height) top = Math.max(0, focusEnd - height)
  topRef.current = top
  const visible = blocks.filter(
    (_, i) => (starts[i] ?? 0) >= top && (starts[i] ?? 0) + (blocks[i]?.height ?? 0) <= top + height,
  )
  // A group title whose fields are all below the window would only be noise.
  if (visible.length > 0 && visible[visible.length - 1]?.field === undefined) visible.pop()

  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {visible.map((block) => (
        <Box key={block.key} flexShrink={0}>
          {block.node}
        </Box>
      ))}
    </Box>
  )
}

/** The linear (screen reader) editor: one sentence for the focused field and one for the draft. */
export function LinearEditor({ editor }: { editor: EditorState }) {
  const dirty = dirtyFields(editor)
  const errors = editorErrors(editor)
  const index = contactFields.findIndex((meta) => meta.name === editor.focus)
  const meta = contactFields[index]
  if (!meta) return null
  const value = describeValue(meta.name, editor.values[meta.name])
  return (
    <Box flexDirection="column">
      <Text>
        Field {index + 1} of {contactFields.length}: {meta.label}. Value: {value}.
        {dirty.includes(meta.name) ? ' Changed.' : ''}
      </Text>
      {errors[meta.name] ? <Text>Error: {errors[meta.name]}</Text> : null}
      {editor.notices[meta.name] ? <Text>Note: {editor.notices[meta.name]}</Text> : null}
      <Text>{dirty.length === 0 ? 'No unsaved changes.' : `${dirty.length} unsaved changes.`}</Text>
    </Box>
  )
}
