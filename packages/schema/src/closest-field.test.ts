import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { closestField, contactFieldNames, editDistance } from './index.js'

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['zipcode', 'zipcode', 0],
    ['emial', 'email', 1], // two neighbours swapped
    ['😀a', 'a😀', 1], // by code point
  ])('%j → %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance)
    expect(editDistance(b, a)).toBe(distance)
  })

  it('is 0 exactly for equal strings, and at most the longer length', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const distance = editDistance(a, b)
        expect(distance === 0).toBe(a === b)
        expect(distance).toBeLessThanOrEqual(Math.max(Array.from(a).length, Array.from(b).length))
      }),
    )
  })
})

describe('closestField', () => {
  it.each([
    ['zipcode', 'zipCode'],
    ['ZIPCODE', 'zipCode'],
    ['first_name', 'firstName'],
    ['firstname', 'firstName'],
    ['emails', 'email'],
    ['emial', 'email'],
    ['tag', 'tags'],
    ['stageId', 'stage'],
    ['phonee', 'phone'],
  ])('%s → %s', (key, known) => {
    expect(closestField(key, contactFieldNames)).toBe(known)
  })

  it.each(['nickname', 'color', 'zip', 'x', 'assignedAgentId', 'phoneNumber', ''])('%j → nothing close', (key) => {
    expect(closestField(key, contactFieldNames)).toBeUndefined()
  })

  it('prefers the closest, then the first listed', () => {
    expect(closestField('citty', ['citys', 'city'])).toBe('city')
    expect(closestField('ab', ['ax', 'ay'])).toBe('ax')
  })
})
