import { contactField } from '@cc/schema'
import { Box, Text } from 'ink'
import type { ReactNode } from 'react'
import type { Draft } from '../../drafts/draft-store.js'
import { keyLabel } from '../../keys/format.js'
import { changedFields } from '../../state/form.js'
import { displayLine } from '../../text/sanitize.js'
import { unsavedLabel } from '../labels.js'
import { useTheme } from '../theme.js'

function Dialog({ title, children, width }: { title: string; children: ReactNode; width: number }) {
  const theme = useTheme()
  return (
    <Box
      flexDirection="column"
      borderStyle="round"
      borderColor={theme.color('warning')}
      paddingX={1}
      width={Math.min(width, 72)}
    >
      <Text bold>{title}</Text>
      {children}
    </Box>
  )
}

export function QuitGuard({ count, width }: { count: number; width: number }) {
  return (
    <Dialog title={`You have ${unsavedLabel(count)}.`} width={width}>
      <Text>{`${keyLabel('guard.save')} review and save them`}</Text>
      <Text>{`${keyLabel('guard.discard')} discard them`}</Text>
      <Text>{`${keyLabel('guard.keep')} keep editing`}</Text>
    </Dialog>
  )
}

/** "3 minutes ago" */
function ago(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000))
  if (seconds < 60) return `${seconds} s ago`
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.round(minutes / 60)
  if (hours < 48) return `${hours} h ago`
  return `on ${iso.slice(0, 10)}`
}

export function RestorePrompt({ draft, width }: { draft: Draft; width: number }) {
  const fields = changedFields(draft.base, draft.values).map((name) => contactField(name).label)
  return (
    <Dialog title={`Unsaved changes to ${displayLine(draft.title)}`} width={width}>
      <Text wrap="wrap">
        A draft from {ago(draft.savedAt)} changes {fields.length === 1 ? 'one field' : `${fields.length} fields`}:{' '}
        {fields.join(', ')}.
      </Text>
      <Text> </Text>
      <Text>{`${keyLabel('restore.restore')} restore the draft (a save still checks for newer changes on the server)`}</Text>
      <Text>{`${keyLabel('restore.discard')} discard it and edit the saved contact`}</Text>
      <Text>{`${keyLabel('restore.cancel')} back to the list`}</Text>
    </Dialog>
  )
}

export function StartupError({
  title,
  message,
  canUseSandbox,
}: {
  title: string
  message: string
  canUseSandbox: boolean
}) {
  const theme = useTheme()
  return (
    <Box flexDirection="column" paddingX={2} paddingY={1}>
      <Text bold color={theme.color('error')}>
        ✗ {displayLine(title)}
      </Text>
      <Text> </Text>
      <Text wrap="wrap">{displayLine(message)}</Text>
      <Text> </Text>
      <Text>{`${keyLabel('startup.retry')} try again`}</Text>
      {canUseSandbox ? (
        <Text>{`${keyLabel('startup.sandbox')} open the local sandbox (demo data) instead`}</Text>
      ) : null}
      <Text>{`${keyLabel('startup.quit')} quit`}</Text>
    </Box>
  )
}
