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
