import type { KeyPress } from '../../keys/keypress.js'
import { matches } from '../../keys/match.js'
import { globalKeys, pick } from './common.js'
import type { Intent } from './intents.js'

export function guardKeys(key: KeyPress): Intent[] {
  return (
    pick('quitGuard', key, {
      'guard.save': { type: 'guard', choice: 'save' },
      'guard.discard': { type: 'guard', choice: 'discard' },
      'guard.keep': { type: 'guard', choice: 'keep' },
    }) ??
    // A second Ctrl+C while asked is still not a way to lose work: it means "keep editing".
    (matches('app.quit', key) ? [{ type: 'guard', choice: 'keep' }] : [])
  )
}

export function restoreKeys(key: KeyPress): Intent[] {
  return (
    globalKeys(key, true) ??
    pick('restore', key, {
      'restore.restore': { type: 'restore', choice: 'restore' },
      'restore.discard': { type: 'restore', choice: 'discard' },
      'restore.cancel': { type: 'restore', choice: 'cancel' },
    }) ??
    []
  )
}

export function helpKeys(key: KeyPress): Intent[] {
  if (matches('app.quit', key)) return [{ type: 'quit' }]
  return (
    pick('help', key, {
      'help.up': { type: 'helpScroll', delta: -1 },
      'help.down': { type: 'helpScroll', delta: 1 },
      'help.close': { type: 'closeHelp' },
    }) ?? (matches('app.help', key) ? [{ type: 'closeHelp' }] : [])
  )
}

export function startupKeys(key: KeyPress): Intent[] {
  if (matches('app.quit', key)) return [{ type: 'startup', choice: 'quit' }]
  return (
    pick('startup', key, {
      'startup.retry': { type: 'startup', choice: 'retry' },
      'startup.sandbox': { type: 'startup', choice: 'sandbox' },
      'startup.quit': { type: 'startup', choice: 'quit' },
    }) ?? []
  )
}
