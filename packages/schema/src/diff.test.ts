import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type ContactValues,
  contactFieldNames,
  diffContact,
  Person,
  type Person as PersonType,
  toUpdateInput,
  UpdateContactInput,
} from './index.js'

const person = Person.parse({
  id: 'jd79abc123def',
  firstName: 'John',
  lastName: 'Doe',
  fullName: 'John Doe',
  emails: [
    { value: 'old@example.com', type: 'work', isPrimary: false },
    { value: 'john@example.com', type: 'home', isPrimary: true },
  ],
  phones: [{ value: '+15551234567', type: 'mobile', isPrimary: true, status: 'Valid', isBad: false }],
  assignedAgentId: 'agent123',
  stageId: 'stage456',
  stageName: 'Lead',
  source: 'Website',
  tags: 'VIP, Hot Lead',
  price: 450000,
  timeframe: null,
  city: 'Austin',
  state: 'TX',
  createdAt: '2023-11-15T10:00:00Z',
})

describe('toUpdateInput', () => {
  it('maps the read model to the write model, with only the fields the person has', () => {
    expect(toUpdateInput(person)).toEqual({
      firstName: 'John',
      lastName: 'Doe',
      email: 'john@example.com',
      phone: '+15551234567',
      source: 'Website',
      stage: 'stage456',
      price: 450000,
      tags: ['VIP', 'Hot Lead'],
      city: 'Austin',
      state: 'TX',
    })
  })

  it('takes the first email and phone when none is primary, and nothing when there is none', () => {
    const values = toUpdateInput({
      ...person,
      emails: [{ value: 'a@example.com' }, { value: 'b@example.com' }],
      phones: [],
    })
    expect(values.email).toBe('a@example.com')
    expect('phone' in values).toBe(false)
  })

  it('gives a valid patch for a well-formed person', () => {
    expect(UpdateContactInput.safeParse(toUpdateInput(person)).success).toBe(true)
  })

  it('is the identity for diffContact: an unedited form saves nothing', () => {
    expect(diffContact(toUpdateInput(person), toUpdateInput(person))).toEqual({})
  })
})

describe('diffContact', () => {
  const before: ContactValues = { firstName: 'John', city: 'Austin', tags: ['VIP'], price: 1 }

  it('keeps only the changed fields', () => {
    expect(diffContact(before, { ...before, city: 'Dallas' })).toEqual({ city: 'Dallas' })
    expect(diffContact(before, { ...before, tags: ['VIP', 'Hot'] })).toEqual({ tags: ['VIP', 'Hot'] })
    expect(diffContact(before, { ...before, price: 2 })).toEqual({ price: 2 })
  })

  it('sends a cleared string as "" and cleared tags as []', () => {
    expect(diffContact(before, { price: 1 })).toEqual({ firstName: '', city: '', tags: [] })
    expect(diffContact(before, { ...before, city: '' })).toEqual({ city: '' })
  })

  it('treats a missing and an empty value as the same', () => {
    expect(diffContact({}, { city: '', tags: [] })).toEqual({})
  })

  it('cannot clear a price (the API takes no null): a missing price is left alone', () => {
    expect(diffContact(before, { ...before, price: undefined })).toEqual({})
  })
})

const text = fc.oneof(fc.constant(''), fc.string({ maxLength: 8 }), fc.constantFrom('a', 'b'))
const values: fc.Arbitrary<ContactValues> = fc.record(
  {
    firstName: text,
    lastName: text,
    email: text,
    phone: text,
    source: text,
    stage: text,
    price: fc.oneof(fc.constantFrom(0, 1, 450000), fc.double({ min: 0, noNaN: true, noDefaultInfinity: true })),
    timeframe: text,
    background: text,
    tags: fc.array(fc.constantFrom('VIP', 'Hot', 'x', ''), { maxLength: 4 }),
    street: text,
    city: text,
    state: text,
    zipCode: text,
  },
  { requiredKeys: [] },
)

/** What a contact looks like after a patch: missing text reads as '', missing tags as []. */
const normalized = (v: ContactValues) =>
  Object.fromEntries(
    contactFieldNames.map((name) => [name, name === 'price' ? v.price : (v[name] ?? (name === 'tags' ? [] : ''))]),
  )

describe('diffContact properties', () => {
  it('applying diffContact(a, b) to a gives b (a price missing from b keeps a’s)', () => {
    fc.assert(
      fc.property(values, values, (a, b) => {
        const patched = { ...a, ...diffContact(a, b) }
        expect(normalized(patched)).toEqual(normalized({ ...b, price: b.price ?? a.price }))
      }),
      { numRuns: 1000 },
    )
  })

  it('is minimal: every field of the patch changes the contact', () => {
    fc.assert(
      fc.property(values, values, (a, b) => {
        const patch = diffContact(a, b)
        const before = normalized(a)
        for (const [name, value] of Object.entries(patch)) expect(value).not.toEqual(before[name])
      }),
      { numRuns: 1000 },
    )
  })

  it('is empty for equal contacts and never aliases the tags of its input', () => {
    fc.assert(
      fc.property(values, (a) => {
        expect(diffContact(a, structuredClone(a))).toEqual({})
        const patch = diffContact({}, a)
        if (patch.tags) expect(patch.tags).not.toBe(a.tags)
      }),
      { numRuns: 500 },
    )
  })
})

describe('toUpdateInput on any answer', () => {
  it('prefers the primary email and phone to the first', () => {
    const values = toUpdateInput({
      ...person,
      emails: [
        { value: 'a@example.com', isPrimary: null },
        { value: 'b@example.com', isPrimary: true },
      ],
      phones: [{ value: '+1555', isPrimary: false }, { value: '+1666' }],
    })
    expect(values).toMatchObject({ email: 'b@example.com', phone: '+1555' })
  })

  it('reads an answer without emails or phones (a server may leave them out)', () => {
    const partial = { id: 'p1', createdAt: '2023-11-15T10:00:00Z', firstName: 'Ann' } as PersonType
    expect(toUpdateInput(partial)).toEqual({ firstName: 'Ann' })
  })

  it('reads an empty tags string as no tags, and keeps a price of 0', () => {
    expect(toUpdateInput({ ...person, tags: '', price: 0 })).toMatchObject({ tags: [], price: 0 })
    expect(toUpdateInput({ ...person, tags: null, price: null })).not.toHaveProperty('tags')
  })

  it('maps every text field of the read model', () => {
    const full = {
      ...person,
      timeframe: 'soon',
      background: 'Notes',
      street: '1 Main St',
      zipCode: '78701',
    }
    expect(toUpdateInput(full)).toMatchObject({
      timeframe: 'soon',
      background: 'Notes',
      street: '1 Main St',
      zipCode: '78701',
    })
  })
})

describe('diffContact on tags', () => {
  it('sends the tags when only their order or one of them changed', () => {
    expect(diffContact({ tags: ['a', 'b'] }, { tags: ['b', 'a'] })).toEqual({ tags: ['b', 'a'] })
    expect(diffContact({ tags: ['a', 'b'] }, { tags: ['a', 'c'] })).toEqual({ tags: ['a', 'c'] })
    expect(diffContact({ tags: ['a', 'b'] }, { tags: ['a'] })).toEqual({ tags: ['a'] })
    expect(diffContact({ tags: ['a'] }, { tags: ['a', 'a'] })).toEqual({ tags: ['a', 'a'] })
  })

  it('sends a price set for the first time, and a price of 0', () => {
    expect(diffContact({}, { price: 0 })).toEqual({ price: 0 })
    expect(diffContact({ price: 5 }, { price: 0 })).toEqual({ price: 0 })
  })
})
