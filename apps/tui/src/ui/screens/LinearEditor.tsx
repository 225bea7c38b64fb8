import { contactFields } from '@cc/schema'
import { Box, Text } from 'ink'
import { dirtyFields, editorErrors } from '../../state/editor/selectors.js'
import type { EditorState } from '../../state/editor/state.js'
import { describeValue } from '../../state/form.js'
import { unsavedLabel } from '../labels.js'
import { matchNotes } from './match-notes.js'

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
      {matchNotes(editor, meta.name).map((note) => (
        <Text key={note.text}>Note: {note.text}.</Text>
      ))}
      <Text>{dirty.length === 0 ? 'No unsaved changes.' : `${unsavedLabel(dirty.length)}.`}</Text>
    </Box>
  )
}
