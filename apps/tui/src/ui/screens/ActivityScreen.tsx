import { Box, Text } from 'ink'
import { keyLabel, spokenKeyLabel } from '../../keys/format.js'
import {
  type ActivityField,
  type ActivityForm,
  activityErrors,
  activityPhrase,
  activityTypes,
  CONTENT_MAX_LENGTH,
  directionApplies,
  directions,
} from '../../state/activity/form.js'
import { MultilineBox } from '../components/MultilineBox.js'
import { Spinner } from '../components/Spinner.js'
import { FieldLabel, FieldMessage } from '../fields/FieldLabel.js'
import { multilineWidth } from '../fields/MultilineField.js'
import { useTheme } from '../theme.js'

/** Rows of the text box for a body height: what the title, the two choices, the text's label and messages leave. */
export function activityTextRows(bodyHeight: number): number {
  return Math.max(3, bodyHeight - 7)
}

/** The text box's width for a screen width (the key handlers need it to move by visual rows). */
export const activityTextWidth = multilineWidth

const NOT_SAID = '(not said)'

/** A row of choices, the chosen one in brackets (and inverse while focused): nothing relies on colour. */
function Choices({ options, chosen, focused }: { options: readonly string[]; chosen: string; focused: boolean }) {
  return (
    <Text wrap="truncate-end">
      {options.map((option, i) => (
        <Text key={option}>
          {i > 0 ? ' ' : ''}
          {option === chosen ? <Text bold inverse={focused}>{`[${option}]`}</Text> : ` ${option} `}
        </Text>
      ))}
    </Text>
  )
}

const labels: Record<ActivityField, string> = { type: 'Type', direction: 'Direction', content: 'Text' }

/** The activity form: its type, its direction where one applies, and its text (multi-line, with a counter). */
export function ActivityScreen({ form, width, height }: { form: ActivityForm; width: number; height: number }) {
  const theme = useTheme()
  const errors = activityErrors(form)
  const { values } = form
  const counter = `${values.content.length}/${CONTENT_MAX_LENGTH}`
  const message = (field: ActivityField) => {
    const text = errors[field]
    return text ? <FieldMessage kind="error" text={text} /> : null
  }
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">{`Log an activity on ${form.contactName}`}</Text>
      <Box>
        <FieldLabel label={labels.type} focused={form.focus === 'type'} changed={false} />
        <Choices options={activityTypes} chosen={values.type} focused={form.focus === 'type'} />
      </Box>
      {message('type')}
      {directionApplies(values.type) ? (
        <>
          <Box>
            <FieldLabel label={labels.direction} focused={form.focus === 'direction'} changed={false} />
            <Choices
              options={[NOT_SAID, ...directions]}
              chosen={values.direction ?? NOT_SAID}
              focused={form.focus === 'direction'}
            />
          </Box>
          {message('direction')}
        </>
      ) : null}
      <Box width={width}>
        <FieldLabel label={labels.content} focused={form.focus === 'content'} changed={false} />
        <Text color={theme.color('muted')}>
          {`${keyLabel('multiline.newline')} new line · ${keyLabel('activity.externalEditor')} $EDITOR`}
        </Text>
        <Box flexGrow={1} />
        <Text color={errors.content ? theme.color('error') : theme.color('muted')}>{counter}</Text>
      </Box>
      <Box paddingLeft={2}>
        <MultilineBox
          value={values.content}
          cursor={form.cursor}
          focused={form.focus === 'content'}
          width={activityTextWidth(width)}
          height={activityTextRows(height)}
        />
      </Box>
      {message('content')}
      {errors['*'] ? <FieldMessage kind="error" text={errors['*']} /> : null}
    </Box>
  )
}

