import { Text } from 'ink'
import { unsavedLabel } from '../labels.js'
import { type Role, useTheme } from '../theme.js'

type ToastKind = 'info' | 'success' | 'error' | 'warning'

export interface ToastMessage {
  kind: ToastKind
  text: string
}

const icon: Record<ToastKind, string> = { info: 'ℹ', success: '✓', error: '✗', warning: '!' }
const role: Record<ToastKind, Role> = { info: 'accent', success: 'success', error: 'error', warning: 'warning' }

/** A toast: an icon that says the kind without colour, then the message. */
export function Toast({ toast }: { toast: ToastMessage }) {
  const theme = useTheme()
  return (
    <Text wrap="truncate-end" color={theme.color(role[toast.kind])}>
      {icon[toast.kind]} {toast.text}
    </Text>
  )
}

/** The open draft: how many changes wait to be saved, and how many fields need fixing first. */
export function DraftStatus({ unsaved, errors }: { unsaved: number; errors: number }) {
  const theme = useTheme()
  return (
    <Text color={errors > 0 ? theme.color('error') : theme.color('muted')} wrap="truncate-end">
      {unsaved === 0 ? 'No unsaved changes' : `* ${unsavedLabel(unsaved)} (kept as a draft until saved)`}
      {errors > 0 ? ` · ✗ ${errors} ${errors === 1 ? 'field needs' : 'fields need'} fixing` : ''}
    </Text>
  )
}
