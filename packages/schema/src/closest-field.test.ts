import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import {
  closestField,
  closestKnownFields,
  contactFieldNames,
  editDistance,
  UpdateContactInput,
  worded,
} from './index.js'

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
    // Both are near enough (two edits for six characters): the nearer one wins, though listed second.
    expect(closestField('zipcde', ['zipCodes', 'zipCode'])).toBe('zipCode')
    expect(closestField('ab', ['ax', 'ay'])).toBe('ax')
  })
})

describe('editDistance details', () => {
  it.each([
    ['ab', 'ba', 1],
    ['abc', 'acb', 1],
    ['abcd', 'badc', 2],
    ['ca', 'abc', 3],
    ['a', 'b', 1],
    ['ab', 'abc', 1],
    ['abc', 'xbc', 1],
  ])('%j → %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance)
    expect(editDistance(b, a)).toBe(distance)
  })
})

describe('closestField limits', () => {
  it('allows one edit per three characters of the key', () => {
    expect(closestField('abcdef', ['abcdxy'])).toBe('abcdxy')
    expect(closestField('abcdef', ['abcxyz'])).toBeUndefined()
    expect(closestField('abcde', ['abcdx'])).toBe('abcdx')
    expect(closestField('abcde', ['abcxy'])).toBeUndefined()
    expect(closestField('ab', ['ax'])).toBe('ax')
  })

  it('never guesses a field that differs in every character', () => {
    expect(closestField('a', ['b'])).toBeUndefined()
    expect(closestField('a', ['ab'])).toBe('ab')
    expect(closestField('ab', ['a'])).toBe('a')
    expect(closestField('ab', ['xy'])).toBeUndefined()
  })

  it('compares without case and answers with the field as it is written', () => {
    expect(closestField('ZipCode', ['zipcode'])).toBe('zipcode')
    expect(closestField('zipcod', ['ZIPCODE'])).toBe('ZIPCODE')
  })
})

describe('closestKnownFields', () => {
  const issueOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]

  it('puts the guesses on the issue as plain data', () => {
    const issue = issueOf(UpdateContactInput, { zipcode: '1', nickname: 'Al' }) as { didYouMean?: object }
    expect(issue.didYouMean).toEqual({ zipcode: 'zipCode' })
    expect(Object.getOwnPropertyDescriptor(issue.didYouMean, 'zipcode')).toEqual({
      value: 'zipCode',
      writable: true,
      enumerable: true,
      configurable: true,
    })
  })

  it('guesses nothing when no unknown field is close, or the schema is not an object', () => {
    expect(issueOf(UpdateContactInput, { nickname: 'Al' })).not.toHaveProperty('didYouMean')
    const record = z.record(z.enum(['a']), z.string(), worded)
    const unknownKey = issueOf(record, { a: 'x', aa: 'y' })
    expect(unknownKey).toMatchObject({ code: 'unrecognized_keys', keys: ['aa'], message: '"aa" is not a known field' })
    expect(unknownKey).not.toHaveProperty('didYouMean')
  })

  it('guesses nothing for an issue that does not say which schema raised it', () => {
    expect(closestKnownFields({ code: 'unrecognized_keys', keys: ['zipcod'], input: {} })).toBeUndefined()
  })
})
