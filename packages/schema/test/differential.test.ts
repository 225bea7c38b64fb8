import { Ajv2020 } from 'ajv/dist/2020.js'
import ajvFormats from 'ajv-formats'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import * as contract from '../src/index.js'

/**
 * Differential test: the zod schemas and the JSON Schemas of the OpenAPI document must judge every
 * input the same way. Inputs are JSON values (what travels over the wire): generated from the JSON
 * Schema itself near every limit, then mutated, plus arbitrary JSON.
 */

type Json = { [key: string]: unknown }

const document = contract.buildOpenApiDocument()
const components = document.components.schemas

/**
 * `format` is only an annotation in JSON Schema 2020-12; the rule zod applies is carried by `pattern`
 * (toJSONSchema emits zod's exact regex next to the format). So ajv is told the formats exist and
 * assert nothing. Emails have no `format` at all, only our pattern: ajv-formats' `email` refuses
 * internationalised addresses the contract accepts (see the last test). Patterns are Unicode patterns, as ajv
 * compiles them. String lengths need no option: zod 4 and ajv both count code points.
 * `allowUnionTypes`: nullable fields are `type: [string, null]`.
 */
const ajv = new Ajv2020({
  strict: true,
  allowUnionTypes: true,
  formats: { 'date-time': true },
})
const defs = JSON.parse(JSON.stringify(components).replaceAll('#/components/schemas/', '#/$defs/'))
ajv.addSchema({ $id: 'contract', $defs: defs })

const validatorOf = (name: string) => {
  const validate = ajv.getSchema(`contract#/$defs/${name}`)
  if (!validate) throw new Error(`no JSON Schema for ${name}`)
  return validate
}

const zodOf = (name: string) => {
  const schema = (contract as Record<string, unknown>)[name]
  if (!(schema instanceof z.ZodType)) throw new Error(`no zod schema named ${name}`)
  return schema
}

// ---------- inputs generated from a JSON Schema: valid ones, and valid ones with one thing wrong ----------

const resolve = (schema: Json): Json => {
  const ref = schema.$ref
  return typeof ref === 'string' ? (components[ref.split('/').at(-1) as string] as Json) : schema
}

const chars = fc.constantFrom('a', 'Z', '0', ' ', '-', ',', '.', '@', 'é', '😀', '\n')
const exactly = (length: number) => fc.array(chars, { minLength: length, maxLength: length }).map((a) => a.join(''))
const between = (min: number, max: number) =>
  fc.array(chars, { minLength: min, maxLength: Math.min(max, min + 12) }).map((a) => a.join(''))

/**
 * Email addresses, valid and near-valid: fast-check cannot generate from the email pattern (its Unicode classes are
 * far too large to enumerate), so addresses are built from parts that cover every form of the rule.
 */
const emailAddresses = fc.oneof(
  fc.emailAddress(),
  fc
    .tuple(
      fc.constantFrom(
        'john',
        'j.smith+crm',
        "o'neil",
        'user%x',
        '!#$&*=?^{|}~',
        'josé',
        '用户',
        '😀',
        '"john doe"',
        '"a\\"b"',
        '"a..b"',
        'a'.repeat(64),
      ),
      fc.constantFrom(
        'example.com',
        'bücher.de',
        'example',
        'a-.com',
        '例子.广告',
        '[192.0.2.1]',
        '[IPv6:2001:db8::1]',
      ),
    )
    .map(([local, domain]) => `${local}@${domain}`),
)

const isEmailPattern = (pattern: unknown) => pattern === contract.EMAIL_PATTERN.source

/** Any JSON value, small: the "anything at all" mutation. */
const anyJson = fc.jsonValue({ maxDepth: 2 })

const typesOf = (schema: Json): string[] =>
  Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : []

/** Values the schema should accept: at the limits and in between. */
function valid(input: Json): fc.Arbitrary<unknown> {
  const schema = resolve(input)
  if (Array.isArray(schema.anyOf) && !schema.properties) return fc.oneof(...(schema.anyOf as Json[]).map(valid))
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]))
  if ('const' in schema) return fc.constant(schema.const)
  const types = typesOf(schema)
  return types.length ? fc.oneof(...types.map((type) => validOfType(type, schema))) : anyJson
}

