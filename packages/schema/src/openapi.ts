import type * as core from 'zod/v4/core'
import { ASSUMPTIONS_URL } from './assumptions.js'
import { API_VERSION, assumptionsOf, DEFAULT_BASE_URL, type Endpoint, endpoints, requestSchemas } from './endpoints.js'
import { type ErrorCode, errorCodes } from './error-codes.js'
import { type JsonObject, type JsonSchemaOptions, namedJsonSchemas, refOrSchema, toJsonSchema } from './json-schema.js'
import { namedSchemas } from './named-schemas.js'
import { DEFAULT_RULE_SET, type RuleSet } from './rules.js'

export interface OpenApiServer {
  url: string
  description?: string
}

/** The OpenAPI 3.1 document object `buildOpenApiDocument` returns (plain JSON). */
export interface OpenApiDocument {
  openapi: '3.1.0'
  info: { title: string; version: string; description: string }
  servers: OpenApiServer[]
  security: { bearerAuth: [] }[]
  tags: { name: string; description: string }[]
  paths: Record<string, Record<string, JsonObject>>
  components: {
    securitySchemes: Record<string, JsonObject>
    schemas: Record<string, JsonObject>
    parameters: Record<string, JsonObject>
    headers: Record<string, JsonObject>
    responses: Record<string, JsonObject>
  }
}

export interface OpenApiOptions {
  /** Default: the production API. The sandbox lists its own URL. */
  servers?: readonly OpenApiServer[]
  /**
   * The request rules described: `protective` (default) those the client and the sandbox check by default;
   * `documented` only what the API docs state (fields they do not list allowed, our rules left out).
   */
  rules?: RuleSet
  /** Whether operations the API docs do not document (`GET /people/{id}`) are in the document. Default `true`. */
  undocumented?: boolean
}

const ref = (section: string, name: string) => ({ $ref: `#/components/${section}/${name}` })

const SCHEMAS = '#/components/schemas/'

/** Request bodies and parameters are described as zod reads them, responses as the server sends them. */
const asRead: JsonSchemaOptions = { registry: namedSchemas, refPrefix: SCHEMAS, io: 'input' }
// Stryker disable next-line StringLiteral: zod reads any io but 'input' as 'output', its default
const asSent: JsonSchemaOptions = { ...asRead, io: 'output' }

/** The names of the request bodies: the named schemas read as input. */
const requestBodyNames = () =>
  // Stryker disable next-line OptionalChaining: every request body of the endpoints table is a named schema
  new Set(Object.values(endpoints as Record<string, Endpoint>).map((e) => e.body && namedSchemas.get(e.body)?.id))

interface ObjectJson {
  properties?: Record<string, JsonObject>
  required?: string[]
}

/** Path, query or header parameters from an object schema, one per property. */
function parameters(schema: core.$ZodType, location: 'path' | 'query' | 'header') {
  const json = toJsonSchema(schema, asRead) as ObjectJson
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...propertySchema } = property
    return {
      name,
      in: location,
      required: location === 'path' || (json.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: propertySchema,
    }
  })
}

/** `Idempotency-Key` → `IdempotencyKey`: the component name of a header parameter. */
const headerComponent = (header: string): string => header.replace(/[^A-Za-z0-9]/g, '')

/** Every header parameter of the operations, once, by component name. */
function headerParameters(operations: readonly Endpoint[], rules: RuleSet): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {}
  for (const endpoint of operations) {
    const headers = requestSchemas(endpoint, rules).headers
    for (const parameter of headers ? parameters(headers, 'header') : []) {
      out[headerComponent(parameter.name)] ??= parameter
    }
  }
  return out
}

const successDescription = (status: number, alternate: boolean): string => {
  if (alternate) return 'Success: an existing resource was updated (nothing was created).'
  return status === 201 ? 'Created.' : 'Success.'
}

/** `not_found` → `NotFound`: the component name of an error response. */
const errorComponent = (code: string): string =>
  code.replace(/(^|_)([a-z])/g, (_match, _sep: string, letter: string) => letter.toUpperCase())

/** The error responses every operation may give: one per error code, then any other error. */
const errorResponses = [
  ...(Object.entries(errorCodes) as [ErrorCode, (typeof errorCodes)[ErrorCode]][]).map(([code, info]) => ({
    status: String(info.status),
    name: errorComponent(code),
    code: code as ErrorCode | undefined,
    description: info.description,
  })),
  { status: 'default', name: 'Error', code: undefined, description: 'Any other error, in the same error body.' },
]

