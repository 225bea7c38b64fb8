import { type Command, type Context, commandsIn, contexts, keymap } from './keymap.js'

const names: Record<string, string> = {
  enter: 'Enter',
  esc: 'Esc',
  tab: 'Tab',
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  home: 'Home',
  end: 'End',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  backspace: 'Backspace',
  delete: 'Delete',
  space: 'Space',
  // Terminals send Ctrl+/ as the same byte as Ctrl+_.
  _: '/',
}

/** `ctrl+s` → `Ctrl+S`, `shift+tab` → `Shift+Tab`, `?` → `?`. */
export function formatBinding(binding: string): string {
  if (binding === ',') return 'Comma'
  if (binding.length === 1) return binding
  const parts = binding.split('+')
  const key = parts.pop() ?? ''
  const keyName = names[key] ?? (key.length === 1 ? key.toUpperCase() : key)
  const mods = parts.map((mod) => (mod === 'ctrl' ? 'Ctrl' : mod === 'alt' ? 'Alt' : 'Shift'))
  return [...mods, keyName].join('+')
}

function formatKeys(command: Command): string {
  return keymap[command].keys.map(formatBinding).join(', ')
}

/** The key a screen names for a command ("Press r to retry"): its first binding, as the hint bar shows it. */
export function keyLabel(command: Command): string {
  return formatBinding(keymap[command].keys[0] as string)
}

// Key names a screen reader says in a sentence (it spells "Esc" as letters).
const spoken: Record<string, string> = { Esc: 'Escape', PgUp: 'Page Up', PgDn: 'Page Down' }

/** `keyLabel` for the linear layout's sentences: "Press Enter to save, Escape to go back." */
export function spokenKeyLabel(command: Command): string {
  const label = keyLabel(command)
  return spoken[label] ?? label
}

export interface Hint {
  key: string
  label: string
}

/**
 * The hint-bar entries of the given contexts, most specific first, without repeating a key.
 * While the person is typing, a printable key types itself, so the hint shows the command's chord.
 */
export function hintsFor(
  activeContexts: readonly Context[],
  options: { typing?: boolean; exclude?: readonly Command[] } = {},
): Hint[] {
  const hints: Hint[] = []
  const seen = new Set<string>()
  for (const context of activeContexts) {
    for (const command of commandsIn(context)) {
      const spec = keymap[command]
      if (!('hint' in spec) || !spec.hint || options.exclude?.includes(command)) continue
      const binding = options.typing ? spec.keys.find((k) => k.length > 1) : spec.keys[0]
      if (!binding) continue
      const key = formatBinding(binding)
      if (seen.has(key)) continue
      seen.add(key)
      hints.push({ key, label: spec.hint })
    }
  }
  return hints
}

export interface HelpSection {
  title: string
  rows: { keys: string; description: string }[]
}

/** Every binding, grouped by context: the `?` screen and the README table. */
export function helpSections(): HelpSection[] {
  return (Object.keys(contexts) as Context[]).map((context) => ({
    title: contexts[context],
    rows: commandsIn(context).map((command) => ({
      keys: formatKeys(command),
      description: keymap[command].description,
    })),
  }))
}

/** The README key table, generated from the keymap (a test keeps README.md in step with it). */
export function keyTableMarkdown(): string {
  const lines: string[] = []
  for (const section of helpSections()) {
    lines.push(`#### ${section.title}`, '', '| Keys | Action |', '| --- | --- |')
    for (const row of section.rows) {
      lines.push(`| ${row.keys.replaceAll('|', '\\|')} | ${row.description} |`)
    }
    lines.push('')
  }
  return lines.join('\n').trimEnd()
}
