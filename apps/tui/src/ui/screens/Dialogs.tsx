import { contactField } from '@cc/schema'
import { Box, Text } from 'ink'
import type { ReactNode } from 'react'
import type { ActivityDraft, Draft } from '../../drafts/draft-store.js'
import { keyLabel } from '../../keys/format.js'
import { activityPhrase } from '../../state/activity/form.js'
import { changedFields } from '../../state/form.js'
import { displayLine } from '../../text/sanitize.js'
import { useTheme } from '../theme.js'

/** A bordered box of questions or choices, at most 72 columns wide. */
export function Dialog({ title, children, width }: { title: string; children: ReactNode; width: number }) {
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

/** Leaving unsaved work: `what` is "1 unsaved change", "an unsaved activity"; `them` how the choices name it. */
export function QuitGuard({ what, them, width }: { what: string; them: 'them' | 'it'; width: number }) {
  return (
    <Dialog title={`You have ${what}.`} width={width}>
      <Text>{`${keyLabel('guard.save')} review and save ${them}`}</Text>
      <Text>{`${keyLabel('guard.discard')} discard ${them}`}</Text>
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

/** The keys of a restore prompt; `fresh` is what discarding starts from. */
function RestoreKeys({ fresh }: { fresh: string }) {
  return (
    <>
      <Text> </Text>
      <Text>{`${keyLabel('restore.restore')} restore the draft`}</Text>
      <Text>{`${keyLabel('restore.discard')} discard it and ${fresh}`}</Text>
      <Text>{`${keyLabel('restore.cancel')} back, keeping the draft for later`}</Text>
    </>
  )
}

function ContactRestore({ draft, width }: { draft: Draft; width: number }) {
  const fields = changedFields(draft.base, draft.values).map((name) => contactField(name).label)
  const count = fields.length === 1 ? 'one field' : `${fields.length} fields`
  if (draft.create) {
    const name = [draft.values.firstName, draft.values.lastName].map(displayLine).filter(Boolean).join(' ')
    return (
      <Dialog title={`Unsaved new contact${name ? `: ${name}` : ''}`} width={width}>
        <Text wrap="wrap">
          A draft from {ago(draft.savedAt)} fills in {count}: {fields.join(', ')}.
        </Text>
        {draft.create.inFlight ? (
          <Text wrap="wrap">
            It was being created when cc-tui stopped. Saving sends that same request again first, which can never make a
            second contact, then any change made since.
          </Text>
        ) : null}
        <RestoreKeys fresh="start an empty contact" />
      </Dialog>
    )
  }
  return (
    <Dialog title={`Unsaved changes to ${displayLine(draft.title)}`} width={width}>
      <Text wrap="wrap">
        A draft from {ago(draft.savedAt)} changes {count}: {fields.join(', ')}.
      </Text>
      <Text>(A save still checks for newer changes on the server.)</Text>
      <RestoreKeys fresh="edit the saved contact" />
    </Dialog>
  )
}

function ActivityRestore({ draft, width }: { draft: ActivityDraft; width: number }) {
  const firstLine = displayLine(draft.values.content.split('\n')[0] ?? '')
  const what = activityPhrase(draft.values)
  return (
    <Dialog title={`Unsaved activity for ${displayLine(draft.title)}`} width={width}>
      <Text wrap="truncate-end">
        A draft from {ago(draft.savedAt)}: {what}
        {firstLine ? `, "${firstLine}"` : ''}
      </Text>
      {draft.sending ? (
        <Text wrap="wrap">
          It was being sent when cc-tui stopped, and the API cannot say whether it arrived: sending it again may log it
          twice.
        </Text>
      ) : null}
      <RestoreKeys fresh="start a new one" />
    </Dialog>
  )
}

/** A kept draft offered back: a contact's changes, a new contact, or an activity. */
export function RestorePrompt({ draft, width }: { draft: Draft | ActivityDraft; width: number }) {
  return draft.kind === 'activity' ? (
    <ActivityRestore draft={draft} width={width} />
  ) : (
    <ContactRestore draft={draft} width={width} />
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
