import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { issueMessage, listTooLong, messages, worded } from './index.js'

const messageOf = (schema: z.ZodType, value: unknown): string | undefined =>
  schema.safeParse(value).error?.issues[0]?.message

describe('issueMessage', () => {
  it('says a missing value is required, and a wrong one what it must be', () => {
    const schema = z.object({ name: z.string(worded) }, worded)
    expect(messageOf(schema, {})).toBe('is required')
    expect(messageOf(schema, { name: 4 })).toBe('must be text')
    expect(messageOf(schema, 'x')).toBe('must be an object')
    expect(messageOf(z.number(worded), Number.NaN)).toBe('must be a number')
    expect(messageOf(z.array(z.string(), worded), 'x')).toBe('must be a list')
    expect(messageOf(z.boolean(worded), 'yes')).toBe('must be true or false')
  })

  it('words limits with the unit, and counts what is there', () => {
    expect(messageOf(z.string(worded).min(1, worded), '')).toBe(messages.notEmpty)
    expect(messageOf(z.array(z.string(), worded).min(1, worded), [])).toBe(messages.notEmpty)
    expect(messageOf(z.string(worded).min(3, worded), 'ab')).toBe('must be at least 3 characters')
    expect(messageOf(z.string(worded).max(3, worded), 'abcd')).toBe('must be at most 3 characters (you have 4)')
    expect(messageOf(z.string(worded).max(1, worded), '😀😀')).toBe('must be at most 1 characters (you have 2)')
    expect(messageOf(z.array(z.number(), worded).max(1, worded), [1, 2])).toBe('must be at most 1 items (you have 2)')
    expect(messageOf(z.number(worded).min(0, worded), -1)).toBe('must be 0 or more')
    expect(messageOf(z.number(worded).min(1, worded), 0)).toBe('must be at least 1')
    expect(messageOf(z.number(worded).max(10, worded), 11)).toBe('must be at most 10')
    expect(messageOf(z.number(worded).gt(0, worded), 0)).toBe('must be more than 0')
    expect(messageOf(z.number(worded).lt(5, worded), 5)).toBe('must be less than 5')
    expect(messageOf(z.number(worded).int(worded), 1.5)).toBe(messages.wholeNumber)
    expect(messageOf(z.number(worded).multipleOf(5, worded), 7)).toBe('must be a multiple of 5')
    expect(messageOf(z.string(worded).length(2, worded), 'abc')).toBe('must be exactly 2 characters')
    expect(messageOf(z.array(z.string(), worded).max(2, listTooLong('tags')), ['a', 'b', 'c'])).toBe(
      'at most 2 tags (you have 3)',
    )
  })

  it('words formats, choices, unknown fields and unions', () => {
    expect(messageOf(z.email(worded), 'x')).toBe(messages.email)
    expect(messageOf(z.url(worded), 'x')).toBe(messages.url)
    expect(messageOf(z.iso.datetime({ offset: true, ...worded }), 'x')).toBe(messages.dateTime)
    expect(messageOf(z.string(worded).regex(/^a$/, worded), 'b')).toBe('must match the pattern /^a$/')
    expect(messageOf(z.enum(['a'], worded), 'b')).toBe('must be "a"')
    expect(messageOf(z.enum(['a', 'b'], worded), 'c')).toBe('must be one of "a", "b"')
    expect(messageOf(z.strictObject({}, worded), { x: 1 })).toBe('"x" is not a known field')
    expect(messageOf(z.strictObject({}, worded), { x: 1, y: 2 })).toBe('"x", "y" are not known fields')
    expect(messageOf(z.union([z.string(), z.number()], worded), true)).toBe(messages.noMatch)
    expect(
      messageOf(
        z.custom(() => false, worded),
        1,
      ),
    ).toBe(messages.invalid)
  })

  it('words a schema it is not attached to, through a per-parse error map', () => {
    expect(z.string().safeParse(undefined, { error: issueMessage }).error?.issues[0]?.message).toBe('is required')
  })
})

describe('issueMessage: what a value must be, by type', () => {
  it.each([
    ['a whole number (int)', z.int(worded), 1.5, 'must be a whole number'],
    ['a whole number (bigint)', z.bigint(worded), 'x', 'must be a whole number'],
    ['a list (tuple)', z.tuple([z.string()], worded), 'x', 'must be a list'],
    ['an object (record)', z.record(z.string(), z.string(), worded), 'x', 'must be an object'],
    ['null', z.null(worded), 'x', 'must be null'],
    ['a date', z.date(worded), 'x', 'must be a date'],
    ['a type without a name of ours, by zod’s name', z.symbol(worded), 'x', 'must be symbol'],
  ])('%s', (_, schema, value, message) => {
    expect(messageOf(schema, value)).toBe(message)
  })

  it('names a function, for option schemas that take one', () => {
    expect(messages.type('function')).toBe('must be a function')
    expect(messages.type('tuple')).toBe('must be a list')
  })
})

