import { describe, expect, it } from 'vitest'
import { formatMoney, parseMoney, toForm } from './form.js'

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
