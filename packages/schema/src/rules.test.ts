import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import {
  assumptionsOf,
  DEFAULT_RULE_SET,
  type Endpoint,
  type EndpointName,
  endpoints,
  fieldErrors,
  idempotencyKeyRule,
  idNotEmptyRule,
  type RequestPart,
  RULE_SETS,
  requestSchemas,
  unknownFieldsRule,
} from './index.js'

const table = Object.entries(endpoints) as [EndpointName, Endpoint][]
const PARTS: readonly RequestPart[] = ['params', 'query', 'body', 'headers']
const accepts = (schema: unknown, value: unknown) => z.safeParse(schema as z.ZodType, value).success

describe('the two rule sets of a request', () => {
  it('check the same parts of every operation', () => {
    for (const [name, endpoint] of table) {
      const ours = requestSchemas(endpoint)
      const documented = requestSchemas(endpoint, 'documented')
      expect(Object.keys(documented).sort(), name).toEqual(Object.keys(ours).sort())
      for (const part of PARTS) expect(ours[part], `${name}.${part}`).toBe(endpoint[part])
    }
    expect(DEFAULT_RULE_SET).toBe('protective')
  })

  describe.each(table.flatMap(([name, endpoint]) => endpoint.rules.map((rule) => [name, rule] as const)))(
    '%s: our rule',
    (name, rule) => {
      it(`${rule.assumption} on the ${rule.part}: the docs allow its example, our rules refuse it`, () => {
        const endpoint: Endpoint = endpoints[name]
        expect(accepts(requestSchemas(endpoint, 'documented')[rule.part], rule.example)).toBe(true)
        const result = z.safeParse(requestSchemas(endpoint)[rule.part] as z.ZodType, rule.example)
        expect(result.success).toBe(false)
        expect(Object.values(fieldErrors(result.error?.issues ?? [])).join('; ')).not.toBe('')
      })
    },
  )

  it('every body and query has the unknown-fields rule, and only our rules tell the two sets apart', () => {
    for (const [name, endpoint] of table) {
      for (const part of ['query', 'body'] as const) {
        if (!endpoint[part]) continue
        const rule = endpoint.rules.find((r) => r.part === part && r.assumption === 'unknown-request-fields')
        expect(rule, `${name}.${part}`).toBeDefined()
      }
      // A part without a rule of ours is checked the same way by both sets.
      for (const part of PARTS) {
        if (endpoint.rules.some((rule) => rule.part === part)) continue
        expect(requestSchemas(endpoint, 'documented')[part], `${name}.${part}`).toBe(endpoint[part])
      }
    }
  })

  it('our rules only ever add refusals: what they accept, the docs accept', () => {
    const values = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(
        fc.constantFrom(
          'id',
          'email',
          'name',
          'title',
          'pipelineId',
          'stageId',
          'personId',
          'type',
          'limit',
          'zipcode',
        ),
        fc.oneof(fc.constantFrom('', 'note', 'Deal', 'a@b.c', '12', 'true'), fc.string(), fc.integer()),
      ),
    )
    fc.assert(
      fc.property(fc.constantFrom(...table), fc.constantFrom(...PARTS), values, ([, endpoint], part, value) => {
        const ours = requestSchemas(endpoint)[part]
        if (ours && accepts(ours, value))
          expect(accepts(requestSchemas(endpoint, 'documented')[part], value)).toBe(true)
      }),
      { numRuns: 3000 },
    )
  })

  it('the documented rule set passes fields the docs do not list through', () => {
    const body = requestSchemas(endpoints.updatePerson, 'documented').body as z.ZodType
    expect(body.parse({ city: 'Austin', emails: [{ value: 'jo@example.com' }] })).toEqual({
      city: 'Austin',
      emails: [{ value: 'jo@example.com' }],
    })
    // and still applies every rule the docs state
    expect(fieldErrors(z.safeParse(body, { state: 'tx', zipcode: 1 }).error?.issues ?? [])).toEqual({
      state: 'State: must be a two-letter upper-case state code like CA',
    })
  })

  it('has no rule of ours against what the docs leave open', () => {
    const ours = (name: EndpointName, part: RequestPart, value: unknown) =>
      accepts((endpoints[name] as Endpoint)[part], value)
    expect(ours('updatePerson', 'body', {})).toBe(true)
    expect(ours('updatePerson', 'body', { stage: '' })).toBe(true)
    expect(ours('upsertPerson', 'body', { city: 'Austin' })).toBe(true)
    expect(ours('searchPeople', 'query', {})).toBe(true)
    expect(ours('createDeal', 'body', { title: 'Deal', pipelineId: 'p', pricing: -1, commission: -1 })).toBe(true)
    expect(ours('upsertPerson', 'headers', { 'Idempotency-Key': 'order 42 / retry' })).toBe(true)
    expect(ours('upsertPerson', 'headers', { 'Idempotency-Key': 'k'.repeat(1000) })).toBe(true)
  })
})

