import { Text } from 'ink'
import { type Role, useTheme } from '../theme.js'

export type ToastKind = 'info' | 'success' | 'error' | 'warning'

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
