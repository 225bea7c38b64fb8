import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizePhone, normalizeState, normalizeText, Phone, StateCode, UpdateContactInput } from './index.js'

describe('normalizePhone', () => {
  it.each([
    ['(555) 123-4567', '+15551234567'],
    ['555.123.4567', '+15551234567'],
    ['1-555-123-4567', '+15551234567'],
    ['+1 (555) 123-4567', '+15551234567'],
    ['00 44 20 7946 0958', '+442079460958'],
    ['+44 20 7946 0958', '+442079460958'],
    ['  +15551234567 ', '+15551234567'],
  ])('%j → %j', (input, expected) => {
    expect(normalizePhone(input, { defaultCountry: 'US' })).toBe(expected)
    expect(Phone.safeParse(expected).success).toBe(true)
  })

  it.each([
    ['555-1234 ext 5', '555-1234 ext 5'],
    ['call me', 'call me'],
    ['', ''],
    ['  ', ''],
  ])('leaves what it cannot read for validation to report: %j → %j', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected)
  })

  it('never throws, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (input) => {
        const once = normalizePhone(input)
        expect(normalizePhone(once)).toBe(once)
      }),
      { numRuns: 500 },
    )
  })

  it('turns any 10-digit US number, however punctuated, into a valid phone', () => {
    const digits = fc.tuple(
      fc.integer({ min: 2, max: 9 }),
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
    )
    fc.assert(
      fc.property(digits, fc.constantFrom(' ', '-', '.', ''), ([first, rest], separator) => {
        const all = [first, ...rest].join('')
        const typed = `(${all.slice(0, 3)})${separator}${all.slice(3, 6)}${separator}${all.slice(6)}`
        expect(normalizePhone(typed)).toBe(`+1${all}`)
        expect(Phone.safeParse(normalizePhone(typed)).success).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})

describe('normalizeState and normalizeText', () => {
  it('upper-case and trim', () => {
    expect(normalizeState(' ca ')).toBe('CA')
    expect(StateCode.safeParse(normalizeState('tx')).success).toBe(true)
    expect(normalizeText('  Austin \n')).toBe('Austin')
  })
})

describe('validation never normalizes', () => {
  it('rejects what a normalizer would fix, and passes values through unchanged', () => {
    expect(UpdateContactInput.safeParse({ phone: '(555) 123-4567' }).success).toBe(false)
    expect(UpdateContactInput.safeParse({ state: 'ca' }).success).toBe(false)
    expect(UpdateContactInput.parse({ city: '  Austin ' })).toEqual({ city: '  Austin ' })
  })
})
