import { readFileSync } from 'node:fs'
import SwaggerParser from '@apidevtools/swagger-parser'
import { describe, expect, it } from 'vitest'
import * as contract from './index.js'
import { assumptionsOf, buildOpenApiDocument, type Endpoint, endpoints, errorCodes, namedSchemas } from './index.js'

const shippedPath = new URL('../openapi.json', import.meta.url)
const document = buildOpenApiDocument()
const errorStatuses = ['400', '401', '404', '405', '409', '413', '415', '422', '429', '500']

/** Resolves a local `$ref` (one level), for looking inside the document. */
const deref = (value: unknown): Record<string, unknown> => {
  const ref = (value as { $ref?: string }).$ref
  if (!ref) return value as Record<string, unknown>
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], document) as Record<string, unknown>
}

const operations = Object.entries(endpoints).map(([name, endpoint]: [string, Endpoint]) => ({
  name,
  endpoint,
  operation: document.paths[endpoint.path]?.[endpoint.method.toLowerCase()] as Record<string, unknown>,
}))

describe('the shipped openapi.json', () => {
  it('is exactly buildOpenApiDocument() (regenerate: pnpm --filter @cc/schema build)', () => {
    const shipped = JSON.parse(readFileSync(shippedPath, 'utf8'))
    expect(
      shipped,
      'packages/schema/openapi.json is out of date with the schemas: run `pnpm --filter @cc/schema build` and commit it',
    ).toEqual(JSON.parse(JSON.stringify(document)))
  })
})

describe('buildOpenApiDocument', () => {
  it('is a valid OpenAPI 3.1 document (swagger-parser)', async () => {
    // validate() dereferences in place: give it a copy.
    const api = await SwaggerParser.validate(structuredClone(document) as never)
    expect(api).toMatchObject({ openapi: '3.1.0' })
  })

  it('has one operation per endpoint, named after it', () => {
    for (const { name, endpoint, operation } of operations) {
      expect(operation, `${endpoint.method} ${endpoint.path}`).toBeDefined()
      expect(operation).toMatchObject({ operationId: name, summary: endpoint.summary, tags: [endpoint.tag] })
    }
    const count = Object.values(document.paths).reduce((sum, item) => sum + Object.keys(item).length, 0)
    expect(count).toBe(Object.keys(endpoints).length)
  })

  it('requires a bearer API key everywhere', () => {
    expect(document.security).toEqual([{ bearerAuth: [] }])
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' })
  })

  it('documents the success status, with the response schema and X-Request-Id', () => {
    for (const { endpoint, operation } of operations) {
      const responses = operation.responses as Record<string, Record<string, unknown>>
      const statuses = [endpoint.status, ...(endpoint.alternateStatus ? [endpoint.alternateStatus] : [])]
      for (const status of statuses) {
        const response = responses[String(status)]
        expect(response, `${operation.operationId} ${status}`).toBeDefined()
        expect(response?.headers).toHaveProperty('X-Request-Id')
        expect(response?.content).toHaveProperty(['application/json', 'schema'])
      }
    }
    const upsert = document.paths['/people']?.post?.responses as Record<string, unknown>
    expect(Object.keys(upsert)).toEqual(expect.arrayContaining(['200', '201']))
  })

  it('documents every error response on every operation, with the error body', () => {
    for (const { operation } of operations) {
      const responses = operation.responses as Record<string, unknown>
      for (const status of [...errorStatuses, 'default']) {
        const response = deref(responses[status])
        expect(response, `${operation.operationId} ${status}`).toBeDefined()
        expect(response.content).toEqual({
          'application/json': { schema: { $ref: '#/components/schemas/ApiErrorBody' } },
        })
      }
    }
    expect(deref(document.components.responses.RateLimited).headers).toHaveProperty('Retry-After')
    expect(deref(document.components.responses.MethodNotAllowed).headers).toHaveProperty('Allow')
  })

  it('answers every error code of the table with the status it gives, saying the code', () => {
    const responses = operations[0]?.operation.responses as Record<string, unknown>
    for (const [code, { status, description }] of Object.entries(errorCodes)) {
      expect(deref(responses[String(status)]).description, code).toBe(`${description} \`error.code\`: \`${code}\`.`)
    }
  })

  it('names each component after the schema registered with that name, in name order', () => {
    const names = Object.keys(document.components.schemas)
    expect(names).toEqual([...names].sort())
    for (const name of names) {
      const schema = (contract as Record<string, unknown>)[name]
      expect(namedSchemas.get(schema as never)?.id, name).toBe(name)
    }
  })

  it('describes path, query and header parameters from the schemas', () => {
    // Strict: a parameter without a description has no description key at all.
    const update = document.paths['/people/{id}']?.put as { parameters: unknown[] }
    expect(update.parameters).toStrictEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-zA-Z0-9_-]{8,}$' } },
    ])
    const list = document.paths['/people']?.get as { parameters: unknown[] }
    expect(list.parameters).toStrictEqual([
      {
        name: 'limit',
        in: 'query',
        required: false,
        schema: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
      },
      { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
    ])
    const upsert = document.paths['/people']?.post as { parameters: unknown[] }
    expect(upsert.parameters.map(deref)).toEqual([
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
    ])
    expect(deref(upsert.parameters[0]).schema).toEqual({
      type: 'string',
      pattern: '^[\\x21-\\x7e](?:[\\x20-\\x7e]*[\\x21-\\x7e])?$',
    })
    // No criterion is required: the docs do not say a search needs one.
    const search = document.paths['/people/search']?.get as { parameters: { required: boolean }[] }
    expect(search.parameters.map((parameter) => parameter.required)).toEqual([false, false, false, false])
  })

  it('marks what each operation assumes beyond the docs, and what to call instead of the undocumented one', () => {
    for (const { endpoint, operation } of operations) {
      const ids = assumptionsOf(endpoint)
      if (ids.length > 0) {
        expect(operation['x-assumptions'], String(operation.operationId)).toEqual(ids)
        for (const id of ids) expect(operation.description).toContain(`ASSUMPTIONS.md#${id})`)
      } else {
        expect(operation).not.toHaveProperty('x-assumptions')
      }
    }
    const get = document.paths['/people/{id}']?.get
    expect(get).toMatchObject({ 'x-undocumented': true, 'x-assumptions': ['get-person-endpoint'] })
    expect(get?.description).toContain('Where it is missing, call `GET /people/search?id={id}`')
  })

  it('reads a success answer without `success`: only `meta` is required', () => {
    expect(document.components.schemas.SuccessEnvelope?.required).toEqual(['meta'])
    expect(document.components.schemas.DeleteContactResponse?.required).toEqual(['meta', 'data'])
  })

  it('describes request bodies as zod reads them, refinements included', () => {
    const body = document.paths['/people/{id}']?.put?.requestBody as { required: boolean; content: unknown }
    expect(body.required).toBe(true)
    const schema = deref((body.content as Record<string, { schema: unknown }>)['application/json']?.schema)
    expect(schema).toMatchObject({ type: 'object', additionalProperties: false })
    // Rules the docs do not state are not in the document: an empty patch, a contact without a name.
    expect(schema).not.toHaveProperty('minProperties')
    expect(document.components.schemas.CreateContactInput).not.toHaveProperty('anyOf')
    const properties = schema.properties as Record<string, Record<string, unknown>>
    expect(Object.keys(properties)).toHaveLength(14)
    expect(properties.tags).toMatchObject({ type: 'array', maxItems: 20, items: { minLength: 1, maxLength: 50 } })
    expect(properties.firstName).toMatchObject({ title: 'First name', minLength: 1, maxLength: 100 })
  })

  it('keeps responses forward compatible and shares named schemas by $ref', () => {
    const { schemas } = document.components
    expect(schemas.Person).toMatchObject({ type: 'object', additionalProperties: {} })
    expect(schemas.ListPeopleResponse?.properties).toEqual({
      meta: { $ref: '#/components/schemas/ListMeta' },
      data: { type: 'array', items: { $ref: '#/components/schemas/Person' } },
    })
    const refs = JSON.stringify(document).match(/"#\/components\/[^"]+"/g) ?? []
    for (const ref of new Set(refs)) expect(deref({ $ref: JSON.parse(ref) }), ref).toBeDefined()
  })

  it('lists the servers it is given', () => {
    expect(buildOpenApiDocument().servers).toEqual([
      { url: 'https://api.clientcommander.com/v1', description: 'Production' },
    ])
    const local = buildOpenApiDocument({ servers: [{ url: 'http://127.0.0.1:4010/v1', description: 'Sandbox' }] })
    expect(local.servers).toEqual([{ url: 'http://127.0.0.1:4010/v1', description: 'Sandbox' }])
  })
})

