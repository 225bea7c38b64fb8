import { type Command, type Context, commandsIn, keymap, keysOf } from './keymap.js'
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
  if (binding.includes(' ')) throw new Error(`Key binding "${binding}" is a chord: parse it with parseKeys`)
  const parsed: Binding = { name: binding, ctrl: false, meta: false, shift: false }
  if (binding.length > 1) {
    // The plus key after modifiers is written `shift+` or `ctrl++`: split only what comes before it.
    const plusKey = binding.endsWith('++')
    const parts = (plusKey ? binding.slice(0, -2) : binding).split('+')
    parsed.name = plusKey ? '+' : parts.pop() || '+'
    for (const mod of parts) {
      if (mod === 'ctrl') parsed.ctrl = true
      else if (mod === 'alt') parsed.meta = true
      else if (mod === 'shift') parsed.shift = true
      else throw new Error(`Unknown modifier "${mod}" in key binding "${binding}"`)
    }
  }
  // Stryker disable next-line CallExpression: without the cache the binding is parsed again, to the same result
  cache.set(binding, parsed)
  return parsed
}

/** Every key of a binding, parsed: one, or two for a chord (`ctrl+x d`). */
export function parseKeys(binding: string): Binding[] {
  const keys = keysOf(binding)
  if (keys.length > 2 || keys.some((key) => key === ''))
    throw new Error(`Key binding "${binding}" is not one or two keys`)
  return keys.map(parseBinding)
}

function matchesKey(binding: string, key: KeyPress): boolean {
  const b = parseBinding(binding)
  if (b.name.length === 1 && !b.ctrl && !b.meta) {
    // Printable keys bind by the character they type; Shift is already in the character.
    return !key.ctrl && !key.meta && key.text === b.name
  }
  return key.name === b.name && key.ctrl === b.ctrl && key.meta === b.meta && key.shift === b.shift
}

/** Whether `key` is one of the command's single-key bindings (a chord's keys never match one at a time). */
export function matches(command: Command, key: KeyPress): boolean {
  return keymap[command].keys.some((binding) => !binding.includes(' ') && matchesKey(binding, key))
}

/** The first command of `context` bound to `key`, if any. */
export function commandFor(context: Context, key: KeyPress): Command | undefined {
  return commandsIn(context).find((command) => matches(command, key))
}

/** The command of `context` bound to the chord `prefix` then `key` (`ctrl+x` then `d`), if any. */
export function chordCommandFor(context: Context, prefix: string, key: KeyPress): Command | undefined {
  return commandsIn(context).find((command) =>
    // Stryker disable next-line MethodExpression: every chord command has that chord as its only binding, so some and every agree
    keymap[command].keys.some((binding) => {
      const [first, second] = keysOf(binding)
      return first === prefix && second !== undefined && matchesKey(second, key)
    }),
  )
}
