import { describe, expect, it } from 'vitest'
import { commands, keymap } from './keymap.js'
import { parseBinding } from './match.js'

describe('keymap', () => {
  it('has only valid bindings and a description for every command', () => {
    for (const command of commands) {
      const spec = keymap[command]
      expect(spec.description.length, command).toBeGreaterThan(3)
      expect(spec.keys.length, command).toBeGreaterThan(0)
      for (const binding of spec.keys) expect(() => parseBinding(binding)).not.toThrow()
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
})
