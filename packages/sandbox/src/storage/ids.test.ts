import { describe, expect, it } from 'vitest'
import { ID_ALPHABET, newActivityId, newDealId, newPersonId, randomId } from './ids.js'

describe('ids', () => {
  it('are random lowercase letters and digits of the length asked', () => {
    expect(ID_ALPHABET).toBe('abcdefghijklmnopqrstuvwxyz0123456789')
    expect(randomId(0)).toBe('')
    expect(randomId(40)).toMatch(/^[a-z0-9]{40}$/)
    const seen = new Set(Array.from({ length: 100 }, () => randomId(20)).join(''))
    expect(seen.size).toBeGreaterThan(30)
  })

  it('look like the docs` ids: 13 characters for a contact, prefixed 12 for a deal or an activity', () => {
    for (let i = 0; i < 20; i++) {
      expect(newPersonId()).toMatch(/^[a-z0-9]{13}$/)
      expect(newDealId()).toMatch(/^deal_[a-z0-9]{12}$/)
      expect(newActivityId()).toMatch(/^act_[a-z0-9]{12}$/)
    }
    expect(new Set(Array.from({ length: 50 }, newPersonId)).size).toBe(50)
  })
})