/** The linear (screen reader) form: one sentence for the focused field, one for the text. */
export function LinearActivity({ form }: { form: ActivityForm }) {
  const errors = activityErrors(form)
  const { values } = form
  const focused =
    form.focus === 'type'
      ? `Type: ${values.type}, one of ${activityTypes.join(', ')}.`
      : form.focus === 'direction'
        ? `Direction: ${values.direction ?? 'not said'}, one of not said, ${directions.join(', ')}.`
        : `Text: ${values.content.length} of ${CONTENT_MAX_LENGTH} characters.`
  return (
    <Box flexDirection="column">
      <Text>
        Log an activity on {form.contactName}: {activityPhrase(form.values)}.
      </Text>
      <Text>{focused}</Text>
      {errors[form.focus] ? <Text>Error: {errors[form.focus]}</Text> : null}
    </Box>
  )
}

/** What the review says about a send that may have arrived already. */
const MAYBE_SENT = 'It may have been logged already (an earlier send got no answer): sending it again may log it twice.'

/** The activity as it will be sent, and how the send is going. */
export function ActivityReview({ form, width, height }: { form: ActivityForm; width: number; height: number }) {
  const theme = useTheme()
  const { save, values } = form
  const lines = values.content.trimEnd().split('\n')
  const shown = lines.slice(0, Math.max(1, height - 9))
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">{`Review: log ${activityPhrase(form.values)} on ${form.contactName}`}</Text>
      <Text color={theme.color('muted')}>Sent in one request; the API keeps it with the contact.</Text>
      <Box flexDirection="column" marginTop={1} flexGrow={1} overflow="hidden">
        <Text>{`  Type       ${values.type}`}</Text>
        {directionApplies(values.type) ? <Text>{`  Direction  ${values.direction ?? NOT_SAID}`}</Text> : null}
        {values.content.trim() === '' ? (
          <Text>{'  Text       (none)'}</Text>
        ) : (
          shown.map((line, i) => (
            <Text
              key={i}
              wrap="truncate-end"
            >{`${i === 0 ? '  Text       ' : '             '}${line.slice(0, width)}`}</Text>
          ))
        )}
        {lines.length > shown.length ? (
          <Text color={theme.color('muted')}>{`             … ${lines.length - shown.length} more lines`}</Text>
        ) : null}
      </Box>
      <Box height={3} flexDirection="column">
        {form.maybeSent && save.phase !== 'failed' ? (
          <Text color={theme.color('warning')} wrap="wrap">
            ! {MAYBE_SENT}
          </Text>
        ) : null}
        {save.phase === 'sending' ? <Spinner label="Logging…" /> : null}
        {save.phase === 'failed' ? (
          <>
            <Text color={theme.color('error')} wrap="wrap">
              ✗ {save.message}
            </Text>
            <Text>{`Press ${keyLabel('activityReview.retry')} to send it again, ${keyLabel('activityReview.back')} to go back. Your activity is kept.`}</Text>
          </>
        ) : null}
        {save.phase === 'review' ? (
          <Text>{`Press ${keyLabel('activityReview.confirm')} to log it, ${keyLabel('activityReview.back')} to go back.`}</Text>
        ) : null}
      </Box>
    </Box>
  )
}

/** The linear (screen reader) review of the activity. */
export function LinearActivityReview({ form }: { form: ActivityForm }) {
  const { save, values } = form
  const text = values.content.trim()
  return (
    <Box flexDirection="column">
      <Text>
        Review: log {activityPhrase(form.values)} on {form.contactName}.{' '}
        {text ? `Text: ${values.content.length} characters, starting "${text.split('\n')[0]}".` : 'No text.'}
      </Text>
      {form.maybeSent ? <Text>{MAYBE_SENT}</Text> : null}
      {save.phase === 'sending' ? <Text>Logging.</Text> : null}
      {save.phase === 'failed' ? (
        <Text>
          Not logged: {save.message} Press {spokenKeyLabel('activityReview.retry')} to send it again,{' '}
          {spokenKeyLabel('activityReview.back')} to go back.
        </Text>
      ) : null}
      {save.phase === 'review' ? (
        <Text>
          Press {spokenKeyLabel('activityReview.confirm')} to log it, {spokenKeyLabel('activityReview.back')} to go
          back.
        </Text>
      ) : null}
    </Box>
  )
}
