import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import {
  apiIssues,
  CreateContactInput,
  fieldErrors,
  issueMessage,
  ROOT_ERROR_KEY,
  summarizeFieldErrors,
  UpdateContactInput,
  worded,
} from './index.js'

const failure = (schema: z.ZodType, value: unknown, params?: { error: typeof issueMessage }) => {
  const result = schema.safeParse(value, params)
  if (result.success) throw new Error('expected the value to be rejected')
  return result.error
}

describe('fieldErrors', () => {
  it('keys messages by dotted path, with the label and the rule', () => {
    const error = failure(UpdateContactInput, {
      firstName: '',
      email: 'nope',
      tags: ['ok', 'x'.repeat(51)],
      price: -5,
      zipCode: 123,
    })
    expect(fieldErrors(error)).toEqual({
      firstName: 'First name: must not be empty',
      email: 'Email: must be a valid email address',
      'tags.1': 'Tags: tag 2 must be at most 50 characters (you have 51)',
      price: 'Price: must be 0 or more',
      zipCode: 'ZIP code: must be text',
    })
  })

  it('says how many tags there are', () => {
    const error = failure(UpdateContactInput, { tags: Array(21).fill('t') })
    expect(fieldErrors(error)).toEqual({ tags: 'Tags: at most 20 tags (you have 21)' })
  })

  it('puts problems with the whole body under "*", and each unknown field under its own name', () => {
    expect(fieldErrors(failure(UpdateContactInput, { nickname: 'Al' }))).toEqual({
      nickname: 'nickname: is not a known field',
    })
    expect(fieldErrors(failure(UpdateContactInput, null))).toEqual({ '*': 'Must be an object' })
    expect(fieldErrors(failure(CreateContactInput, []))).toEqual({ '*': 'Must be an object' })
  })

  it('names the known field an unknown one most likely meant', () => {
    expect(fieldErrors(failure(UpdateContactInput, { zipcode: '78701', first_name: 'Jo', nickname: 'Al' }))).toEqual({
      zipcode: 'zipcode: is not a known field — did you mean zipCode?',
      first_name: 'first_name: is not a known field — did you mean firstName?',
      nickname: 'nickname: is not a known field',
    })
    // Even when another field is of the wrong type, which stops zod's own checks.
    expect(fieldErrors(failure(CreateContactInput, { emails: ['jo@example.com'], price: 'cheap' }))).toEqual({
      price: 'Price: must be a number',
      emails: 'emails: is not a known field — did you mean email?',
    })
    expect(failure(UpdateContactInput, { zipcode: '78701' }).issues[0]?.message).toBe(
      '"zipcode" is not a known field — did you mean zipCode?',
    )
  })

  it("words any schema with our messages through zod's error map, and keeps the first problem of a field", () => {
    const schema = z.object({ kind: z.enum(['a', 'b']), count: z.number().max(3), name: z.string() })
    expect(fieldErrors(failure(schema, { kind: 'c', count: 4 }, { error: issueMessage }))).toEqual({
      kind: 'kind: must be one of "a", "b"',
      count: 'count: must be at most 3',
      name: 'name: is required',
    })
    const state = failure(UpdateContactInput, { state: 'cal' })
    expect(state.issues).toHaveLength(2)
    expect(fieldErrors(state)).toEqual({ state: 'State: must be at most 2 characters (you have 3)' })
  })
})

describe('fieldErrors options', () => {
  const options = z.strictObject(
    {
      faults: z.strictObject({ rate: z.number(worded).max(1, worded) }, worded).optional(),
      email: z.string(worded).optional(),
    },
    worded,
  )

  it('puts a prefix before every path, and names unlabelled fields by their dotted path', () => {
    const error = failure(options, { faults: { rate: 2 }, colour: 'red' })
    expect(fieldErrors(error, { prefix: ['options'], labels: {} })).toEqual({
      'options.faults.rate': 'options.faults.rate: must be at most 1',
      'options.colour': 'options.colour: is not a known field',
    })
  })

  it('uses the labels it is given instead of the contact labels', () => {
    const error = failure(options, { email: 4, faults: { rate: 2 } })
    expect(fieldErrors(error)).toEqual({
      email: 'Email: must be text',
      'faults.rate': 'faults.rate: must be at most 1',
    })
    expect(fieldErrors(error, { labels: {} })).toEqual({
      email: 'email: must be text',
      'faults.rate': 'faults.rate: must be at most 1',
    })
    expect(fieldErrors(error, { labels: { faults: 'Faults' } })).toEqual({
      email: 'email: must be text',
      'faults.rate': 'Faults (rate): must be at most 1',
    })
  })

  it('gives each unknown field its own entry', () => {
    const error = failure(UpdateContactInput, { city: 'Austin', nickname: 'Al', colour: 'red' })
    expect(error.issues).toHaveLength(1)
    expect(fieldErrors(error)).toEqual({
      nickname: 'nickname: is not a known field',
      colour: 'colour: is not a known field',
    })
  })

  it('reads the issues of an API error body as well as zod issues', () => {
    const issues = [
      { path: ['email'], message: 'must be a valid email address' },
      { path: ['tags', 3], message: 'must not be empty' },
      { path: [], message: 'must change at least one field' },
    ]
    expect(fieldErrors(issues)).toEqual({
      email: 'Email: must be a valid email address',
      'tags.3': 'Tags: tag 4 must not be empty',
      [ROOT_ERROR_KEY]: 'Must change at least one field',
    })
  })
})

describe('apiIssues', () => {
  it('gives one issue per field, in the words of the rule, each unknown field its own', () => {
    const error = failure(UpdateContactInput, { firstName: '', state: 'texas', tags: ['ok', ''], color: 'red' })
    expect(apiIssues(error)).toEqual([
      { path: ['firstName'], message: 'must not be empty' },
      { path: ['tags', 1], message: 'must not be empty' },
      { path: ['state'], message: 'must be at most 2 characters (you have 5)' },
      { path: ['color'], message: 'is not a known field' },
    ])
    expect(apiIssues(failure(UpdateContactInput, 'city'))).toEqual([{ path: [], message: 'must be an object' }])
    expect(apiIssues(failure(UpdateContactInput, { zipcode: '78701' }))).toEqual([
      { path: ['zipcode'], message: 'is not a known field — did you mean zipCode?' },
    ])
  })

  it('puts a prefix before every path', () => {
    const error = failure(z.string(worded).min(1, worded), '')
    expect(apiIssues(error, { prefix: ['Idempotency-Key'] })).toEqual([
      { path: ['Idempotency-Key'], message: 'must not be empty' },
    ])
  })
})

describe('summarizeFieldErrors', () => {
  it('joins the messages on one line, at most `limit` of them', () => {
    const errors = { a: 'A: one', b: 'B: two', c: 'C: three' }
    expect(summarizeFieldErrors(errors)).toBe('A: one; B: two; C: three')
    expect(summarizeFieldErrors(errors, 2)).toBe('A: one; B: two; and 1 more')
    expect(summarizeFieldErrors({})).toBe('')
  })
})
