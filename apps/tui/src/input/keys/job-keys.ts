import type { KeyPress } from '../../keys/keypress.js'
import { matches } from '../../keys/match.js'
import { globalKeys, pick, textOpFor } from './common.js'
import type { Intent } from './intents.js'

const flow = (action: Extract<Intent, { type: 'flow' }>['action']): Intent => ({ type: 'flow', action })

/** A line of text being typed (the value of a bulk edit, the file of an import): the text keys, and printable keys. */
function typing(key: KeyPress): Intent[] | undefined {
  const op = textOpFor(key)
  if (op) return [flow({ type: 'textOp', op })]
  if (key.text && !key.ctrl && !key.meta) return [flow({ type: 'type', text: key.text })]
  return undefined
}

/** The bulk action menu. */
export function bulkActionKeys(key: KeyPress): Intent[] {
  return (
    globalKeys(key, true) ??
    pick('bulkAction', key, {
      'bulkAction.up': flow({ type: 'move', delta: -1 }),
      'bulkAction.down': flow({ type: 'move', delta: 1 }),
      'bulkAction.choose': { type: 'job', command: 'chooseAction' },
      'bulkAction.back': { type: 'job', command: 'close' },
    }) ??
    []
  )
}

/** The value of a bulk edit: typed (a stage picked with ↑/↓ among those known). */
export function bulkValueKeys(key: KeyPress): Intent[] {
  return (
    globalKeys(key, false) ??
    pick('bulkValue', key, {
      'bulkValue.up': flow({ type: 'move', delta: -1 }),
      'bulkValue.down': flow({ type: 'move', delta: 1 }),
      'bulkValue.accept': { type: 'job', command: 'acceptValue' },
      'bulkValue.back': flow({ type: 'backToActions' }),
    }) ??
    typing(key) ??
    []
  )
}

export function bulkPreviewKeys(key: KeyPress): Intent[] {
  return (
    globalKeys(key, true) ??
    pick('bulkPreview', key, {
      'bulkPreview.confirm': { type: 'job', command: 'confirmBulk' },
      'bulkPreview.back': flow({ type: 'backToValue' }),
    }) ??
    []
  )
}

export function importPathKeys(key: KeyPress): Intent[] {
  return (
    globalKeys(key, false) ??
    pick('importPath', key, {
      'importPath.accept': { type: 'job', command: 'acceptPath' },
      'importPath.back': { type: 'job', command: 'close' },
    }) ??
    typing(key) ??
    []
  )
}

export function importPreviewKeys(key: KeyPress): Intent[] {
  return (
    globalKeys(key, true) ??
    pick('importPreview', key, {
      'importPreview.confirm': { type: 'job', command: 'confirmImport' },
      'importPreview.up': flow({ type: 'move', delta: -1 }),
      'importPreview.down': flow({ type: 'move', delta: 1 }),
      'importPreview.back': flow({ type: 'backToPath' }),
    }) ??
    []
  )
}

/** While a run goes on: Esc stops it gently. Ctrl+C asks before quitting (the run would stop, to resume later). */
export function runProgressKeys(key: KeyPress): Intent[] {
  return (
    globalKeys(key, true) ?? pick('runProgress', key, { 'runProgress.stop': { type: 'job', command: 'stop' } }) ?? []
  )
}

export function runResultKeys(key: KeyPress): Intent[] {
  return (
    globalKeys(key, true) ??
    pick('runResult', key, {
      'runResult.retry': { type: 'job', command: 'retry' },
      'runResult.up': flow({ type: 'move', delta: -1 }),
      'runResult.down': flow({ type: 'move', delta: 1 }),
      'runResult.close': { type: 'job', command: 'close' },
    }) ??
    []
  )
}

export function resumeRunKeys(key: KeyPress): Intent[] {
  return (
    globalKeys(key, true) ??
    pick('resumeRun', key, {
      'resumeRun.resume': { type: 'resumeRun', choice: 'resume' },
      'resumeRun.discard': { type: 'resumeRun', choice: 'discard' },
      'resumeRun.later': { type: 'resumeRun', choice: 'later' },
    }) ??
    []
  )
}

/** "A bulk edit is under way. Quit now?": a second Ctrl+C is the answer too, and quits at once. */
export function runGuardKeys(key: KeyPress): Intent[] {
  if (matches('app.quit', key)) return [{ type: 'runGuard', choice: 'now' }]
  return (
    pick('runGuard', key, {
      'runGuard.quit': { type: 'runGuard', choice: 'quit' },
      'runGuard.keep': { type: 'runGuard', choice: 'keep' },
    }) ?? []
  )
}
