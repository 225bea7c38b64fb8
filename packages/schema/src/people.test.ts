import { describe, expect, it } from 'vitest'
import type * as z from 'zod'
import {
  ContactPathParams,
  CREATE_NEEDS_ONE_OF,
  DeleteContactQuery,
  DeleteContactQueryDocumented,
  fieldErrors,
  ListPeopleQuery,
  ListPeopleQueryDocumented,
  messages,
  Person,
  SEARCH_MAX_RESULTS,
  SEARCH_NEEDS_ONE_OF,
  SearchPeopleQuery,
  SearchPeopleQueryDocumented,
  SearchPeopleResponse,
  UpdateContactInput,
} from './index.js'

/**
 * Every constraint of the Update contact docs, at its limit and one past it. The numbers are the
 * documented ones (not read from the schema), so these tests hold the schema to the docs.
 */

const repeat = (length: number, char = 'a') => char.repeat(length)

function expectValid(patch: unknown) {
  const result = UpdateContactInput.safeParse(patch)
  expect(result.error?.issues).toBeUndefined()
  expect(result.data).toEqual(patch)
}

function expectInvalid(patch: unknown, path: (string | number)[], message: string | RegExp) {
  const result = UpdateContactInput.safeParse(patch)
  expect(result.success).toBe(false)
  const first = result.error?.issues[0]
  expect(first?.path).toEqual(path)
  expect(first?.message).toMatch(message)
}

const lengthLimits = [
  ['firstName', 100],
  ['lastName', 100],
  ['source', 100],
  ['timeframe', 100],
  ['background', 5000],
  ['street', 200],
  ['city', 100],
] as const

