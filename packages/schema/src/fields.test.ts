import { describe, expect, it } from 'vitest'
import { contactField, contactFieldNames, contactFields } from './index.js'

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

describe('contactField', () => {
  it('has only the limits its schema has', () => {
    expect(Object.keys(contactField('phone')).sort()).toEqual([
      'example',
      'group',
      'help',
      'kind',
      'label',
      'name',
      'schema',
    ])
    expect(Object.keys(contactField('stage'))).not.toContain('maxLength')
    expect(Object.keys(contactField('tags'))).not.toContain('minLength')
    expect(Object.keys(contactField('firstName'))).not.toContain('maxItems')
    expect(Object.keys(contactField('source'))).not.toContain('itemMaxLength')
  })

  it('gives each field its input kind, section, label and help', () => {
    expect(contactFields.map((field) => [field.name, field.kind, field.label])).toEqual([
      ['firstName', 'text', 'First name'],
      ['lastName', 'text', 'Last name'],
      ['email', 'email', 'Email'],
      ['phone', 'phone', 'Phone'],
      ['stage', 'stage', 'Stage'],
      ['source', 'text', 'Source'],
      ['price', 'money', 'Price'],
      ['timeframe', 'text', 'Timeframe'],
      ['tags', 'tags', 'Tags'],
      ['street', 'text', 'Street'],
      ['city', 'text', 'City'],
      ['state', 'state', 'State'],
      ['zipCode', 'zip', 'ZIP code'],
      ['background', 'multiline', 'Background'],
    ])
    expect(contactField('zipCode')).toMatchObject({ help: 'US ZIP code, 5 digits or ZIP+4.', example: '78701' })
  })

  it('is frozen, as is the list', () => {
    expect(Object.isFrozen(contactFields)).toBe(true)
    expect(Object.isFrozen(contactField('email'))).toBe(true)
  })
})
