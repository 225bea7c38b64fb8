import { describe, expect, it } from 'vitest'
import {
  describeValue,
  emptyForm,
  fieldNames,
  formatMoney,
  formErrors,
  parseMoney,
  patchOf,
  sameValue,
  spokenValue,
  toForm,
} from './form.js'

describe('form values', () => {
  it('turns write-model values into text and cleans control sequences', () => {
    const form = toForm({ firstName: 'A\u001b[31mda', price: 12.5, tags: ['x\u0007'] })
    expect(form.firstName).toBe('Ada')
    expect(form.price).toBe('12.5')
    expect(form.tags).toEqual(['x'])
    expect(form.city).toBe('')
  })

  it('reads money the way people type it', () => {
    expect(parseMoney('$450,000')).toBe(450000)
    expect(parseMoney(' 1200.50 ')).toBe(1200.5)
    expect(parseMoney('')).toBeUndefined()
    expect(parseMoney('12abc')).toBeNaN()
    expect(formatMoney(450000)).toBe('$450,000')
    expect(formatMoney(12.5)).toBe('$12.50')
  })
})

describe('form values, field by field', () => {
  it('start empty: no text and no tags', () => {
    const form = emptyForm()
    expect(form.tags).toEqual([])
    expect(Object.entries(form).filter(([name]) => name !== 'tags')).toEqual(
      fieldNames.filter((name) => name !== 'tags').map((name) => [name, '']),
    )
  })

  it('keep line breaks only in the background, and read missing tags and price as empty', () => {
    const form = toForm({ city: 'New\nYork', background: 'one\ntwo' })
    expect(form.city).toBe('New York')
    expect(form.background).toBe('one\ntwo')
    expect(form.tags).toEqual([])
    expect(form.price).toBe('')
  })

  it('read money with a dollar sign, spaces after it, commas and at most two decimals', () => {
    expect(parseMoney('$ 450')).toBe(450)
    expect(parseMoney('.5')).toBe(0.5)
    expect(parseMoney('$.25')).toBe(0.25)
    expect(parseMoney('$ .5')).toBe(0.5)
    expect(parseMoney('12.')).toBe(12)
  })

  it('refuse text that is not an amount, even when a number could be read from it', () => {
    for (const text of ['-5', '1.234', '-.25', '.255', '1e3', '$$5', 'x.5', '.']) {
      expect(parseMoney(text), text).toBeNaN()
    }
  })

  it('compare tags as lists, in order', () => {
    expect(sameValue('tags', ['a', 'b'], ['a', 'b'])).toBe(true)
    expect(sameValue('tags', ['a', 'b'], ['a', 'c'])).toBe(false)
    expect(sameValue('tags', ['a'], ['a', 'b'])).toBe(false)
    expect(sameValue('tags', ['b', 'a'], ['a', 'b'])).toBe(false)
    expect(sameValue('tags', ['a'], 'a')).toBe(false)
    expect(sameValue('tags', 'a', ['a'])).toBe(false)
  })

  it('compare prices as amounts, text that is not one as trimmed text, and other fields exactly', () => {
    expect(sameValue('price', '$1,000', '1000')).toBe(true)
    expect(sameValue('price', '1000', '1001')).toBe(false)
    expect(sameValue('price', ' lots', 'lots ')).toBe(true)
    expect(sameValue('price', 'lots', 'many')).toBe(false)
    expect(sameValue('city', '1,000', '1000')).toBe(false)
    expect(sameValue('city', 'Paris ', 'Paris')).toBe(false)
  })

  it('flag only changed fields, and a changed price only when it is not an amount or is cleared', () => {
    const base = toForm({ firstName: 'Ada', price: 450000 })
    expect(formErrors(base, { ...base, price: '500000' })).toStrictEqual({})
    expect(formErrors(base, { ...base, city: 'Paris' })).toStrictEqual({})
    expect(Object.keys(formErrors(base, { ...base, price: '' }))).toEqual(['price'])
    expect(formErrors(base, { ...base, price: 'lots' }).price).toBe('Price: must be an amount like 450000 or $450,000')
    expect(formErrors(base, { ...base, price: '' }).price).toBe('Price: cannot be cleared; enter 0 instead')
  })

  it('patch only what changed, a price as a number', () => {
    const base = toForm({ firstName: 'Ada', price: 450000, tags: ['VIP'] })
    expect(patchOf(base, { ...base, price: '$500,000', tags: ['VIP', 'Buyer'] })).toEqual({
      price: 500000,
      tags: ['VIP', 'Buyer'],
    })
    expect(patchOf(base, base)).toEqual({})
  })
})

describe('values in words', () => {
  it('describe tags, empty text, prices and line breaks on one line', () => {
    expect(describeValue('tags', [])).toBe('(none)')
    expect(describeValue('tags', ['VIP', 'Buyer'])).toBe('VIP, Buyer')
    expect(describeValue('city', '  ')).toBe('(empty)')
    expect(describeValue('price', '450000')).toBe('$450,000')
    expect(describeValue('price', 'lots')).toBe('lots')
    expect(describeValue('city', '450000')).toBe('450000')
    expect(describeValue('background', 'one\ntwo')).toBe('one ⏎ two')
  })

  it('say a value in a sentence: quoted, empty, or cut after 120 characters with its length', () => {
    expect(spokenValue('city', 'Paris')).toBe('"Paris"')
    expect(spokenValue('city', '')).toBe('empty')
    expect(spokenValue('tags', [])).toBe('empty')
    expect(spokenValue('city', 'x'.repeat(120))).toBe(`"${'x'.repeat(120)}"`)
    expect(spokenValue('background', `${'x'.repeat(119)} yz`)).toBe(`"${'x'.repeat(119)}…" (122 characters)`)
  })
})