describe('UpdateContactInput at its documented limits', () => {
  describe.each(lengthLimits)('%s (at most %i characters)', (field, max) => {
    it('passes at the limit', () => expectValid({ [field]: repeat(max) }))
    it('fails one past it, naming the limit and the length', () =>
      expectInvalid({ [field]: repeat(max + 1) }, [field], `must be at most ${max} characters (you have ${max + 1})`))
    it('counts characters (code points), as JSON Schema does', () => {
      expectValid({ [field]: repeat(max, '😀') })
      expectInvalid({ [field]: repeat(max + 1, '😀') }, [field], `(you have ${max + 1})`)
    })
  })

  it.each(['firstName', 'lastName'])('%s needs at least 1 character', (field) => {
    expectValid({ [field]: 'J' })
    expectInvalid({ [field]: '' }, [field], 'must not be empty')
  })

  it.each(['source', 'timeframe', 'background', 'street', 'city'])('%s may be emptied', (field) => {
    expectValid({ [field]: '' })
  })

  describe('email (format, at most 255 characters)', () => {
    const email = (length: number) => `${repeat(length - '@example.com'.length)}@example.com`
    it('passes at 255 characters', () => expectValid({ email: email(255) }))
    it('fails at 256, naming the limit', () =>
      expectInvalid({ email: email(256) }, ['email'], 'must be at most 255 characters (you have 256)'))
    it.each(['jsmith@example.com', 'j.smith+crm@mail.example.co', "o'neil@example.org"])('accepts %s', (value) =>
      expectValid({ email: value }),
    )
    // A domain of one label is an address under RFC 5321 (§2.3.5); see email.test.ts for the whole rule.
    it('accepts a single-label domain', () => expectValid({ email: 'jsmith@example' }))
    it.each(['jsmith', 'jsmith@', '@example.com', 'j smith@example.com', 'a..b@example.com', ''])(
      'rejects %j',
      (value) => expectInvalid({ email: value }, ['email'], 'must be a valid email address'),
    )
  })

  describe('phone (^\\+?[1-9]\\d{1,14}$)', () => {
    it.each(['12', '+12', `1${repeat(14, '0')}`, `+1${repeat(14, '9')}`, '+15551234567'])('accepts %s', (phone) =>
      expectValid({ phone }),
    )
    it.each([
      ['1', 'too short'],
      [`1${repeat(15, '0')}`, '16 digits'],
      ['+0123456', 'leading zero'],
      ['(555) 123-4567', 'punctuation: normalizers never run inside validation'],
      ['+1 555 123 4567', 'spaces'],
      ['', 'empty'],
    ])('rejects %j (%s)', (phone) => expectInvalid({ phone }, ['phone'], /^must be an international number/))
  })

  describe('stage (a stage id, no documented constraint)', () => {
    it('passes with one character', () => expectValid({ stage: 's' }))
    it('passes empty (clears the stage, ASSUMPTIONS.md#empty-string-clears)', () => expectValid({ stage: '' }))
  })

  describe('price (a number, at least 0)', () => {
    it.each([0, 0.01, 450000, 1e300])('accepts %d', (price) => expectValid({ price }))
    it.each([-0.01, -Number.MIN_VALUE, -1])('rejects %d', (price) =>
      expectInvalid({ price }, ['price'], 'must be 0 or more'),
    )
    it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('rejects %d (not finite)', (price) =>
      expectInvalid({ price }, ['price'], 'must be a number'),
    )
    it('rejects a numeric string', () => expectInvalid({ price: '100' }, ['price'], 'must be a number'))
  })

  describe('tags (at most 20, each 1 to 50 characters)', () => {
    const tags = (count: number) => Array.from({ length: count }, (_, index) => `tag ${index}`)
    it('passes with 20 tags', () => expectValid({ tags: tags(20) }))
    it('passes with none (clears the tags)', () => expectValid({ tags: [] }))
    it('fails with 21, naming the limit and the count', () =>
      expectInvalid({ tags: tags(21) }, ['tags'], 'at most 20 tags (you have 21)'))
    it('passes with a 50-character tag', () => expectValid({ tags: ['a', repeat(50)] }))
    it('fails with a 51-character tag, at its index', () =>
      expectInvalid({ tags: ['a', repeat(51)] }, ['tags', 1], 'must be at most 50 characters (you have 51)'))
    it('passes with a 1-character tag and fails with an empty one, at its index', () => {
      expectValid({ tags: ['a'] })
      expectInvalid({ tags: ['a', 'b', ''] }, ['tags', 2], 'must not be empty')
    })
    it('fails with a comma-joined string (the read form)', () =>
      expectInvalid({ tags: 'VIP, Hot Lead' }, ['tags'], 'must be a list'))
  })

  describe('state (at most 2 characters, ^[A-Z]{2}$)', () => {
    it.each(['CA', 'TX', 'NY'])('accepts %s', (state) => expectValid({ state }))
    it('fails with 3 characters, naming the limit', () =>
      expectInvalid({ state: 'CAL' }, ['state'], 'must be at most 2 characters (you have 3)'))
    it.each(['C', 'ca', 'C1', '', 'ÇA'])('rejects %j by pattern', (state) =>
      expectInvalid({ state }, ['state'], 'must be a two-letter upper-case state code like CA'),
    )
  })

  describe('zipCode (^\\d{5}(-\\d{4})?$)', () => {
    it.each(['90210', '00501', '90210-1234'])('accepts %s', (zipCode) => expectValid({ zipCode }))
    it.each(['9021', '902101', '90210-123', '90210-12345', '90210 1234', 'ABCDE', ''])('rejects %j', (zipCode) =>
      expectInvalid({ zipCode }, ['zipCode'], 'must be a US ZIP code like 90210 or 90210-1234'),
    )
  })
})