function validOfType(type: string, schema: Json): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string': {
      if (isEmailPattern(schema.pattern)) return emailAddresses
      if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern))
      const min = (schema.minLength as number | undefined) ?? 0
      const max = schema.maxLength as number | undefined
      return max === undefined ? between(min, min + 12) : fc.oneof(exactly(min), exactly(max), between(min, max))
    }
    case 'number':
    case 'integer': {
      const min = (schema.minimum as number | undefined) ?? -1e6
      const max = (schema.maximum as number | undefined) ?? 1e15
      const edges = fc.constantFrom(min, max)
      return type === 'integer'
        ? fc.oneof(edges, fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) }))
        : fc.oneof(edges, fc.double({ min, max, noNaN: true }))
    }
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array': {
      const item = valid((schema.items as Json | undefined) ?? {})
      const max = (schema.maxItems as number | undefined) ?? 3
      return fc.oneof(
        fc.array(item, { maxLength: Math.min(max, 3) }),
        fc.array(item, { minLength: max, maxLength: max }),
      )
    }
    case 'object':
      return validObject(schema)
    default:
      return anyJson
  }
}

function validObject(schema: Json): fc.Arbitrary<Json> {
  const properties = (schema.properties as Record<string, Json> | undefined) ?? {}
  const required = (schema.required as string[] | undefined) ?? []
  // `anyOf: [{ required: [a] }, { required: [b] }]` (a refinement): one of them is always present.
  const oneOf = ((schema.anyOf as Json[] | undefined) ?? []).flatMap((branch) => (branch.required as string[]) ?? [])
  const extras =
    schema.additionalProperties === false
      ? fc.constant([])
      : fc.array(fc.tuple(fc.constantFrom('extra', 'x-new'), anyJson), { maxLength: 1 })
  const minProperties = (schema.minProperties as number | undefined) ?? 0
  return fc
    .record({
      values: fc.record(Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, valid(value)]))),
      present: fc.array(fc.boolean(), {
        minLength: Object.keys(properties).length,
        maxLength: Object.keys(properties).length,
      }),
      forced: oneOf.length ? fc.constantFrom(...oneOf) : fc.constant(undefined),
      extras,
    })
    .map(({ values, present, forced, extras }) => {
      const out: Json = {}
      Object.keys(properties).forEach((key, index) => {
        if (present[index] || required.includes(key) || key === forced) out[key] = values[key]
      })
      for (const [key, value] of extras) out[key] = value
      if (Object.keys(out).length < minProperties) {
        const first = Object.keys(properties)[0]
        if (first !== undefined) out[first] = values[first]
      }
      return out
    })
}

/** Values near the schema that it may well reject: one past a limit, one edit off a pattern, a wrong type. */
function near(input: Json): fc.Arbitrary<unknown> {
  const schema = resolve(input)
  const options: fc.Arbitrary<unknown>[] = [anyJson, valid(schema)]
  const types = typesOf(schema)
  if (types.includes('string')) {
    const min = (schema.minLength as number | undefined) ?? 0
    const max = schema.maxLength as number | undefined
    options.push(
      exactly(min + 1),
      ...(min > 0 ? [exactly(min - 1)] : []),
      ...(max === undefined ? [] : [exactly(max + 1)]),
    )
    if (typeof schema.pattern === 'string') {
      const matching = isEmailPattern(schema.pattern) ? emailAddresses : fc.stringMatching(new RegExp(schema.pattern))
      options.push(
        fc
          .tuple(matching, fc.nat(), chars)
          .map(([s, at, c]) => s.slice(0, at % (s.length + 1)) + c + s.slice(at % (s.length + 1))),
        fc
          .tuple(matching, fc.nat())
          .map(([s, at]) => s.slice(0, at % (s.length || 1)) + s.slice((at % (s.length || 1)) + 1)),
      )
    }
  }
  if (types.includes('number') || types.includes('integer')) {
    const edges = [schema.minimum, schema.maximum].filter((n): n is number => typeof n === 'number')
    options.push(
      fc.constantFrom(0, -0, -1, 0.5, 1e300, -1e-300, ...edges.flatMap((n) => [n - 1, n + 1, n - 0.5, n + 0.5])),
    )
  }
  if (types.includes('array')) {
    const max = (schema.maxItems as number | undefined) ?? 3
    options.push(fc.array(near((schema.items as Json | undefined) ?? {}), { minLength: 1, maxLength: 3 }))
    options.push(fc.array(valid((schema.items as Json | undefined) ?? {}), { minLength: max + 1, maxLength: max + 1 }))
  }
  if (types.includes('object')) options.push(mutatedObject(schema))
  return fc.oneof(...options)
}

