import { useApp } from 'ink'
import { useCallback } from 'react'
import { editExternally } from '../services/external-editor.js'
import type { ToastMessage } from '../ui/components/StatusLine.js'

/** The field being handed over: its name (for the file), its label and its length limit. */
interface EditedField {
  name: string
  label: string
  maxLength?: number | undefined
}

/**
 * Multi-line text in the person's $VISUAL / $EDITOR, for any form: hands the terminal over and back,
 * gives the edited text to `apply`, and says in a toast what happened.
 */
export function useExternalEditor(env: NodeJS.ProcessEnv, showToast: (toast: ToastMessage) => void) {
  const { suspendTerminal } = useApp()
  return useCallback(
    async (text: string, field: EditedField, apply: (text: string) => void) => {
      try {
        const result = await editExternally(text, {
          label: field.label,
          maxLength: field.maxLength ?? Number.POSITIVE_INFINITY,
          fileName: `${field.name}.txt`,
          env,
          suspend: (run) => suspendTerminal(run),
        })
        if (result.kind === 'edited') {
          apply(result.text)
          showToast({ kind: 'info', text: `${field.label} updated from the editor.` })
        } else if (result.kind === 'failed') showToast({ kind: 'error', text: result.message })
      } catch (error) {
        showToast({ kind: 'error', text: `The editor failed: ${(error as Error).message}` })
      }
    },
    [env, suspendTerminal, showToast],
  )
}