describe('UpdateContactInput as a whole', () => {
  it('accepts every field at once', () =>
    expectValid({
      firstName: 'John',
      lastName: 'Doe',
      email: 'john@example.com',
      phone: '+15551234567',
      source: 'Website',
      stage: 'stage_lead',
      price: 450000,
      timeframe: '3-6 months',
      background: 'Downtown',
      tags: ['VIP', 'Hot Lead'],
      street: '1 Main St',
      city: 'Austin',
      state: 'TX',
      zipCode: '78701',
    }))

  it('accepts an empty patch: it changes nothing, which the docs do not forbid', () => expectValid({}))

  it('rejects an unknown field at the root, naming it', () => {
    const result = UpdateContactInput.safeParse({ city: 'Austin', nickname: 'Al' })
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['nickname'], path: [] }),
    ])
  })

  it('names the closest known field of an unknown one', () => {
    const result = UpdateContactInput.safeParse({ zipcode: '78701', stageId: 'stage_lead', nickname: 'Al' })
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        code: 'unrecognized_keys',
        keys: ['zipcode', 'stageId', 'nickname'],
        didYouMean: { zipcode: 'zipCode', stageId: 'stage' },
        message:
          '"zipcode", "stageId", "nickname" are not known fields — did you mean zipCode for "zipcode", stage for "stageId"?',
      }),
    ])
  })

  it('rejects read-model fields that are not writable', () => {
    const result = UpdateContactInput.safeParse({ stageId: 'stage_lead', emails: [] })
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['stageId', 'emails'] })
  })

  it.each([null, [], 'city', 42])('rejects %j as a body', (body) => expectInvalid(body, [], 'must be an object'))

  it('reports every bad field, not only the first', () => {
    const result = UpdateContactInput.safeParse({ firstName: '', state: 'ca', tags: [''] })
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['firstName', 'tags.0', 'state'])
  })
})

const messagesOf = (schema: z.ZodType, value: unknown) =>
  fieldErrors(schema.safeParse(value).error ?? [], { labels: {} })

describe('ListPeopleQuery', () => {
  it('reads limit from the URL as a whole number from 1 to 100, 10 when absent', () => {
    expect(ListPeopleQuery.parse({})).toEqual({ limit: 10 })
    expect(ListPeopleQuery.parse({ limit: '1', cursor: 'c2' })).toEqual({ limit: 1, cursor: 'c2' })
    expect(ListPeopleQuery.parse({ limit: '100' })).toEqual({ limit: 100 })
    expect(ListPeopleQuery.parse({ limit: 7 })).toEqual({ limit: 7 })
  })

  it.each([
    ['0', 'limit: must be at least 1'],
    ['101', 'limit: must be at most 100'],
    ['2.5', 'limit: must be a whole number'],
    ['ten', 'limit: must be a number'],
  ])('refuses limit=%s', (limit, message) => {
    expect(messagesOf(ListPeopleQuery, { limit })).toEqual({ limit: message })
  })

  it('refuses a parameter it does not know; the documented rules pass it', () => {
    expect(messagesOf(ListPeopleQuery, { limt: '5' })).toEqual({
      limt: 'limt: is not a known field — did you mean limit?',
    })
    expect(ListPeopleQueryDocumented.parse({ limt: '5' })).toEqual({ limit: 10, limt: '5' })
  })
})

describe('SearchPeopleQuery', () => {
  it('takes any of id, email, phone and name, or none', () => {
    expect(SearchPeopleQuery.parse({})).toEqual({})
    const all = { id: 'jd79abc123def', email: 'john@example.com', phone: '555', name: 'Jo' }
    expect(SearchPeopleQuery.parse(all)).toEqual(all)
  })

  it('needs a name of at least 2 characters and a well-formed email', () => {
    expect(messagesOf(SearchPeopleQuery, { name: 'J' })).toEqual({ name: 'name: must be at least 2 characters' })
    expect(messagesOf(SearchPeopleQuery, { email: 'john' })).toEqual({ email: 'email: must be a valid email address' })
  })

  it('refuses a parameter it does not know; the documented rules pass it', () => {
    expect(messagesOf(SearchPeopleQuery, { nmae: 'John' })).toEqual({
      nmae: 'nmae: is not a known field — did you mean name?',
    })
    expect(SearchPeopleQueryDocumented.parse({ nmae: 'John' })).toEqual({ nmae: 'John' })
  })

  it('the criteria an application may require are the fields of the query', () => {
    expect([...SEARCH_NEEDS_ONE_OF]).toEqual(Object.keys(SearchPeopleQuery.shape))
    expect(messages.searchNeeds).toBe('needs at least one of id, email, phone or name')
    expect(SEARCH_MAX_RESULTS).toBe(10)
  })
})

