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

describe('normalizePhone: how it reads the digits', () => {
  it.each([
    ['555/123/4567', '+15551234567'],
    ['555\t123\t4567', '+15551234567'],
    ['+44-20-7946-0958', '+442079460958'],
  ])('drops the separators people type: %j → %j', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected)
  })

  it('reads a leading 00 as + only before a number of more than two digits', () => {
    expect(normalizePhone('00123')).toBe('+123')
    expect(normalizePhone('0012')).toBe('0012')
  })

  it('adds +1 only to a 10-digit US number that does not start with 0 or 1', () => {
    expect(normalizePhone('2125551234')).toBe('+12125551234')
    expect(normalizePhone('1555123456')).toBe('1555123456')
    expect(normalizePhone('0555123456')).toBe('0555123456')
    expect(normalizePhone('555123456')).toBe('555123456')
    expect(normalizePhone('55512345678')).toBe('55512345678')
  })

  it('adds + to an 11-digit US number that starts with the country code 1', () => {
    expect(normalizePhone('15551234567')).toBe('+15551234567')
    expect(normalizePhone('25551234567')).toBe('25551234567')
    expect(normalizePhone('155512345678')).toBe('155512345678')
  })

  it('keeps a number that already has its +, whatever its length', () => {
    expect(normalizePhone('+5551234567')).toBe('+5551234567')
    expect(normalizePhone('+1')).toBe('+1')
  })

  it('guesses no country code for a country it does not know', () => {
    expect(normalizePhone('(555) 123-4567', { defaultCountry: 'CA' as 'US' })).toBe('5551234567')
  })

  it.each(['+', '1+2', '++15551234567', '555-1234 x5'])('leaves %j as typed', (input) => {
    expect(normalizePhone(input)).toBe(input)
  })
})
