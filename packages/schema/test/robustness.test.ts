import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import * as core from 'zod/v4/core'
import * as contract from '../src/index.js'
import { allMessages, isZodDefault } from './zod-defaults.js'

/** Every zod schema the package exports, by name. */
const schemas = (Object.entries(contract) as [string, unknown][]).filter(
  (entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType,
)

/** However malformed: deep JSON, odd keys, and JavaScript values JSON cannot even hold. */
const malformed = fc.oneof(
  fc.jsonValue(),
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withNullPrototype: true,
    withObjectString: true,
    withSet: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
  }),
  fc.dictionary(
    fc.constantFrom('__proto__', 'constructor', 'toString', 'meta', 'data', 'error', 'tags', 'price'),
    fc.jsonValue(),
  ),
)

describe('validation never throws anything but a ZodError', () => {
  it('finds the schemas', () => {
    expect(schemas.map(([name]) => name)).toEqual(
      expect.arrayContaining(['UpdateContactInput', 'Person', 'ApiErrorBody']),
    )
  })

  it('for every exported schema, on any value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...schemas), malformed, ([name, schema], value) => {
        const result = schema.safeParse(value)
        if (!result.success) {
          expect(result.error, name).toBeInstanceOf(core.$ZodError)
          expect(() => schema.parse(value)).toThrow(z.ZodError)
          // and the error always reads as field messages, in our words
          expect(Object.keys(contract.fieldErrors(result.error)).length).toBeGreaterThan(0)
          for (const message of allMessages(result.error.issues))
            expect(isZodDefault(message), `${name}: ${message}`).toBe(false)
        }
      }),
      { numRuns: 3000 },
    )
  })

  it('for validateField on any value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...contract.contactFieldNames), malformed, (name, value) => {
        const message = contract.validateField(name, value)
        expect(message === undefined || message.startsWith(`${contract.contactField(name).label}:`)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })

  it('parseErrorBody reads any body without throwing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          malformed,
          fc.string(),
          fc.string().map((s) => `<html><body>${s}</body></html>`),
        ),
        (body) => {
          const parsed = contract.parseErrorBody(body)
          for (const value of [parsed.code, parsed.message, parsed.requestId]) {
            expect(value === undefined || typeof value === 'string').toBe(true)
          }
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('toUpdateInput reads any person the schema accepts', () => {
    const person = fc.record(
      {
        id: fc.string(),
        emails: fc.array(
          fc.record({ value: fc.string(), isPrimary: fc.option(fc.boolean()) }, { requiredKeys: ['value'] }),
        ),
        phones: fc.array(fc.record({ value: fc.string() })),
        tags: fc.option(fc.string()),
        price: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })),
        stageId: fc.option(fc.string()),
        createdAt: fc.string(),
        extra: fc.jsonValue(),
      },
      { requiredKeys: ['id', 'emails', 'phones', 'createdAt'] },
    )
    fc.assert(
      fc.property(person, (value) => {
        const values = contract.toUpdateInput(contract.Person.parse(value))
        for (const key of Object.keys(values)) expect(contract.contactFieldNames).toContain(key)
        for (const [key, field] of Object.entries(values)) expect(field, key).not.toBeNull()
        if (values.tags) expect(contract.parseTags(contract.formatTags(values.tags))).toEqual(values.tags)
      }),
      { numRuns: 500 },
    )
  })
})
