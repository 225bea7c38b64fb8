import { describe, expect, it } from 'vitest'
import type * as z from 'zod'
import { type ContactValues, fieldErrors, UpdateContactInput, validateField } from './index.js'

const failure = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value)
  if (result.success) throw new Error('expected the value to be rejected')
  return result.error
}

describe('validateField', () => {
  it('gives the same message as fieldErrors for one field', () => {
    const cases: [keyof ContactValues, unknown][] = [
      ['firstName', 'x'.repeat(101)],
      ['phone', '(555) 123-4567'],
      ['tags', ['a', '']],
      ['tags', Array(25).fill('t')],
      ['price', 'lots'],
      ['state', 'tx'],
    ]
    for (const [name, value] of cases) {
      const errors = fieldErrors(failure(UpdateContactInput, { [name]: value }))
      const message = validateField(name, value)
      expect(message).toBeDefined()
      expect(Object.values(errors)).toEqual([message])
    }
  })

  it('accepts valid values and a missing one', () => {
    expect(validateField('firstName', 'Ann')).toBeUndefined()
    expect(validateField('tags', ['VIP'])).toBeUndefined()
    expect(validateField('price', 0)).toBeUndefined()
    expect(validateField('email', undefined)).toBeUndefined()
  })
})

describe('validateField on what it cannot check', () => {
  it('throws on a field name that is not a contact field', () => {
    expect(() => validateField('nickname' as never, 'Al')).toThrow(new TypeError('Unknown contact field "nickname"'))
  })

  it('names the field with its label and gives the first rule it breaks', () => {
    expect(validateField('state', 'cal')).toBe('State: must be at most 2 characters (you have 3)')
    expect(validateField('tags', ['ok', ''])).toBe('Tags: tag 2 must not be empty')
    expect(validateField('firstName', null)).toBe('First name: must be text')
  })
})
