import { type Command, type Context, commandsIn, keymap } from './keymap.js'
import type { KeyPress } from './keypress.js'

interface Binding {
  name: string
  ctrl: boolean
  meta: boolean
  shift: boolean
}

const cache = new Map<string, Binding>()

/** `ctrl+shift+tab` → `{ name: 'tab', ctrl, shift }`. A single printable character binds by itself (`?`, `G`). */
export function parseBinding(binding: string): Binding {
  const cached = cache.get(binding)
  if (cached) return cached
  const parsed: Binding = { name: binding, ctrl: false, meta: false, shift: false }
  if (binding.length > 1) {
    const parts = binding.split('+')
    // `ctrl++` would split into empty parts; keep the last non-modifier as the name.
    parsed.name = parts.pop() || '+'
    for (const mod of parts) {
      if (mod === 'ctrl') parsed.ctrl = true
      else if (mod === 'alt') parsed.meta = true
      else if (mod === 'shift') parsed.shift = true
      else throw new Error(`Unknown modifier "${mod}" in key binding "${binding}"`)
    }
  }
  cache.set(binding, parsed)
  return parsed
}

function matchesBinding(binding: string, key: KeyPress): boolean {
  const b = parseBinding(binding)
  if (b.name.length === 1 && !b.ctrl && !b.meta) {
    // Printable keys bind by the character they type; Shift is already in the character.
    return !key.ctrl && !key.meta && key.text === b.name
  }
  return key.name === b.name && key.ctrl === b.ctrl && key.meta === b.meta && key.shift === b.shift
}

export function matches(command: Command, key: KeyPress): boolean {
  return keymap[command].keys.some((binding) => matchesBinding(binding, key))
}

/** The first command of `context` bound to `key`, if any. */
export function commandFor(context: Context, key: KeyPress): Command | undefined {
  return commandsIn(context).find((command) => matches(command, key))
}
