import { describe, expect, it } from 'vitest'
import { type CommandSpec, commands, commandsIn, keymap, keysOf } from './keymap.js'
import { parseKeys } from './match.js'

describe('keymap', () => {
  it('has only valid bindings and a description for every command', () => {
    for (const command of commands) {
      const spec = keymap[command]
      expect(spec.description.length, command).toBeGreaterThan(3)
      expect(spec.keys.length, command).toBeGreaterThan(0)
      for (const binding of spec.keys) expect(() => parseKeys(binding)).not.toThrow()
    }
  })

  it('has no key bound twice within one context', () => {
    const seen = new Map<string, string>()
    for (const command of commands) {
      const spec = keymap[command]
      for (const binding of spec.keys) {
        const id = `${spec.context}:${binding}`
        expect(seen.get(id), `${binding} in ${spec.context}: ${command} and ${seen.get(id)}`).toBeUndefined()
        seen.set(id, command)
      }
    }
  })

  it('has the first key of every chord bound on its own in the same context, to wait for the second', () => {
    for (const command of commands) {
      const spec = keymap[command]
      for (const binding of spec.keys) {
        const [first, second] = keysOf(binding)
        if (second === undefined) continue
        const prefix = commands.find(
          (c) => keymap[c].context === spec.context && (keymap[c].keys as readonly string[]).includes(first as string),
        )
        expect(prefix, `${binding} of ${command}`).toBeDefined()
      }
    }
  })
})

describe('keymap hints and lookups', () => {
  it('labels a hint in at most three words, without closing punctuation', () => {
    for (const command of commands) {
      const spec: CommandSpec = keymap[command]
      if (spec.hint === undefined) continue
      expect(spec.hint, command).toMatch(/^[^\s!.?]+( [^\s!.?]+){0,2}$/)
    }
  })

  it('lists the commands of one context in keymap order, and only those', () => {
    expect(commandsIn('global')).toEqual(['app.help', 'app.quit'])
    expect(commandsIn('text').every((command) => command.startsWith('text.'))).toBe(true)
  })

  it('splits a chord into its keys, and leaves a single key whole', () => {
    expect(keysOf('ctrl+x d')).toEqual(['ctrl+x', 'd'])
    expect(keysOf('ctrl+shift+z')).toEqual(['ctrl+shift+z'])
  })
})
