import { describe, expect, it } from 'vitest'
import type * as z from 'zod'
import {
  ContactId,
  Email,
  EmailAddress,
  IdempotencyKey,
  IsoDateTime,
  Money,
  messages,
  QueryBoolean,
  ResourceId,
  Tag,
  Tags,
} from './index.js'

/** The message of the first issue, or `undefined` when the value passes. */
const messageOf = (schema: z.ZodType, value: unknown): string | undefined =>
  schema.safeParse(value).error?.issues[0]?.message

describe('ContactId', () => {
  it.each(['abcdefgh', 'jd79abc123def', 'AB_cd-12', '________'])('accepts %j', (id) => {
    expect(messageOf(ContactId, id)).toBeUndefined()
  })

  it.each(['abcdefg', '', 'abcdefg!', 'abc defgh', 'abcdéfgh', 'abcdefgh/'])('refuses %j, saying the rule', (id) => {
    expect(messageOf(ContactId, id)).toBe('must be at least 8 characters of letters, digits, "_" or "-"')
  })

  it('must be text', () => expect(messageOf(ContactId, 12345678)).toBe('must be text'))
})

describe('ResourceId', () => {
  it('is any non-empty text (ours: an empty id names no resource)', () => {
    expect(messageOf(ResourceId, 'p')).toBeUndefined()
    expect(messageOf(ResourceId, ' ')).toBeUndefined()
    expect(messageOf(ResourceId, '')).toBe('must not be empty')
    expect(messageOf(ResourceId, 1)).toBe('must be text')
  })
})

describe('EmailAddress and Email', () => {
  const long = `${'a'.repeat(300)}@example.com`

  it('an address of any length is an EmailAddress; an Email has at most 255 characters', () => {
    expect(messageOf(EmailAddress, long)).toBeUndefined()
    expect(messageOf(Email, long)).toBe(`must be at most 255 characters (you have ${long.length})`)
  })

  it('says what is wrong with a malformed address', () => {
    expect(messageOf(EmailAddress, 'john')).toBe(messages.email)
    expect(messageOf(Email, 'john')).toBe('must be a valid email address')
  })
})

describe('Tag and Tags', () => {
  it('a tag has 1 to 50 characters', () => {
    expect(messageOf(Tag, 'a')).toBeUndefined()
    expect(messageOf(Tag, 'a'.repeat(50))).toBeUndefined()
    expect(messageOf(Tag, '')).toBe('must not be empty')
    expect(messageOf(Tag, 'a'.repeat(51))).toBe('must be at most 50 characters (you have 51)')
  })

  it('a contact has at most 20 tags, said as tags', () => {
    expect(messageOf(Tags, Array(20).fill('t'))).toBeUndefined()
    expect(messageOf(Tags, Array(21).fill('t'))).toBe('at most 20 tags (you have 21)')
  })
})

describe('Money', () => {
  it('is a number of 0 or more', () => {
    expect(messageOf(Money, 0)).toBeUndefined()
    expect(messageOf(Money, 0.01)).toBeUndefined()
    expect(messageOf(Money, -0.01)).toBe('must be 0 or more')
    expect(messageOf(Money, '1')).toBe('must be a number')
  })
})

describe('IsoDateTime', () => {
  it.each(['2024-01-31T09:00:00Z', '2024-01-31T09:00:00+02:00', '2024-01-31T09:00:00.123-05:30'])(
    'accepts %s (UTC or an offset)',
    (value) => expect(messageOf(IsoDateTime, value)).toBeUndefined(),
  )

  it.each(['2024-01-31', '2024-01-31T09:00:00', 'tomorrow'])('refuses %j: a date and time with its zone', (value) => {
    expect(messageOf(IsoDateTime, value)).toBe('must be a date and time like 2024-01-31T09:00:00Z')
  })
})

describe('QueryBoolean', () => {
  it('reads "true" and "false" as booleans', () => {
    expect(QueryBoolean.parse('true')).toBe(true)
    expect(QueryBoolean.parse('false')).toBe(false)
  })

  it.each(['yes', '1', 'TRUE', '', true])('refuses %j, naming the two words', (value) => {
    expect(messageOf(QueryBoolean, value)).toBe('must be "true" or "false"')
  })
})

describe('IdempotencyKey', () => {
  it.each(['a', '7f8e2a10-0c55-4d1e-9f55-2d4c1b8e7a11', 'order 42 / retry', '!~', 'k'.repeat(1000)])(
    'accepts %j: printable ASCII, spaces only inside',
    (key) => expect(messageOf(IdempotencyKey, key)).toBeUndefined(),
  )

  it.each(['', ' ', ' a', 'a ', 'a\tb', 'a\nb', 'clé', 'a\u007fb', '🔑'])('refuses %j, saying why', (key) => {
    expect(messageOf(IdempotencyKey, key)).toBe('must be printable ASCII, with no spaces at either end')
  })
})