describe('issueMessage: limits', () => {
  it('says an exact size with its unit, whichever way it is missed', () => {
    const pair = z.array(z.string(), worded).length(2, worded)
    expect(messageOf(pair, ['a'])).toBe('must be exactly 2 items')
    expect(messageOf(pair, ['a', 'b', 'c'])).toBe('must be exactly 2 items')
    expect(messageOf(z.string(worded).length(2, worded), 'a')).toBe('must be exactly 2 characters')
  })

  it('counts sets in items and files in bytes, without a count it cannot make', () => {
    expect(messageOf(z.set(z.string(), worded).max(1, worded), new Set(['a', 'b']))).toBe('must be at most 1 items')
    expect(messageOf(z.set(z.string(), worded).min(2, worded), new Set(['a']))).toBe('must be at least 2 items')
    expect(messageOf(z.set(z.string(), worded).min(1, worded), new Set())).toBe(messages.notEmpty)
    expect(messageOf(z.file(worded).max(3, worded), new File(['abcd'], 'a.txt'))).toBe('must be at most 3 bytes')
  })

  it('says "not empty" only for a length of 1: a number of at least 1 is a number', () => {
    expect(messageOf(z.array(z.string(), worded).min(2, worded), ['a'])).toBe('must be at least 2 items')
    expect(messageOf(z.bigint(worded).min(1n, worded), 0n)).toBe('must be at least 1')
    expect(messageOf(z.bigint(worded).min(0n, worded), -1n)).toBe('must be 0 or more')
  })

  it('says an exclusive limit as more than / less than', () => {
    expect(messageOf(z.number(worded).gt(1, worded), 1)).toBe('must be more than 1')
    expect(messageOf(z.number(worded).lt(1, worded), 1)).toBe('must be less than 1')
    expect(messageOf(z.number(worded).gte(1, worded), 1)).toBeUndefined()
    expect(messageOf(z.number(worded).lte(1, worded), 1)).toBeUndefined()
  })
})

describe('issueMessage: formats, keys and items', () => {
  it('names any other format', () => {
    expect(messageOf(z.uuid(worded), 'x')).toBe('must be a valid uuid')
    expect(messageOf(z.iso.date(worded), 'x')).toBe('must be a valid date')
  })

  it('says a record key or a map item is not allowed', () => {
    expect(messageOf(z.record(z.string().min(2), z.number(), worded), { a: 1 })).toBe(messages.invalidKey)
    const byObject = z.map(z.object({}), z.number(), worded)
    expect(messageOf(byObject, new Map([[{}, 'x']]))).toBe(messages.invalidItem)
  })

  it('quotes the allowed values, and writes bigints and undefined as they are', () => {
    expect(messageOf(z.literal(1n, worded), 2n)).toBe('must be 1')
    expect(messageOf(z.literal(undefined, worded), 2)).toBe('must be undefined')
    expect(messageOf(z.literal([1, 'a', null], worded), 2)).toBe('must be one of 1, "a", null')
  })

  it('names the closest known field of an unknown one on the object', () => {
    const schema = z.strictObject({ zipCode: z.string().optional(), city: z.string().optional() }, worded)
    expect(messageOf(schema, { zipcode: '1' })).toBe('"zipcode" is not a known field — did you mean zipCode?')
    expect(messageOf(schema, { zipcode: '1', nickname: 'x' })).toBe(
      '"zipcode", "nickname" are not known fields — did you mean zipCode for "zipcode"?',
    )
    expect(messageOf(schema, { nickname: 'x', colour: 'y' })).toBe('"nickname", "colour" are not known fields')
    // A key that is only a property of every object is not a guess.
    expect(messageOf(schema, { toString: 'x' })).toBe('"toString" is not a known field')
  })
})

describe('messages for other packages’ rules', () => {
  it('words each rule with the numbers and names it is given', () => {
    expect(messages.wholeNumberOf('milliseconds')).toBe('must be a whole number of milliseconds')
    expect(messages.atLeast(0)).toBe('must be 0 or more')
    expect(messages.atLeast(0, 'ms')).toBe('must be at least 0 ms')
    expect(messages.atLeast(2)).toBe('must be at least 2')
    expect(messages.atMost(100)).toBe('must be at most 100')
    expect(messages.atMost(100, undefined, 'x'.repeat(101))).toBe('must be at most 100')
    expect(messages.atMost(3, 'characters', 'abcd')).toBe('must be at most 3 characters (you have 4)')
    expect(messages.atMost(3, 'ms', 7)).toBe('must be at most 3 ms')
    expect(messages.between(1, 5)).toBe('must be between 1 and 5')
    expect(messages.moreThan(0)).toBe('must be more than 0')
    expect(messages.lessThan(1)).toBe('must be less than 1')
    expect(messages.exactly(4)).toBe('must be exactly 4')
    expect(messages.multipleOf(2)).toBe('must be a multiple of 2')
    expect(messages.listAtLeastOne('fault kind')).toBe('must list at least one fault kind')
    expect(messages.oneOf(['a'])).toBe('must be "a"')
    expect(messages.oneOf(['a', 2])).toBe('must be one of "a", 2')
    expect(messages.pattern('/^a$/')).toBe('must match the pattern /^a$/')
    expect(messages.format('uuid')).toBe('must be a valid uuid')
    expect(messages.unknownFieldNear('zipCode')).toBe('is not a known field — did you mean zipCode?')
    expect(messages.unknownFields(['a'])).toBe('"a" is not a known field')
  })

  it('says at most how many of a list, with the count when it has one', () => {
    const tooBig = (maximum: number, input: unknown) =>
      listTooLong('steps').error({ code: 'too_big', origin: 'array', maximum, input } as never)
    expect(tooBig(2, ['a', 'b', 'c'])).toBe('at most 2 steps (you have 3)')
    expect(tooBig(2, new Set(['a', 'b', 'c']))).toBe('at most 2 steps')
  })
})
