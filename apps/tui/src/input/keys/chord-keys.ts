import { formatBinding } from '../../keys/format.js'
import type { Command, Context } from '../../keys/keymap.js'
import type { KeyPress } from '../../keys/keypress.js'
import { chordCommandFor, matches } from '../../keys/match.js'
import type { Intent } from './intents.js'

/** What each chord does, by the context it is in. */
const chordIntents: Partial<Record<Context, Partial<Record<Command, Intent>>>> = {
  editor: {
    'editor.delete': { type: 'deleteAsk', from: 'editor' },
    'editor.log': { type: 'logActivity', from: 'editor' },
    'editor.openMatch': { type: 'openMatch' },
  },
}

/** A key press as a binding would write it, for saying which keys did nothing (`ctrl+q`, `z`). */
function bindingOf(key: KeyPress): string {
  const mods = [key.ctrl ? 'ctrl+' : '', key.meta ? 'alt+' : '', key.shift && !key.text ? 'shift+' : ''].join('')
  return mods === '' && key.text.length === 1 ? key.text : `${mods}${key.name}`
}

/**
 * The second key of a chord: the command it completes, Esc to cancel, Ctrl+C to quit. Any other key ends the chord
 * without doing anything (it is not typed either), and says so.
 */
export function chordKeys(key: KeyPress, chord: { prefix: string; context: Context }): Intent[] {
  if (matches('chord.cancel', key)) return [{ type: 'chordEnd' }]
  if (matches('app.quit', key)) return [{ type: 'chordEnd' }, { type: 'quit' }]
  const command = chordCommandFor(chord.context, chord.prefix, key)
  const intent = command && chordIntents[chord.context]?.[command]
  if (intent) return [{ type: 'chordEnd' }, intent]
  return [{ type: 'chordEnd', unknown: formatBinding(`${chord.prefix} ${bindingOf(key)}`) }]
}
