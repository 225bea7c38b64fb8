import * as z from 'zod'
import type * as core from 'zod/v4/core'

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1) or any other plain JSON object. */
export type JsonObject = { [key: string]: unknown }

/** A registry whose schemas have names, e.g. `namedSchemas`. */
export type NamedRegistry = core.$ZodRegistry<{ id: string }>

export interface JsonSchemaOptions {
  /** Schemas named here are written as `$ref`s wherever they occur inside another schema. */
  registry: NamedRegistry
  /** What a `$ref` to a named schema is: `#/components/schemas/` + its name. */
  refPrefix: string
  /** `input`: as zod reads a value (requests); `output`: as it returns it (responses). */
  io: 'input' | 'output'
}

const common = (options: JsonSchemaOptions) =>
  ({
    target: 'draft-2020-12',
    io: options.io,
    // Unrepresentable parts (transforms of output, dates, …) throw rather than turn silently into `{}`.
    unrepresentable: 'throw',
  }) as const

/** The document around the schema says the dialect and where the schema is. */
const bare = ({ $schema: _dialect, $id: _id, ...json }: JsonObject): JsonObject => json

/**
 * The JSON Schema of one zod schema. Named schemas inside it become `$ref`s; the schema itself is written out
 * even when it has a name.
 */
export function toJsonSchema(schema: core.$ZodType, options: JsonSchemaOptions): JsonObject {
  const json = z.toJSONSchema(schema, {
    ...common(options),
    override: (ctx) => {
      const id = options.registry.get(ctx.zodSchema)?.id
      if (id === undefined || ctx.zodSchema === schema) return
      const target = ctx.jsonSchema as JsonObject
      for (const key of Object.keys(target)) delete target[key]
      target.$ref = options.refPrefix + id
    },
  })
  return bare(json as JsonObject)
}

/** `{ $ref }` to the schema when it is named, else its JSON Schema. */
export function refOrSchema(schema: core.$ZodType, options: JsonSchemaOptions): JsonObject {
  const id = options.registry.get(schema)?.id
  return id === undefined ? toJsonSchema(schema, options) : { $ref: options.refPrefix + id }
}

/**
 * The JSON Schema of every named schema, by name in alphabetical order; named schemas inside one another are
 * `$ref`s. `ioOf` says how each is read.
 */
export function namedJsonSchemas(
  options: Omit<JsonSchemaOptions, 'io'> & { ioOf: (id: string) => 'input' | 'output' },
): Record<string, JsonObject> {
  const converted = (io: 'input' | 'output') =>
    z.toJSONSchema(options.registry, { ...common({ ...options, io }), uri: (id) => options.refPrefix + id }).schemas
  const byIo = {
    input: converted('input'),
    // Stryker disable next-line StringLiteral: zod reads any io but 'input' as 'output', its default
    output: converted('output'),
  }
  // zod puts what it could not name (a cycle through an unnamed schema) under `__shared`: no $ref could reach it.
  if ('__shared' in byIo.output || '__shared' in byIo.input) {
    throw new Error('A named schema contains a cycle through an unnamed schema: name that schema too')
  }
  const out: Record<string, JsonObject> = {}
  for (const id of Object.keys(byIo.output).sort()) {
    const json = byIo[options.ioOf(id)][id]
    // Stryker disable next-line ConditionalExpression: zod converts each named schema both ways, so it is always there
    if (json) out[id] = bare(json as JsonObject)
  }
  return out
}
