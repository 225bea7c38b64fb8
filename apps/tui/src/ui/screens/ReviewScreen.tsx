import { contactField } from '@cc/schema'
import { Box, Text } from 'ink'
import { keyLabel, spokenKeyLabel } from '../../keys/format.js'
import { currentLookup, type Match, matchesFound, upsertTarget } from '../../state/editor/create.js'
import { dirtyFields } from '../../state/editor/selectors.js'
import type { EditorState } from '../../state/editor/state.js'
import { describeValue, type FieldName, sameValue, spokenValue } from '../../state/form.js'
import { Spinner } from '../components/Spinner.js'
import { plural } from '../labels.js'
import { useTheme } from '../theme.js'

const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text)

/**
 * What a review of a new contact says it does, in plain words: it creates a contact, or (the API upserts by email)
 * it updates the one that has the email already; a create left unanswered goes again first.
 */
export function createSummary(editor: EditorState): {
  title: string
  notes: string[]
  /** The fields listed: every one filled in, or those that change on the contact it updates. */
  fields: FieldName[]
  target?: Match | undefined
} {
  const filled = dirtyFields(editor)
  const count = plural(filled.length, 'field')
  const notes: string[] = []
  if (editor.create?.inFlight) {
    notes.push(
      'It was being created when cc-tui stopped: that same request goes again first (it cannot make a second contact), then the changes made since.',
    )
    return { title: `Review: finish creating this contact (${count})`, notes, fields: filled }
  }
  const target = upsertTarget(editor)
  if (target) {
    const fields = filled.filter((name) => !sameValue(name, target.values[name], editor.values[name]))
    notes.push(`${target.name} already has this email: the API updates that contact. Only these fields change on it.`)
    return { title: `Review: updates ${target.name} (${plural(fields.length, 'field')})`, notes, fields, target }
  }
  // The lookup goes on while the review is up: the note changes as soon as it is back.
  const email = currentLookup(editor, 'email')
  if (email?.status === 'failed') {
    notes.push('Could not check whether this email is in use: if a contact has it, that contact is updated instead.')
  } else if (editor.values.email.trim() !== '' && email?.status !== 'free') {
    notes.push('Checking whether another contact has this email…')
  }
  for (const { field, match } of matchesFound(editor)) {
    if (field === 'phone') notes.push(`${match.name} already has this phone: this is a new contact all the same.`)
  }
  notes.unshift('These fields are sent, in one request.')
  return { title: `Review: creates a new contact (${count})`, notes, fields: filled }
}

/** Old → new for every changed field, and how the save is going. */
export function ReviewScreen({ editor, width, height }: { editor: EditorState; width: number; height: number }) {
  const theme = useTheme()
  const save = editor.save
  const valueWidth = Math.max(10, Math.floor((width - 20) / 2))
  const create = editor.create ? createSummary(editor) : undefined
  const changed = create ? create.fields : dirtyFields(editor)
  // The "old" side: the contact's values, or for a new contact the one it would update (a plain create has none).
  const old = create ? create.target?.values : editor.base
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">
        {create ? create.title : `Review ${plural(changed.length, 'change')} to ${editor.title}`}
      </Text>
      {(create ? create.notes : ['Only these fields are sent, in one request.']).map((note) => (
        <Text key={note} color={theme.color('muted')} wrap="wrap">
          {note}
        </Text>
      ))}
      <Box flexDirection="column" marginTop={1} flexGrow={1} overflow="hidden">
        {changed.map((name) => (
          <Box key={name} flexDirection="column">
            <Text bold>{contactField(name).label}</Text>
            {old ? (
              <Text wrap="truncate-end">
                {'  '}
                <Text color={theme.color('muted')}>old </Text>
                {clip(describeValue(name, old[name]), valueWidth)}
              </Text>
            ) : null}
            <Text wrap="truncate-end">
              {'  '}
              <Text color={theme.color('changed')}>new </Text>
              {clip(describeValue(name, editor.values[name]), valueWidth * 2)}
            </Text>
          </Box>
        ))}
      </Box>
      <Box height={2} flexDirection="column">
        {save.phase === 'saving' ? (
          <Spinner label={editor.create ? 'Creating…' : 'Saving… (checking for changes on the server first)'} />
        ) : null}
        {save.phase === 'failed' ? (
          <>
            <Text color={theme.color('error')} wrap="truncate-end">
              ✗ {save.message}
            </Text>
            <Text>{`Press ${keyLabel('review.retry')} to retry, ${keyLabel('review.back')} to go back to editing. Your draft is kept.`}</Text>
          </>
        ) : null}
        {save.phase === 'review' ? (
          <Text>{`Press ${keyLabel('review.confirm')} to save, ${keyLabel('review.back')} to go back.`}</Text>
        ) : null}
      </Box>
    </Box>
  )
}

/** The linear (screen reader) review: one sentence per changed field, then how the save is going. */
export function LinearReview({ editor }: { editor: EditorState }) {
  const save = editor.save
  const create = editor.create ? createSummary(editor) : undefined
  const changed = create ? create.fields : dirtyFields(editor)
  const old = create ? create.target?.values : editor.base
  return (
    <Box flexDirection="column">
      <Text>
        {create
          ? `${create.title}. ${create.notes.join(' ')}`
          : `Review ${plural(changed.length, 'change')} to ${editor.title}. Only these fields are sent, in one request.`}
      </Text>
      {changed.map((name, i) => (
        <Text key={name}>
          Change {i + 1} of {changed.length}: {contactField(name).label}
          {old ? `, from ${spokenValue(name, old[name])}` : ''} to {spokenValue(name, editor.values[name])}.
        </Text>
      ))}
      {save.phase === 'saving' ? <Text>Saving. Checking for changes on the server first.</Text> : null}
      {save.phase === 'failed' ? (
        <Text>
          Not saved: {save.message} Press {spokenKeyLabel('review.retry')} to retry, {spokenKeyLabel('review.back')} to
          go back to editing. Your draft is kept.
        </Text>
      ) : null}
      {save.phase === 'review' ? (
        <Text>
          Press {spokenKeyLabel('review.confirm')} to save, {spokenKeyLabel('review.back')} to go back.
        </Text>
      ) : null}
    </Box>
  )
}
