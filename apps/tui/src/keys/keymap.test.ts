import { describe, expect, it } from 'vitest'
import { commands, keymap, keysOf } from './keymap.js'
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
