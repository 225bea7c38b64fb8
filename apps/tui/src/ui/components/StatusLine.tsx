import { Text } from 'ink'
import { displayLine } from '../../text/sanitize.js'
import { unsavedLabel } from '../labels.js'
import { type Role, useTheme } from '../theme.js'

type ToastKind = 'info' | 'success' | 'error' | 'warning'

export interface ToastMessage {
  kind: ToastKind
  text: string
}

const icon: Record<ToastKind, string> = { info: 'ℹ', success: '✓', error: '✗', warning: '!' }
const role: Record<ToastKind, Role> = { info: 'accent', success: 'success', error: 'error', warning: 'warning' }

/** A toast: an icon that says the kind without colour, then the message (which may quote the server: cleaned). */
export function Toast({ toast }: { toast: ToastMessage }) {
  const theme = useTheme()
  return (
    <Text wrap="truncate-end" color={theme.color(role[toast.kind])}>
      {icon[toast.kind]} {displayLine(toast.text)}
    </Text>
  )
}

/**
 * The open draft: how many changes wait to be saved, whether the draft reaches the disk (and why not), and how
 * many fields need fixing first.
 */
export function DraftStatus({
  unsaved,
  errors,
  draftsProblem,
}: {
  unsaved: number
  errors: number
  /** Why drafts are not reaching the disk, if they are not. */
  draftsProblem?: string | undefined
}) {
  const theme = useTheme()
  if (unsaved > 0 && draftsProblem) {
    return (
      <Text color={theme.color('error')} wrap="truncate-end">
        {`* ${unsavedLabel(unsaved)} · ✗ NOT kept as a draft: ${displayLine(draftsProblem)}`}
      </Text>
    )
  }
  return (
    <Text color={errors > 0 ? theme.color('error') : theme.color('muted')} wrap="truncate-end">
      {unsaved === 0 ? 'No unsaved changes' : `* ${unsavedLabel(unsaved)} (kept as a draft until saved)`}
      {errors > 0 ? ` · ✗ ${errors} ${errors === 1 ? 'field needs' : 'fields need'} fixing` : ''}
    </Text>
  )
}

/** Drafts cannot be kept (the list is up, nothing open): said before any typing. */
export function DraftsProblem({ problem }: { problem: string }) {
  const theme = useTheme()
  return (
    <Text color={theme.color('error')} wrap="truncate-end">
      {`✗ Drafts will not be kept: ${displayLine(problem)}`}
    </Text>
  )
}
