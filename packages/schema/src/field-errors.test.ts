import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import {
  apiIssues,
  CreateContactInput,
  fieldErrors,
  fieldKey,
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

describe('fieldKey', () => {
  it('joins a path with dots, and calls the root "*"', () => {
    expect(fieldKey(['tags', 3])).toBe('tags.3')
    expect(fieldKey(['options', 'faults', 'rate'])).toBe('options.faults.rate')
    expect(fieldKey([])).toBe('*')
    expect(ROOT_ERROR_KEY).toBe('*')
  })
})

describe('fieldErrors labels', () => {
  it('names one item of a labelled list by its number, counted from 1', () => {
    expect(fieldErrors([{ path: ['tags', 0], message: 'must not be empty' }])).toEqual({
      'tags.0': 'Tags: tag 1 must not be empty',
    })
  })

  it('gives the rest of the path in brackets when it is not one item', () => {
    expect(
      fieldErrors([
        { path: ['tags', 1, 'name'], message: 'm' },
        { path: ['tags', 'first'], message: 'n' },
        { path: ['firstName', 'x'], message: 'o' },
      ]),
    ).toEqual({
      'tags.1.name': 'Tags (1.name): m',
      'tags.first': 'Tags (first): n',
      'firstName.x': 'First name (x): o',
    })
  })

  it('reads labels by field name only: an index or a property every object has is no label', () => {
    expect(fieldErrors([{ path: [0], message: 'm' }], { labels: { 0: 'Zero' } })).toEqual({ 0: '0: m' })
    expect(fieldErrors([{ path: ['constructor'], message: 'm' }])).toEqual({ constructor: 'constructor: m' })
  })

  it('takes a label with an item from the labels it is given', () => {
    const labels = { steps: { label: 'Steps', item: 'step' } }
    expect(fieldErrors([{ path: ['steps', 2], message: 'is not valid' }], { labels })).toEqual({
      'steps.2': 'Steps: step 3 is not valid',
    })
    expect(fieldErrors([{ path: ['steps'], message: 'is not valid' }], { labels })).toEqual({
      steps: 'Steps: is not valid',
    })
  })

  it('gives the index of an item in parentheses when the label names no item', () => {
    expect(fieldErrors([{ path: ['steps', 2], message: 'is not valid' }], { labels: { steps: 'Steps' } })).toEqual({
      'steps.2': 'Steps (2): is not valid',
    })
  })

  it('writes a symbol in a path as its description', () => {
    expect(apiIssues([{ path: [Symbol('x'), 2], message: 'm' }])).toEqual([{ path: ['Symbol(x)', 2], message: 'm' }])
  })

  it('capitalizes a problem with the whole value, and only its first letter', () => {
    expect(fieldErrors([{ path: [], message: 'needs at least one of id, email' }])).toEqual({
      '*': 'Needs at least one of id, email',
    })
  })
})

describe('fieldErrors on unknown fields', () => {
  it('reads the unknown fields of an API issue, with its guesses', () => {
    const issue = {
      code: 'unrecognized_keys',
      path: [],
      message: '"zipcode", "nickname" are not known fields',
      keys: ['zipcode', 'nickname'],
      didYouMean: { zipcode: 'zipCode' },
    }
    expect(fieldErrors([issue])).toEqual({
      zipcode: 'zipcode: is not a known field — did you mean zipCode?',
      nickname: 'nickname: is not a known field',
    })
  })

  it('reads the keys of an unknown-fields issue only: another issue with keys is one problem of its path', () => {
    expect(fieldErrors([{ code: 'invalid_value', path: ['stage'], message: 'is not valid', keys: ['lead'] }])).toEqual({
      stage: 'Stage: is not valid',
    })
  })

  it('reads an unknown-fields issue without its keys as any other issue', () => {
    expect(fieldErrors([{ code: 'unrecognized_keys', path: ['body'], message: 'has unknown fields' }])).toEqual({
      body: 'body: has unknown fields',
    })
  })

  it('makes no guess from a property every object has', () => {
    const issue = { code: 'unrecognized_keys', path: [], message: '', keys: ['toString'] }
    expect(fieldErrors([issue])).toEqual({ toString: 'toString: is not a known field' })
  })

  it('keeps a field called "__proto__" as a field of its own', () => {
    const errors = fieldErrors(failure(UpdateContactInput, JSON.parse('{"__proto__": 1}')))
    expect(Object.keys(errors)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(errors)).toBe(Object.prototype)
    expect(Object.entries(errors)).toEqual([['__proto__', '__proto__: is not a known field']])
  })

  it('gives a record the caller may change', () => {
    const errors = fieldErrors(failure(UpdateContactInput, { firstName: '', city: 1 }))
    errors.firstName = 'First name: fixed'
    delete errors.city
    expect(errors).toEqual({ firstName: 'First name: fixed' })
  })
})

describe('summarizeFieldErrors at its limit', () => {
  const errors = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, `m${i}`]))

  it('lists 5 by default, and says how many more there are', () => {
    expect(summarizeFieldErrors(errors(5))).toBe('m0; m1; m2; m3; m4')
    expect(summarizeFieldErrors(errors(6))).toBe('m0; m1; m2; m3; m4; and 1 more')
    expect(summarizeFieldErrors(errors(8), 2)).toBe('m0; m1; and 6 more')
  })
})