describe('buildOpenApiDocument({ rules: "documented" })', () => {
  const documented = buildOpenApiDocument({ rules: 'documented', undocumented: false })

  it('is a valid OpenAPI 3.1 document (swagger-parser)', async () => {
    await expect(SwaggerParser.validate(structuredClone(documented) as never)).resolves.toBeDefined()
  })

  it('says in its description that requests carry only the documented rules', () => {
    const sentence = 'Requests are described with only the rules the API docs state.'
    expect(documented.info.description).toContain(` ${sentence}`)
    expect(document.info.description).not.toContain(sentence)
  })

  it('leaves out the operations the docs do not have, and our rules', () => {
    expect(documented.paths['/people/{id}']?.get).toBeUndefined()
    expect(documented.paths['/people/{id}']?.put).toBeDefined()
    expect(buildOpenApiDocument({ rules: 'documented' }).paths['/people/{id}']?.get).toBeDefined()
    const update = documented.paths['/people/{id}']?.put as {
      requestBody: { content: Record<string, { schema: unknown }> }
    }
    const body = update.requestBody.content['application/json']?.schema as Record<string, unknown>
    expect(body).toMatchObject({ type: 'object', additionalProperties: {} })
    expect(Object.keys(body.properties as object)).toHaveLength(14)
    expect(documented.components.schemas).not.toHaveProperty('UpdateContactInput')
    expect(documented.components.schemas).toHaveProperty('Person')
    expect(update).toMatchObject({ 'x-assumptions': ['tags-replace', 'empty-string-clears', 'email-syntax'] })
    const move = documented.paths['/deals/{id}/move']?.post as Record<string, unknown>
    expect(move).not.toHaveProperty('x-assumptions')
    expect(deref(documented.components.parameters.IdempotencyKey).schema).toEqual({ type: 'string' })
  })
})