function operation(name: string, endpoint: Endpoint, rules: RuleSet): JsonObject {
  const request = requestSchemas(endpoint, rules)
  const responseSchema = refOrSchema(endpoint.response, asSent)
  const success = (status: number, alternate: boolean) => ({
    [String(status)]: {
      description: successDescription(status, alternate),
      headers: { 'X-Request-Id': ref('headers', 'RequestId') },
      content: { 'application/json': { schema: responseSchema } },
    },
  })
  // Our rules are described only where they are checked.
  const assumed = rules === 'documented' ? [...endpoint.assumptions] : assumptionsOf(endpoint)
  const description = [
    endpoint.description,
    endpoint.undocumented ? 'Used by the official SDK; not on the API reference pages.' : undefined,
    endpoint.fallback ? fallbackText(endpoint.fallback) : undefined,
    assumed.length > 0
      ? `Assumed beyond the docs: ${assumed.map((id) => `[${id}](${ASSUMPTIONS_URL}#${id})`).join(', ')}.`
      : undefined,
  ]
    .filter((part) => part !== undefined)
    .join('\n\n')
  const body = request.body
  // Stryker disable next-line StringLiteral: only the names are read here; the header parameters themselves are components (headerParameters)
  const headers = request.headers ? parameters(request.headers, 'header') : []
  return {
    operationId: name,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    ...(description ? { description } : {}),
    parameters: [
      ...(request.params ? parameters(request.params, 'path') : []),
      ...(request.query ? parameters(request.query, 'query') : []),
      ...headers.map((header) => ref('parameters', headerComponent(header.name))),
    ],
    ...(body
      ? { requestBody: { required: true, content: { 'application/json': { schema: refOrSchema(body, asRead) } } } }
      : {}),
    responses: {
      ...success(endpoint.status, false),
      ...(endpoint.alternateStatus === undefined ? {} : success(endpoint.alternateStatus, true)),
      ...Object.fromEntries(errorResponses.map(({ status, name }) => [status, ref('responses', name)])),
    },
    ...(endpoint.undocumented ? { 'x-undocumented': true } : {}),
    ...(assumed.length > 0 ? { 'x-assumptions': assumed } : {}),
  }
}

/** "If it is missing, call `GET /people/search?id={id}`: …". */
function fallbackText(fallback: NonNullable<Endpoint['fallback']>): string {
  const target = (endpoints as Record<string, Endpoint>)[fallback.operation]
  // Stryker disable next-line ConditionalExpression,StringLiteral,CallExpression: every fallback of the endpoints table names one of its operations (the document is built in openapi.test.ts)
  if (!target) throw new Error(`The fallback operation ${fallback.operation} is not in the endpoints table`)
  const query = Object.entries(fallback.query)
    .map(([name, param]) => `${name}={${param}}`)
    // Stryker disable next-line StringLiteral: the one fallback of the table has one query parameter
    .join('&')
  return `Where it is missing, call \`${target.method} ${target.path}?${query}\`: ${fallback.description}`
}

function errorResponse(code: ErrorCode | undefined, description: string, status: string): JsonObject {
  const headers: JsonObject = { 'X-Request-Id': ref('headers', 'RequestId') }
  if (status === '429') headers['Retry-After'] = ref('headers', 'RetryAfter')
  if (status === '405') headers.Allow = ref('headers', 'Allow')
  return {
    description: code === undefined ? description : `${description} \`error.code\`: \`${code}\`.`,
    headers,
    content: { 'application/json': { schema: ref('schemas', 'ApiErrorBody') } },
  }
}

/**
 * The OpenAPI 3.1 document of the Client Commander API, built from the `endpoints` table and the
 * same zod schemas that validate requests and responses. `@cc/schema/openapi.json` is this document.
 */
export function buildOpenApiDocument(options: OpenApiOptions = {}): OpenApiDocument {
  const rules = options.rules ?? DEFAULT_RULE_SET
  const operations = (Object.entries(endpoints) as [string, Endpoint][]).filter(
    ([, endpoint]) => options.undocumented !== false || !endpoint.undocumented,
  )
  const requestBodies = requestBodyNames()
  const named = namedJsonSchemas({
    registry: namedSchemas,
    refPrefix: SCHEMAS,
    ioOf: (id) => (requestBodies.has(id) ? 'input' : 'output'),
  })
  // The named request bodies are the protective ones: the documented ones are written out in their operations.
  const schemas =
    rules === 'documented' ? Object.fromEntries(Object.entries(named).filter(([id]) => !requestBodies.has(id))) : named

  const paths: OpenApiDocument['paths'] = {}
  for (const [name, endpoint] of operations) {
    paths[endpoint.path] = {
      ...paths[endpoint.path],
      [endpoint.method.toLowerCase()]: operation(name, endpoint, rules),
    }
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Client Commander API',
      version: API_VERSION,
      description:
        'The REST API of the Client Commander real-estate CRM: contacts (people), users, deals and activities. ' +
        'Generated from the zod schemas of `@cc/schema`; error bodies are those the local sandbox sends. ' +
        `What it assumes beyond the API docs is in ${ASSUMPTIONS_URL} (\`x-assumptions\` on each operation).` +
        (rules === 'documented' ? ' Requests are described with only the rules the API docs state.' : ''),
    },
    servers: (options.servers ?? [{ url: DEFAULT_BASE_URL, description: 'Production' }]).map((server) => ({
      ...server,
    })),
    security: [{ bearerAuth: [] }],
    tags: [
      { name: 'People', description: 'Contacts: list, search, get, create or update, update, delete.' },
      { name: 'Users', description: 'The users of the account and the one the API key belongs to.' },
      { name: 'Deals', description: 'Deals in pipelines.' },
      { name: 'Activities', description: 'Calls, emails, notes, meetings and texts logged on a contact.' },
    ],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key from Admin > API Keys: `Authorization: Bearer ccmd_live_…`.',
        },
      },
      schemas,
      parameters: headerParameters(
        operations.map(([, endpoint]) => endpoint),
        rules,
      ),
      headers: {
        RequestId: {
          description:
            'The id of this request, as the sandbox (or a proxy) sends it; the API docs give the id in `meta.requestId` ' +
            'only, which comes first when both are present.',
          schema: { type: 'string' },
        },
        RetryAfter: {
          description: 'Seconds to wait before retrying.',
          schema: { type: 'integer', minimum: 0 },
        },
        Allow: { description: 'The methods the path supports.', schema: { type: 'string' } },
      },
      responses: Object.fromEntries(
        errorResponses.map(({ status, name, code, description }) => [name, errorResponse(code, description, status)]),
      ),
    },
  }
}