describe('undocumented operations', () => {
  it('each says which documented call answers the same', () => {
    const undocumented = table.filter(([, endpoint]) => endpoint.undocumented)
    expect(undocumented.map(([name]) => name)).toEqual(['getPerson'])
    for (const [name, endpoint] of undocumented) {
      const fallback = endpoint.fallback
      expect(fallback, name).toBeDefined()
      const target = (endpoints as Record<string, Endpoint>)[fallback?.operation ?? '']
      expect(target?.undocumented, `${name} falls back to a documented operation`).toBeUndefined()
      for (const [parameter, pathParameter] of Object.entries(fallback?.query ?? {})) {
        expect(endpoint.path).toContain(`{${pathParameter}}`)
        expect(accepts(target?.query, { [parameter]: 'jd79abc123def' })).toBe(true)
      }
    }
  })
})

describe('the rules of ours, in words', () => {
  it('an unknown field of a body, or parameter of a query', () => {
    expect(unknownFieldsRule('body', { zipcode: '1' })).toEqual({
      assumption: 'unknown-request-fields',
      part: 'body',
      refuses: 'a field the docs do not list (a misspelling would be dropped unnoticed)',
      example: { zipcode: '1' },
    })
    expect(unknownFieldsRule('query', { limt: '5' }).refuses).toBe(
      'a parameter the docs do not list (a misspelling would be dropped unnoticed)',
    )
  })

  it('an empty id', () => {
    expect(idNotEmptyRule('params', 'id', { id: '' })).toEqual({
      assumption: 'ids-not-empty',
      part: 'params',
      refuses: 'an empty `id` (it names no resource)',
      example: { id: '' },
    })
  })

  it('an Idempotency-Key fetch would not send as given', () => {
    expect(idempotencyKeyRule({ 'Idempotency-Key': ' k' })).toEqual({
      assumption: 'idempotency-key-value',
      part: 'headers',
      refuses: 'an Idempotency-Key that `fetch` would change or refuse to send (not printable ASCII, spaces at an end)',
      example: { 'Idempotency-Key': ' k' },
    })
  })

  it('there are two rule sets, protective first', () => {
    expect(RULE_SETS).toEqual(['protective', 'documented'])
  })
})

describe('assumptionsOf', () => {
  it('lists the ledger ids of the rules, then of the operation, each once', () => {
    expect(assumptionsOf(endpoints.updateDeal)).toEqual([
      'unknown-request-fields',
      'ids-not-empty',
      'deal-update-replaces',
    ])
    expect(assumptionsOf(endpoints.getPerson)).toEqual(['get-person-endpoint'])
    expect(assumptionsOf(endpoints.me)).toEqual([])
  })
})

describe('requestSchemas', () => {
  it('gives only the parts an operation has', () => {
    expect(requestSchemas(endpoints.me)).toEqual({})
    expect(Object.keys(requestSchemas(endpoints.deletePerson))).toEqual(['params', 'query'])
    expect(Object.keys(requestSchemas(endpoints.upsertPerson))).toEqual(['body', 'headers'])
    expect(requestSchemas(endpoints.upsertPerson, 'documented')).toBe(endpoints.upsertPerson.documented)
  })
})
