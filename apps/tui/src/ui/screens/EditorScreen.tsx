import { type ContactField, contactFields } from '@cc/schema'
import { Box, Text } from 'ink'
import { type ReactNode, useRef } from 'react'
import type { StageOption } from '../../state/contacts/rows.js'
import { dirtyFields, editorErrors } from '../../state/editor/selectors.js'
import type { EditorState } from '../../state/editor/state.js'
import { inputOf } from '../../state/field-input.js'
import { type Block, blockWindow } from '../components/block-window.js'
import { FieldMessage, LABEL_COLUMNS } from '../fields/FieldLabel.js'
import type { FieldProps } from '../fields/field-props.js'
import { MoneyField } from '../fields/MoneyField.js'
import { MultilineField, multilineFieldRows } from '../fields/MultilineField.js'
import { StageField, stageFieldRows } from '../fields/StageField.js'
import { TagsField } from '../fields/TagsField.js'
import { TextField } from '../fields/TextField.js'
import { useTheme } from '../theme.js'
import { matchNotes } from './match-notes.js'

interface Props {
  editor: EditorState
  stages: readonly StageOption[]
  width: number
  height: number
}

interface ScreenBlock extends Block {
  key: string
  node: ReactNode
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : '')

/** One field as drawn by the component of its kind, and the rows it takes (its messages come on top). */
function fieldBlock(meta: ContactField, common: FieldProps, editor: EditorState, screen: Props) {
  const value = editor.values[meta.name]
  const cursor = editor.cursor
  switch (inputOf(meta.name)) {
    case 'text':
      return { rows: 1, node: <TextField {...common} value={textOf(value)} cursor={cursor} /> }
    case 'money':
      return { rows: 1, node: <MoneyField {...common} value={textOf(value)} cursor={cursor} /> }
    case 'multiline':
      return {
        rows: multilineFieldRows(screen.height, common.focused),
        node: (
          <MultilineField
            {...common}
            value={textOf(value)}
            cursor={cursor}
            width={screen.width}
            bodyHeight={screen.height}
          />
        ),
      }
    case 'tags':
      return { rows: 1, node: <TagsField {...common} tags={editor.values.tags} box={editor.tagBox} /> }
    case 'stage': {
      const picker = common.focused ? editor.stagePicker : undefined
      return {
        rows: stageFieldRows(picker, screen.stages),
        node: <StageField {...common} value={textOf(value)} stages={screen.stages} picker={picker} />,
      }
    }
  }
}

/** The editor: every writable field, grouped, drawn from `contactFields`, scrolled to keep the focused one in view. */
export function EditorScreen(props: Props) {
  const { editor, width, height } = props
  const theme = useTheme()
  const topRef = useRef(0)
  const dirty = new Set(dirtyFields(editor))
  const errors = editorErrors(editor)
  const valueWidth = Math.max(10, width - LABEL_COLUMNS - 1)

  const blocks: ScreenBlock[] = []
  let focusIndex = -1
  let group: string | undefined
  for (const meta of contactFields) {
    if (meta.group !== group) {
      group = meta.group
      blocks.push({
        key: `group-${meta.group}`,
        heading: true,
        rows: 1,
        node: (
          <Text bold color={theme.color('accent')}>
            {`── ${meta.group} ${'─'.repeat(Math.max(0, width - meta.group.length - 6))}`}
          </Text>
        ),
      })
    }
    const focused = editor.focus === meta.name
    // A refused tag is the tags field's error (`editorErrors`) until it is fixed or cleared.
    const error = errors[meta.name]
    const notice = editor.notices[meta.name]
    const notes = matchNotes(editor, meta.name)
    const field = fieldBlock(meta, { meta, focused, changed: dirty.has(meta.name), error, valueWidth }, editor, props)
    if (focused) focusIndex = blocks.length
    blocks.push({
      key: meta.name,
      heading: false,
      rows: field.rows + (error ? 1 : 0) + (notice ? 1 : 0) + notes.length,
      node: (
        <Box flexDirection="column">
          {field.node}
          {error ? <FieldMessage kind="error" text={error} /> : null}
          {notice ? <FieldMessage kind="notice" text={notice} /> : null}
          {notes.map((note) => (
            <FieldMessage key={note.text} kind={note.kind} text={note.text} />
          ))}
        </Box>
      ),
    })
  }

  const { top, visible } = blockWindow(blocks, focusIndex, topRef.current, height)
  topRef.current = top
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
