import { type Command, type CommandSpec, type Context, commandsIn, contexts, keymap, keysOf } from './keymap.js'

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

/** `ctrl+s` → `Ctrl+S`, `shift+tab` → `Shift+Tab`, `?` → `?`, a chord `ctrl+x d` → `Ctrl+X d`. */
export function formatBinding(binding: string): string {
  return keysOf(binding).map(formatKey).join(' ')
}

function formatKey(binding: string): string {
  if (binding === ',') return 'Comma'
  if (binding.length === 1) return binding
  const parts = binding.split('+')
  // Stryker disable next-line StringLiteral: splitting a text always gives at least one part, so pop never comes back empty-handed
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

export interface HintOptions {
  /** A text cursor is active: printable keys type, so hints show keys with a modifier. */
  typing?: boolean
  exclude?: readonly Command[]
  /** The first key of a chord was pressed: the hints are the keys that can follow it (`d delete`). */
  chord?: string
}

/** The binding a hint shows for a command: its first that works now, or none. */
function hintBinding(keys: readonly string[], options: HintOptions): string | undefined {
  if (options.chord !== undefined) {
    const prefix = `${options.chord} `
    return keys.find((k) => k.startsWith(prefix))?.slice(prefix.length)
  }
  // A chord shows in the hints of its first key, never on its own.
  const single = keys.filter((k) => !k.includes(' '))
  return options.typing ? single.find((k) => k.length > 1) : single[0]
}

/**
 * The hint-bar entries of the given contexts, most specific first, without repeating a key.
 * While the person is typing, a printable key types itself, so the hint shows the command's key with a modifier.
 */
export function hintsFor(activeContexts: readonly Context[], options: HintOptions = {}): Hint[] {
  const hints: Hint[] = []
  const seen = new Set<string>()
  for (const context of activeContexts) {
    // Waiting for a chord's second key, nothing else works: only what can follow, and how to cancel.
    // Stryker disable next-line StringLiteral: no global binding is a chord, so after a chord's first key the global context hints nothing either way
    if (options.chord !== undefined && context === 'global') continue
    const contextOptions = options.chord !== undefined && context === 'chord' ? {} : options
    for (const command of commandsIn(context)) {
      const spec: CommandSpec = keymap[command]
      if (!spec.hint || options.exclude?.includes(command)) continue
      const binding = hintBinding(spec.keys, contextOptions)
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
