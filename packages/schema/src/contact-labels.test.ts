import { describe, expect, it } from 'vitest'
import { contactFieldLabels, contactFieldNames } from './index.js'

describe('contactFieldLabels', () => {
  it('labels every writable field by the title of its schema, and calls one tag a tag', () => {
    const labels = contactFieldLabels()
    expect(Object.keys(labels)).toEqual(contactFieldNames)
    expect(labels.firstName).toBe('First name')
    expect(labels.zipCode).toBe('ZIP code')
    expect(labels.tags).toEqual({ label: 'Tags', item: 'tag' })
    expect(labels.email).toBe('Email')
  })

  it('is read once and shared', () => {
    expect(contactFieldLabels()).toBe(contactFieldLabels())
  })
})
