import type { KeyPress } from '../../keys/keypress.js'
import { commandFor } from '../../keys/match.js'
import type { EditorState } from '../../state/editor/state.js'
import { globalKeys, pick } from './common.js'
import { editorIntent, type Intent } from './intents.js'

/** The review before saving, the save under way, and a failed save. */
export function reviewKeys(key: KeyPress, state: EditorState): Intent[] {
  const global = globalKeys(key, true)
  if (global) return global
  const phase = state.save.phase
  if (phase === 'saving') return []
  switch (commandFor('review', key)) {
    case 'review.confirm':
      return phase === 'review' ? [{ type: 'confirmSave' }] : []
    case 'review.retry':
      return phase === 'failed' ? [{ type: 'confirmSave' }] : []
    case 'review.back':
      return [editorIntent({ type: 'back' })]
    default:
      return []
  }
}

/** The conflict screen: a side per field, then apply. */
export function conflictKeys(key: KeyPress): Intent[] {
  return (
    globalKeys(key, true) ??
    pick('conflict', key, {
      'conflict.up': editorIntent({ type: 'conflictMove', delta: -1 }),
      'conflict.down': editorIntent({ type: 'conflictMove', delta: 1 }),
      'conflict.theirs': editorIntent({ type: 'conflictChoose', side: 'theirs' }),
      'conflict.mine': editorIntent({ type: 'conflictChoose', side: 'mine' }),
      'conflict.apply': editorIntent({ type: 'conflictApply' }),
      'conflict.back': editorIntent({ type: 'back' }),
    }) ??
    []
  )
}
