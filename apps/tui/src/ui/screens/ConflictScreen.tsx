import { contactField } from '@cc/schema'
import { Box, Text } from 'ink'
import type { ConflictState } from '../../state/editor/conflict.js'
import { describeValue, spokenValue } from '../../state/form.js'
import { useTheme } from '../theme.js'

/** Fields changed on the server and in the draft: base, theirs and mine, and the side chosen for each. */
export function ConflictScreen({ conflict, height }: { conflict: ConflictState; height: number }) {
  const theme = useTheme()
  return (
    <Box flexDirection="column" height={height}>
      <Text bold color={theme.color('warning')}>
        ! Someone changed this contact since you opened it.
      </Text>
      <Text>
        {conflict.conflicts.length === 1 ? 'One field was' : `${conflict.conflicts.length} fields were`} changed on both
        sides. Choose which value to keep for each; nothing is saved until you confirm the review.
      </Text>
      <Box flexDirection="column" marginTop={1} overflow="hidden">
        {conflict.conflicts.map((row, i) => {
          const selected = i === conflict.selected
          const choice = conflict.choices[row.field] ?? 'mine'
          return (
            <Box key={row.field} flexDirection="column" marginBottom={1}>
              <Text bold inverse={selected}>
                {selected ? '› ' : '  '}
                {contactField(row.field).label}
              </Text>
              <Text wrap="truncate-end">{`    base    ${describeValue(row.field, row.base)}`}</Text>
              <Text wrap="truncate-end" bold={choice === 'theirs'}>
                {`  ${choice === 'theirs' ? '●' : '○'} theirs  ${describeValue(row.field, row.theirs)}`}
              </Text>
              <Text wrap="truncate-end" bold={choice === 'mine'}>
                {`  ${choice === 'mine' ? '●' : '○'} mine    ${describeValue(row.field, row.mine)}`}
              </Text>
            </Box>
          )
        })}
      </Box>
    </Box>
  )
}

/** The linear (screen reader) conflict: what happened, the highlighted field in full, and every choice so far. */
export function LinearConflict({ conflict }: { conflict: ConflictState }) {
  const total = conflict.conflicts.length
  const row = conflict.conflicts[conflict.selected]
  const choiceOf = (field: ConflictState['conflicts'][number]['field']) => conflict.choices[field] ?? 'mine'
  return (
    <Box flexDirection="column">
      <Text>
        Conflict: someone changed this contact since you opened it.{' '}
        {total === 1 ? 'One field was' : `${total} fields were`} changed on both sides. Nothing is saved until you
        confirm the review.
      </Text>
      {row ? (
        <Text>
          Field {conflict.selected + 1} of {total}: {contactField(row.field).label}. When you opened it:{' '}
          {spokenValue(row.field, row.base)}. Theirs: {spokenValue(row.field, row.theirs)}. Mine:{' '}
          {spokenValue(row.field, row.mine)}. Keeping {choiceOf(row.field)}.
        </Text>
      ) : null}
      <Text>
        Choices: {conflict.conflicts.map((c) => `${contactField(c.field).label}, ${choiceOf(c.field)}`).join('; ')}.
      </Text>
    </Box>
  )
}
