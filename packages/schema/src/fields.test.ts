import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  type ContactValues,
  CreateContactInput,
  contactField,
  contactFieldNames,
  contactFields,
  fieldErrors,
  UpdateContactInput,
  validateField,
} from './index.js'

const failure = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value)
  if (result.success) throw new Error('expected the value to be rejected')
  return result.error
}

describe('contactFields', () => {
  it('lists every writable field once, in form order, grouped', () => {
    expect(contactFields.map((field) => field.name).sort()).toEqual([...contactFieldNames].sort())
    expect(contactFields.map((field) => field.group)).toEqual([
      'Name',
      'Name',
      'Contact',
      'Contact',
      'Pipeline',
      'Pipeline',
      'Pipeline',
      'Pipeline',
      'Tags',
      'Address',
      'Address',
      'Address',
      'Address',
      'Background',
    ])
  })

  it('gives every field a label, help text and an example that passes its own schema', () => {
    for (const field of contactFields) {
      expect(field.label, field.name).not.toBe(field.name)
      expect(field.help, field.name).not.toBe('')
      const example =
        field.kind === 'tags'
          ? field.example.split(', ')
          : field.kind === 'money'
            ? Number(field.example)
            : field.example
      expect(field.schema.safeParse(example).success, `${field.name}: ${field.example}`).toBe(true)
    }
  })

  it('reads the limits from the schemas', () => {
    expect(contactField('firstName')).toMatchObject({ minLength: 1, maxLength: 100, kind: 'text', label: 'First name' })
    expect(contactField('email')).toMatchObject({ maxLength: 255, kind: 'email' })
    expect(contactField('background')).toMatchObject({ maxLength: 5000, kind: 'multiline' })
    expect(contactField('tags')).toMatchObject({
      maxItems: 20,
      itemMinLength: 1,
      itemMaxLength: 50,
      example: 'VIP, Hot Lead',
    })
    expect(contactField('state')).toMatchObject({ maxLength: 2, kind: 'state' })
    expect(contactField('price')).toMatchObject({ kind: 'money', example: '450000' })
    expect(contactField('phone').maxLength).toBeUndefined()
  })

  it('publishes limits the schema really enforces: at the limit passes, one past fails', () => {
    for (const field of contactFields) {
      if (field.maxLength !== undefined && field.kind !== 'email' && field.kind !== 'state') {
        expect(field.schema.safeParse('x'.repeat(field.maxLength)).success, field.name).toBe(true)
        expect(field.schema.safeParse('x'.repeat(field.maxLength + 1)).success, field.name).toBe(false)
      }
      if (field.minLength !== undefined) {
        expect(field.schema.safeParse('x'.repeat(field.minLength - 1)).success, field.name).toBe(false)
      }
      if (field.maxItems !== undefined) {
        expect(field.schema.safeParse(Array(field.maxItems).fill('x')).success).toBe(true)
        expect(field.schema.safeParse(Array(field.maxItems + 1).fill('x')).success).toBe(false)
      }
    }
  })

  it('throws on an unknown field name', () => {
    expect(() => contactField('nickname' as never)).toThrow('Unknown contact field "nickname"')
  })
})

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

  it('puts problems with the whole body under "*"', () => {
    expect(fieldErrors(failure(UpdateContactInput, {}))).toEqual({ '*': 'Must change at least one field' })
    expect(fieldErrors(failure(UpdateContactInput, { nickname: 'Al' }))).toEqual({ '*': 'Unknown field "nickname"' })
    expect(fieldErrors(failure(UpdateContactInput, null))).toEqual({ '*': 'Must be an object' })
    expect(fieldErrors(failure(CreateContactInput, { city: 'Austin' }))).toEqual({
      '*': 'Needs at least a first name, last name, email or phone',
    })
  })

  it('rewords zod defaults for any schema, and keeps the first problem of a field', () => {
    const schema = z.object({ kind: z.enum(['a', 'b']), count: z.number().max(3), name: z.string() })
    expect(fieldErrors(failure(schema, { kind: 'c', count: 4 }))).toEqual({
      kind: 'kind: must be one of "a", "b"',
      count: 'count: must be at most 3',
      name: 'name: is required',
    })
    const state = failure(UpdateContactInput, { state: 'cal' })
    expect(state.issues).toHaveLength(2)
    expect(fieldErrors(state)).toEqual({ state: 'State: must be at most 2 characters (you have 3)' })
  })
})

describe('validateField', () => {
  it('gives the same message as fieldErrors for one field', () => {
    const cases: [keyof ContactValues, unknown][] = [
      ['firstName', 'x'.repeat(101)],
      ['phone', '(555) 123-4567'],
      ['tags', ['a', '']],
      ['tags', Array(25).fill('t')],
      ['price', 'lots'],
      ['state', 'tx'],
    ]
    for (const [name, value] of cases) {
      const errors = fieldErrors(failure(UpdateContactInput, { [name]: value }))
      const message = validateField(name, value)
      expect(message).toBeDefined()
      expect(Object.values(errors)).toEqual([message])
    }
  })

  it('accepts valid values and a missing one', () => {
    expect(validateField('firstName', 'Ann')).toBeUndefined()
    expect(validateField('tags', ['VIP'])).toBeUndefined()
    expect(validateField('price', 0)).toBeUndefined()
    expect(validateField('email', undefined)).toBeUndefined()
  })
})
