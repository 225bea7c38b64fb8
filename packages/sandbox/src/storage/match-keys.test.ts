import { describe, expect, it } from 'vitest'
import { emailKey, foldName, fullNameKey, nameWords, oneEditKeys, phoneKey } from './match-keys.js'

describe('emailKey', () => {
  it('ignores case and the spaces around', () => {
    expect(emailKey('\t Ada.Lovelace@Example.COM \n')).toBe('ada.lovelace@example.com')
    expect(emailKey('a b@x.com')).toBe('a b@x.com')
  })
})

describe('phoneKey', () => {
  it('keeps the digits, a 10-digit number with the North American country code', () => {
    expect(phoneKey('(512) 555-0123')).toBe('15125550123')
    expect(phoneKey('+1 512 555 0123')).toBe('15125550123')
    expect(phoneKey('+44 20 7946 0958')).toBe('442079460958')
    expect(phoneKey('555-0123')).toBe('5550123')
    expect(phoneKey('12345678901')).toBe('12345678901')
    expect(phoneKey('123456789')).toBe('123456789')
  })

  it('is none without a digit', () => {
    for (const phone of ['', 'none', '+() -']) expect(phoneKey(phone), phone).toBeUndefined()
  })
})

describe('foldName', () => {
  it('drops accents and case, and collapses every run of whitespace', () => {
    expect(foldName('  José\t\tNÚÑEZ\n ')).toBe('jose nunez')
    expect(foldName('Zoë  van\u00a0der Berg')).toBe('zoe van der berg')
    expect(foldName('O’Brien-Smith')).toBe('o’brien-smith')
  })
})

describe('fullNameKey', () => {
  it('is the folded first and last name, either of them missing', () => {
    expect(fullNameKey('José', 'Núñez')).toBe('jose nunez')
    expect(fullNameKey(null, 'Núñez')).toBe('nunez')
    expect(fullNameKey('José', undefined)).toBe('jose')
    expect(fullNameKey(null, null)).toBe('')
  })
})

describe('nameWords', () => {
  it('gives each word once, in order', () => {
    expect(nameWords('ann lee ann marie')).toEqual(['ann', 'lee', 'marie'])
    expect(nameWords('')).toEqual([])
    expect(nameWords(' ann  lee ')).toEqual(['ann', 'lee'])
  })
})

describe('oneEditKeys', () => {
  it('is the word and the word without each character in turn, each once', () => {
    expect(oneEditKeys('jon')).toEqual(['jon', 'on', 'jn', 'jo'])
    expect(oneEditKeys('anna')).toEqual(['anna', 'nna', 'ana', 'ann'])
    expect(oneEditKeys('a')).toEqual(['a', ''])
    expect(oneEditKeys('')).toEqual([''])
  })

  it('counts characters, not UTF-16 units', () => {
    expect(oneEditKeys('😀ab')).toEqual(['😀ab', 'ab', '😀b', '😀a'])
  })
})
