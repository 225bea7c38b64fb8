import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { type Endpoint, endpoints, requestSchemas } from '../src/index.js'
import { allMessages, isZodDefault } from './zod-defaults.js'

/**
 * Every message a request schema gives is ours: nothing a person reads comes from zod's English defaults, whatever
 * was sent, so no code anywhere has to reword them.
 */
const schemasByName = new Map(
  Object.entries(endpoints as Record<string, Endpoint>).flatMap(([name, endpoint]) =>
    (['params', 'query', 'body', 'headers'] as const).flatMap((part) =>
      (['protective', 'documented'] as const).flatMap((rules) => {
        const schema = requestSchemas(endpoint, rules)[part]
        return schema ? [[`${name}.${part}${rules === 'documented' ? ' (documented)' : ''}`, schema] as const] : []
      }),
    ),
  ),
)

const anyValue = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true }),
  fc.dictionary(
    fc.constantFrom('id', 'email', 'firstName', 'tags', 'price', 'limit', 'permanent', 'title', 'Idempotency-Key'),
    fc.oneof(fc.jsonValue(), fc.string(), fc.array(fc.string()), fc.double()),
  ),
)

describe('request schemas speak only our words', () => {
  it('covers every part of every endpoint', () => {
    expect([...schemasByName.keys()]).toEqual(
      expect.arrayContaining([
        'updatePerson.body',
        'updatePerson.body (documented)',
        'listPeople.query',
        'getPerson.params',
        'upsertPerson.headers',
        'upsertPerson.headers (documented)',
      ]),
    )
  })

  it('on any value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...schemasByName.keys()), anyValue, (name, value) => {
        const result = z.safeParse(schemasByName.get(name) as z.ZodType, value)
        for (const message of result.success ? [] : allMessages(result.error.issues)) {
          expect(isZodDefault(message), `${name}: ${message}`).toBe(false)
          expect(message.length, name).toBeGreaterThan(0)
        }
      }),
      { numRuns: 3000 },
    )
  })
})
