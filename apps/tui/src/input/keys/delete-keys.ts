import type { KeyPress } from '../../keys/keypress.js'
import { commandFor, matches } from '../../keys/match.js'
import { canConfirm, type DeleteDialog } from '../../state/delete.js'
import { textOpFor } from './common.js'
import type { Intent } from './intents.js'

const dialog = (action: Extract<Intent, { type: 'delete' }>['action']): Intent => ({ type: 'delete', action })

/**
 * The delete dialog. First step: Enter moves the contact to the trash, `p` asks to delete it for good instead. That
 * second step takes typing (the name to confirm with) and deletes only once it matches. Ctrl+C is a way out, never
 * a way to delete.
 */
export function deleteKeys(key: KeyPress, state: DeleteDialog): Intent[] {
  if (state.phase === 'deleting') return []
  if (state.step === 'trash') {
    switch (commandFor('delete', key)) {
      case 'delete.trash':
        return [{ type: 'deleteConfirm' }]
      case 'delete.permanent':
        return [dialog({ type: 'permanentStep' })]
      case 'delete.cancel':
        return [{ type: 'deleteCancel' }]
    }
    return matches('app.quit', key) ? [{ type: 'deleteCancel' }] : []
  }
  switch (commandFor('deleteForGood', key)) {
    case 'deleteForGood.confirm':
      return [canConfirm(state) ? { type: 'deleteConfirm' } : dialog({ type: 'mismatch' })]
    case 'deleteForGood.back':
      return [dialog({ type: 'back' })]
  }
  if (matches('app.quit', key)) return [{ type: 'deleteCancel' }]
  const op = textOpFor(key)
  if (op) return [dialog({ type: 'textOp', op })]
  if (key.text) return [dialog({ type: 'type', text: key.text })]
  return []
}
