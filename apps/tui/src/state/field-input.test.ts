import { describe, expect, it } from 'vitest'
import { inputOf } from './field-input.js'

describe('inputOf', () => {
  it('edits a plain, email, phone, state or ZIP code field as a line of text', () => {
    expect(inputOf('firstName')).toBe('text')
    expect(inputOf('email')).toBe('text')
    expect(inputOf('phone')).toBe('text')
    expect(inputOf('state')).toBe('text')
    expect(inputOf('zipCode')).toBe('text')
  })

  it('edits the price as money, the background as lines, the tags as tags and the stage with its picker', () => {
    expect(inputOf('price')).toBe('money')
    expect(inputOf('background')).toBe('multiline')
    expect(inputOf('tags')).toBe('tags')
    expect(inputOf('stage')).toBe('stage')
  })
})
