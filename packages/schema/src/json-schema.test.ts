import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { namedJsonSchemas, refOrSchema, toJsonSchema } from './json-schema.js'

const setup = () => {
  const registry = z.registry<{ id: string }>()
  const Item = z.object({ name: z.string() }).register(registry, { id: 'Item' })
  const List = z.object({ items: z.array(Item), count: z.number().default(0) }).register(registry, { id: 'List' })
  const Input = z.object({ count: z.number().default(0) }).register(registry, { id: 'Input' })
  return { registry, Item, List, Input }
}

describe('toJsonSchema', () => {
  it('writes named schemas inside another as $refs, and the schema itself in full', () => {
    const { registry, List } = setup()
    expect(toJsonSchema(List, { registry, refPrefix: '#/c/', io: 'output' })).toEqual({
      type: 'object',
      properties: {
        items: { type: 'array', items: { $ref: '#/c/Item' } },
        count: { type: 'number', default: 0 },
      },
      required: ['items', 'count'],
      additionalProperties: false,
    })
  })

  it('gives a $ref for a named schema and the JSON Schema of any other', () => {
    const { registry, Item } = setup()
    const options = { registry, refPrefix: '#/c/', io: 'input' } as const
    expect(refOrSchema(Item, options)).toEqual({ $ref: '#/c/Item' })
    expect(refOrSchema(z.array(Item), options)).toEqual({ type: 'array', items: { $ref: '#/c/Item' } })
  })

  it('throws on what JSON Schema cannot say, rather than writing {}', () => {
    const { registry } = setup()
    expect(() => toJsonSchema(z.date(), { registry, refPrefix: '#/c/', io: 'output' })).toThrow()
  })
})

describe('namedJsonSchemas', () => {
  it('converts every named schema, in name order, each read as it says', () => {
    const { registry } = setup()
    const schemas = namedJsonSchemas({
      registry,
      refPrefix: '#/c/',
      ioOf: (id) => (id === 'Input' ? 'input' : 'output'),
    })
    expect(Object.keys(schemas)).toEqual(['Input', 'Item', 'List'])
    // A default makes a field optional to send and always present in what is returned.
    expect(schemas.Input?.required).toBeUndefined()
    expect(schemas.List?.required).toEqual(['items', 'count'])
    expect(schemas.List?.properties).toMatchObject({ items: { items: { $ref: '#/c/Item' } } })
    for (const schema of Object.values(schemas)) expect(schema).not.toHaveProperty('$id')
  })
})

describe('the dialect', () => {
  it('is JSON Schema 2020-12: a recursive schema keeps its definitions under $defs', () => {
    const registry = z.registry<{ id: string }>()
    const Node: z.ZodType = z.object({
      name: z.string(),
      get next() {
        return Node.optional()
      },
    })
    const json = toJsonSchema(z.object({ head: Node }), { registry, refPrefix: '#/c/', io: 'output' })
    expect(json).toHaveProperty('$defs')
    expect(json).not.toHaveProperty('definitions')
    expect(json).not.toHaveProperty('$schema')
    expect(JSON.stringify(json)).toContain('"#/$defs/')
  })

  it('refuses a named schema with a cycle through an unnamed one: no $ref could reach it', () => {
    const registry = z.registry<{ id: string }>()
    const Node: z.ZodType = z.object({
      get next() {
        return Node.optional()
      },
    })
    z.object({ head: Node }).register(registry, { id: 'List' })
    expect(() => namedJsonSchemas({ registry, refPrefix: '#/c/', ioOf: () => 'output' })).toThrow(
      'A named schema contains a cycle through an unnamed schema: name that schema too',
    )
  })

  it('refuses such a cycle when only what zod reads, or only what it returns, has it', () => {
    const cyclic = (): z.ZodType => {
      const Node: z.ZodType = z.object({
        get next() {
          return Node.optional()
        },
      })
      return z.object({ head: Node })
    }
    const readOnly = z.registry<{ id: string }>()
    cyclic().pipe(z.unknown()).register(readOnly, { id: 'Read' })
    const returnedOnly = z.registry<{ id: string }>()
    z.unknown().pipe(cyclic()).register(returnedOnly, { id: 'Returned' })
    for (const registry of [readOnly, returnedOnly]) {
      expect(() => namedJsonSchemas({ registry, refPrefix: '#/c/', ioOf: () => 'output' })).toThrow(
        'A named schema contains a cycle through an unnamed schema: name that schema too',
      )
    }
  })

  it('reads a request as zod reads it, a response as it returns it', () => {
    const { registry, Input } = setup()
    expect(toJsonSchema(Input, { registry, refPrefix: '#/c/', io: 'input' }).required).toBeUndefined()
    expect(toJsonSchema(Input, { registry, refPrefix: '#/c/', io: 'output' }).required).toEqual(['count'])
    expect(
      refOrSchema(z.object({ a: z.string().default('x') }), { registry, refPrefix: '#/c/', io: 'output' }),
    ).toEqual({
      type: 'object',
      properties: { a: { type: 'string', default: 'x' } },
      required: ['a'],
      additionalProperties: false,
    })
  })
})