/** A valid object with one thing wrong: a field replaced, a required field dropped, an unknown field added, or emptied. */
function mutatedObject(schema: Json): fc.Arbitrary<unknown> {
  const properties = Object.entries((schema.properties as Record<string, Json> | undefined) ?? {})
  if (properties.length === 0) return validObject(schema)
  const replaced = fc
    .tuple(validObject(schema), fc.constantFrom(...properties))
    .chain(([object, [key, property]]) => near(property).map((value) => ({ ...object, [key]: value })))
  const dropped = fc
    .tuple(validObject(schema), fc.constantFrom(...properties.map(([key]) => key)))
    .map(([object, key]) => {
      const { [key]: _gone, ...rest } = object
      return rest
    })
  const added = fc
    .tuple(validObject(schema), fc.constantFrom('nickname', 'stageId', 'constructor', 'toString', '__proto__'), anyJson)
    .map(([object, key, value]) => {
      const copy = { ...object }
      // defineProperty: an own "__proto__" key, as JSON.parse makes it, not a prototype change.
      Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true })
      return copy
    })
  return fc.oneof(replaced, replaced, dropped, added, fc.constant({}))
}

/** Inputs for one named schema: about a third valid, the rest one step off or anything at all. */
const inputsFor = (name: string) => {
  const schema = { $ref: `#/components/schemas/${name}` }
  return fc.oneof(
    { weight: 3, arbitrary: valid(schema) },
    { weight: 5, arbitrary: near(schema) },
    { weight: 1, arbitrary: anyJson },
  )
}

/** The addresses of the email rule's own tests (src/email.test.ts): both validators must agree on each. */
const acceptedEmails = [
  '"john doe"@example.com',
  'josé@example.com',
  'user@bücher.de',
  'user%x@example.com',
  '!#$&*=?^{|}~@example.com',
  'jsmith@example',
  'user@[IPv6:2001:db8::1]',
]
const refusedEmails = ['jsmith', '@example.com', 'jsmith@', 'j smith@example.com', 'a\u0007b@example.com', 'a@b..c']

// ---------- the comparison ----------

function agree(name: string, input: unknown) {
  const zodVerdict = zodOf(name).safeParse(input).success
  const validate = validatorOf(name)
  const ajvVerdict = validate(input) === true
  if (zodVerdict !== ajvVerdict) {
    throw new Error(
      `${name}: zod says ${zodVerdict ? 'valid' : 'invalid'}, the JSON Schema says ${ajvVerdict ? 'valid' : 'invalid'}` +
        ` for ${JSON.stringify(input)} (ajv: ${JSON.stringify(validate.errors)})`,
    )
  }
  return zodVerdict
}

function compare(name: string, numRuns: number) {
  let valid = 0
  fc.assert(
    fc.property(inputsFor(name), (input) => {
      if (agree(name, input)) valid += 1
    }),
    { numRuns, seed: 20_240_611 ^ name.length },
  )
  // Both verdicts must occur often enough for the agreement to mean something.
  expect(valid, `${name}: valid inputs`).toBeGreaterThan(numRuns * 0.1)
  expect(valid, `${name}: invalid inputs`).toBeLessThan(numRuns * 0.9)
}

