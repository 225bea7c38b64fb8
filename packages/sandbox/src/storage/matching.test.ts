import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor } from './cursor.js'
import { emailKey, foldName, phoneKey } from './match-keys.js'
import { rankByName, withinOneEdit } from './name-match.js'

describe('cursor', () => {
  it('round-trips a position and is opaque base64url', () => {
    const cursor = encodeCursor(1234)
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeCursor(cursor)).toBe(1234)
  })

  it('rejects anything it did not issue', () => {
    for (const bad of ['', '!!!', 'eyJpZCI6ImpkNzlhYmMxMjNkZWYifQ==', encodeCursor(-1), 'a'.repeat(500)]) {
      expect(decodeCursor(bad)).toBeUndefined()
    }
    expect(decodeCursor(Buffer.from('{"v":1,"after":1.5}').toString('base64url'))).toBeUndefined()
  })
})

describe('match keys', () => {
  it('normalizes phones to digits with a North American country code', () => {
    expect(phoneKey('+1 (555) 123-4567')).toBe('15551234567')
    expect(phoneKey('555.123.4567')).toBe('15551234567')
    expect(phoneKey('+447911123456')).toBe('447911123456')
    expect(phoneKey('call me')).toBeUndefined()
  })

  it('folds case and accents', () => {
    expect(emailKey(' Ada@Example.COM ')).toBe('ada@example.com')
    expect(foldName('  Renée   MÜLLER ')).toBe('renee muller')
  })
})

describe('fuzzy names', () => {
  const names = ['john doe', 'johnny walker', 'jane doe', 'jon snow', 'mary johnson']
  const rank = (query: string) => rankByName(names, query, (n) => n)

  it('ranks exact, then word prefix, then substring and one-typo matches', () => {
    expect(rank('john doe')).toEqual(['john doe'])
    expect(rank('john')).toEqual(['john doe', 'johnny walker', 'mary johnson', 'jon snow'])
    expect(rank('doe')).toEqual(['john doe', 'jane doe'])
    expect(rank('jhon')[0]).toBe('john doe')
    expect(rank('xyz')).toEqual([])
    expect(rank('   ')).toEqual([])
  })

  it('withinOneEdit counts one insertion, deletion or substitution', () => {
    expect(withinOneEdit('smith', 'smyth')).toBe(true)
    expect(withinOneEdit('smith', 'smit')).toBe(true)
    expect(withinOneEdit('smith', 'smiths')).toBe(true)
    expect(withinOneEdit('smith', 'smtih')).toBe(true)
    expect(withinOneEdit('smith', 'smythe')).toBe(false)
    expect(withinOneEdit('smith', 'msitj')).toBe(false)
  })
})
