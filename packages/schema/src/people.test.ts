import { describe, expect, it } from 'vitest'
import { UpdateContactInput } from './index.js'

describe('UpdateContactInput', () => {
  it('accepts a one-field patch and rejects an empty one', () => {
    expect(UpdateContactInput.parse({ city: 'Austin' })).toEqual({ city: 'Austin' })
    const empty = UpdateContactInput.safeParse({})
    expect(empty.success).toBe(false)
  })

  it('rejects unknown fields by name', () => {
    const result = UpdateContactInput.safeParse({ city: 'Austin', nickname: 'Al' })
    expect(result.success).toBe(false)
    expect(JSON.stringify(result.error?.issues)).toContain('nickname')
  })
})