describe('CREATE_NEEDS_ONE_OF', () => {
  it('names the fields that identify a contact, as createNeeds says them', () => {
    expect([...CREATE_NEEDS_ONE_OF]).toEqual(['firstName', 'lastName', 'email', 'phone'])
    expect(messages.createNeeds).toBe('needs at least a first name, last name, email or phone')
  })
})

describe('DeleteContactQuery', () => {
  it('reads permanent as a boolean or its text, false when absent', () => {
    expect(DeleteContactQuery.parse({})).toEqual({ permanent: false })
    expect(DeleteContactQuery.parse({ permanent: 'true' })).toEqual({ permanent: true })
    expect(DeleteContactQuery.parse({ permanent: 'false' })).toEqual({ permanent: false })
    expect(DeleteContactQuery.parse({ permanent: true })).toEqual({ permanent: true })
  })

  it('refuses anything else, saying it must be true or false', () => {
    expect(messagesOf(DeleteContactQuery, { permanent: 'yes' })).toEqual({
      permanent: 'permanent: must be true or false',
    })
    expect(messagesOf(DeleteContactQuery, { permanant: 'true' })).toEqual({
      permanant: 'permanant: is not a known field — did you mean permanent?',
    })
    expect(DeleteContactQueryDocumented.parse({ permanant: 'true' })).toEqual({ permanent: false, permanant: 'true' })
  })
})

describe('ContactPathParams', () => {
  it('is a contact id and nothing else', () => {
    expect(ContactPathParams.parse({ id: 'jd79abc123def' })).toEqual({ id: 'jd79abc123def' })
    expect(messagesOf(ContactPathParams, { id: 'short' })).toEqual({
      id: 'id: must be at least 8 characters of letters, digits, "_" or "-"',
    })
    expect(messagesOf(ContactPathParams, { id: 'jd79abc123def', x: 1 })).toEqual({ x: 'x: is not a known field' })
  })
})

describe('the read model', () => {
  const minimal = { id: 'p1', emails: [], phones: [], createdAt: '2023-11-15T10:00:00Z' }

  it('needs only an id, emails, phones and createdAt; every other field may be null', () => {
    expect(Person.parse(minimal)).toEqual(minimal)
    const nulls = { ...minimal, firstName: null, tags: null, price: null, relationship: null, updatedAt: null }
    expect(Person.parse(nulls)).toEqual(nulls)
    expect(Object.keys(messagesOf(Person, {})).sort()).toEqual(['createdAt', 'emails', 'id', 'phones'])
  })

  it('reads emails and phones as lists of values with optional details', () => {
    const person = {
      ...minimal,
      emails: [{ value: 'a@example.com', type: null, isPrimary: true }],
      phones: [{ value: '+15551234567', status: 'Valid', isBad: false }],
    }
    expect(Person.parse(person)).toEqual(person)
    expect(messagesOf(Person, { ...minimal, phones: [{ value: 1 }] })).toEqual({
      'phones.0.value': 'phones.0.value: must be text',
    })
  })

  it('a search answers at most 10 contacts', () => {
    const meta = { requestId: 'r', timestamp: 't', version: 'v' }
    expect(SearchPeopleResponse.safeParse({ meta, data: Array(10).fill(minimal) }).success).toBe(true)
    expect(messagesOf(SearchPeopleResponse, { meta, data: Array(11).fill(minimal) })).toEqual({
      data: 'data: must be at most 10 items (you have 11)',
    })
  })
})
