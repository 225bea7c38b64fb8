import type { Command, Context } from '../../keys/keymap.js'
import type { KeyPress } from '../../keys/keypress.js'
import { commandFor, matches } from '../../keys/match.js'
import type { LineOp } from '../../text/line.js'
import type { Intent } from './intents.js'

/** The text-editing commands, as the operations of the text buffers. */
const textOps: Partial<Record<Command, LineOp>> = {
  'text.left': 'left',
  'text.right': 'right',
  'text.home': 'home',
  'text.end': 'end',
  'text.wordLeft': 'wordLeft',
  'text.wordRight': 'wordRight',
  'text.deleteLeft': 'deleteLeft',
  'text.deleteRight': 'deleteRight',
  'text.deleteWordLeft': 'deleteWordLeft',
  'text.deleteWordRight': 'deleteWordRight',
  'text.deleteToStart': 'deleteToStart',
  'text.deleteToEnd': 'deleteToEnd',
}

/** The text operation a key asks for, if it is one of the text fields' keys. */
export function textOpFor(key: KeyPress): LineOp | undefined {
  const command = commandFor('text', key)
  return command ? textOps[command] : undefined
}

/**
 * Keys every screen shares: Ctrl+C quits (asking first when needed), `?` or Ctrl+/ opens help.
 * Where printable keys type (`allowQuestionMark` false), only the chord opens help.
 */
export function globalKeys(key: KeyPress, allowQuestionMark: boolean): Intent[] | undefined {
  if (matches('app.quit', key)) return [{ type: 'quit' }]
  if (matches('app.help', key) && (allowQuestionMark || key.ctrl)) return [{ type: 'help' }]
  return undefined
}

/** The intent of the first command of `context` bound to `key`, from a table of the context's commands. */
export function pick(context: Context, key: KeyPress, intents: Partial<Record<Command, Intent>>): Intent[] | undefined {
  const command = commandFor(context, key)
  const intent = command && intents[command]
  return intent ? [intent] : undefined
}
