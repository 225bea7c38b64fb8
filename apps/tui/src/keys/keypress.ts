import type { Key } from 'ink'

/**
 * One key press in the form the keymap speaks: a key `name` plus modifiers, and the printable
 * `text` it would insert (empty for keys that insert nothing, and for every Ctrl/Alt chord).
 */
export interface KeyPress {
  /** 'a', 'G', '?', 'enter', 'esc', 'tab', 'up', 'down', 'left', 'right', 'home', 'end', 'pageup', 'pagedown', 'backspace', 'delete', 'space' … */
  name: string
  ctrl: boolean
  meta: boolean
  shift: boolean
  text: string
}

const press = (name: string, mods: Partial<Omit<KeyPress, 'name'>> = {}): KeyPress => ({
  name,
  ctrl: false,
  meta: false,
  shift: false,
  text: '',
  ...mods,
})

function specialName(key: Key): string | undefined {
  if (key.return) return 'enter'
  if (key.escape) return 'esc'
  if (key.tab) return 'tab'
  if (key.backspace) return 'backspace'
  if (key.delete) return 'delete'
  if (key.upArrow) return 'up'
  if (key.downArrow) return 'down'
  if (key.leftArrow) return 'left'
  if (key.rightArrow) return 'right'
  if (key.home) return 'home'
  if (key.end) return 'end'
  if (key.pageUp) return 'pageup'
  if (key.pageDown) return 'pagedown'
  return undefined
}

/** Plain text typed (or sent by a terminal that does not bracket pastes) with Enter, Tab or Ctrl keys inside. */
function splitText(input: string): KeyPress[] {
  const out: KeyPress[] = []
  let run = ''
  const flush = () => {
    if (run) out.push(press(run.length === 1 ? run : 'text', { text: run }))
    run = ''
  }
  for (const ch of input) {
    if (ch === '\r' || ch === '\n') {
      flush()
      out.push(press('enter'))
    } else if (ch === '\t') {
      flush()
      out.push(press('tab'))
    } else if (ch === '\u007f' || ch === '\b') {
      flush()
      out.push(press('backspace'))
    } else if (ch === '\0') {
      // Terminals send NUL for Ctrl+Space (and Ctrl+@); Ink names a lone NUL Ctrl+Space too.
      flush()
      out.push(press('space', { ctrl: true }))
    } else if (ch < ' ' && ch !== '\u001b') {
      // A control character that arrived glued to other input is still the Ctrl chord it stands for:
      // 0x01–0x1a are Ctrl+A–Z, 0x1c–0x1f Ctrl+\ ] ^ _ (the key's code less 64).
      flush()
      out.push(press(String.fromCharCode(ch.charCodeAt(0) + 64).toLowerCase(), { ctrl: true }))
    } else {
      run += ch
    }
  }
  flush()
  return out
}

/**
 * Turn Ink's `(input, key)` into key presses. Ink delivers a burst of typed characters as one
 * string, possibly with Enter or Tab inside it; those are split so no key is lost. Ctrl and Alt
 * chords never carry `text`, so an unbound chord can never leak a letter into a field.
 */
export function toKeyPresses(input: string, key: Key): KeyPress[] {
  const special = specialName(key)
  if (special) {
    return [press(special, { ctrl: key.ctrl, meta: key.meta, shift: key.shift })]
  }
  if (key.ctrl || key.meta) {
    if (!input) return []
    const name = input === ' ' ? 'space' : input.length === 1 ? input.toLowerCase() : input
    return [press(name, { ctrl: key.ctrl, meta: key.meta, shift: key.shift })]
  }
  if (input.length === 1) {
    return [press(input === ' ' ? 'space' : input, { text: input, shift: key.shift })]
  }
  return splitText(input)
}