describe('zod and the generated JSON Schema agree', () => {
  it.each([
    ['UpdateContactInput', 3000],
    ['CreateContactInput', 1500],
    ['CreateDealInput', 1000],
    ['UpdateDealInput', 500],
    ['MoveDealInput', 500],
    ['CreateActivityInput', 1000],
  ])('request body %s (%i inputs)', (name, runs) => compare(name, runs))

  it.each([
    ['Person', 500],
    ['ApiErrorBody', 500],
    ['ListMeta', 500],
    ['User', 300],
    ['Activity', 300],
    ['UpsertContactResponse', 200],
    ['DeleteContactResponse', 200],
  ])('response %s (%i inputs)', (name, runs) => compare(name, runs))

  it('on hand-picked edge cases', () => {
    const cases: [string, unknown][] = [
      ['UpdateContactInput', {}],
      ['UpdateContactInput', { email: 'x@a-.com' }],
      ['UpdateContactInput', { email: 'a..b@example.com' }],
      ['UpdateContactInput', { email: `${'a'.repeat(243)}@example.com` }],
      ['UpdateContactInput', { firstName: '😀'.repeat(100) }],
      ['UpdateContactInput', { firstName: '😀'.repeat(101) }],
      ['UpdateContactInput', { price: -0 }],
      ['UpdateContactInput', JSON.parse('{"__proto__": "x"}')],
      ['UpdateContactInput', { tags: Array(20).fill('😀'.repeat(50)) }],
      ['CreateContactInput', { city: 'Austin' }],
      ['CreateContactInput', { phone: '+15551234567' }],
      ['CreateDealInput', { title: 'Deal', pipelineId: 'p', closeDate: '2024-02-29T00:00:00Z' }],
      ['CreateDealInput', { title: 'Deal', pipelineId: 'p', closeDate: '2023-02-29T00:00:00Z' }],
      ['CreateDealInput', { title: 'Deal', pipelineId: 'p', closeDate: '2024-01-01T00:00:00+02:00' }],
      ['CreateDealInput', { title: 'Deal', pipelineId: 'p', closeDate: '2024-01-01' }],
      ...acceptedEmails.map((email): [string, unknown] => ['UpdateContactInput', { email }]),
      ...refusedEmails.map((email): [string, unknown] => ['UpdateContactInput', { email }]),
      ['UpdateContactInput', {}],
      ['UpdateContactInput', { stage: '' }],
      ['CreateContactInput', {}],
      ['CreateDealInput', { title: 'Deal', pipelineId: 'p', pricing: -1, commission: -0.5 }],
      ['CreateDealInput', { title: 'Deal', pipelineId: '' }],
    ]
    const verdicts = cases.map(([name, input]) => agree(name, input))
    expect(verdicts).toEqual([
      true, // an empty patch changes nothing: the docs do not forbid it
      true,
      false,
      true,
      true,
      false,
      true,
      false,
      true,
      true, // a contact without a name, email or phone: the docs require none
      true,
      true,
      false,
      true,
      false,
      ...acceptedEmails.map(() => true),
      ...refusedEmails.map(() => false),
      true,
      true, // clears the stage
      true,
      true, // the docs set no minimum on a deal's amounts
      false, // an empty pipeline id (ours: ASSUMPTIONS.md#ids-not-empty)
    ])
  })

  it('would not agree with ajv-formats’ own email rule (why the document has a pattern, not format: email)', () => {
    const strictFormats = new Ajv2020({ strict: true })
    ajvFormats.default(strictFormats)
    const validate = strictFormats.compile({ type: 'string', format: 'email' })
    for (const email of ['josé@example.com', 'user@bücher.de', '"john doe"@example.com']) {
      expect(contract.Email.safeParse(email).success, email).toBe(true)
      expect(validate(email), email).toBe(false)
    }
    expect(JSON.stringify(document)).not.toContain('"format":"email"')
  })
})
