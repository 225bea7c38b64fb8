import { z } from 'zod'
import type * as core from 'zod/v4/core'
import { Activity, CreateActivityInput } from './activities.js'
import { CreateDealInput, CreateDealResult, MoveDealInput, UpdateDealInput } from './deals.js'
import { API_VERSION, DEFAULT_BASE_URL, type Endpoint, endpoints } from './endpoints.js'
import { ApiErrorBody, ApiIssue, type ErrorCode, ListMeta, Meta, SuccessEnvelope } from './envelope.js'
import {
  CreateContactInput,
  DeleteContactResult,
  Person,
  PersonEmail,
  PersonPhone,
  UpdateContactInput,
  UpsertContactResult,
} from './people.js'
import { IdempotencyKey } from './primitives.js'
import {
  CreateActivityResponse,
  CreateDealResponse,
  DeleteContactResponse,
  GetPersonResponse,
  ListPeopleResponse,
  ListUsersResponse,
  MeResponse,
  SearchPeopleResponse,
  UpsertContactResponse,
} from './responses.js'
import { Team, User } from './users.js'

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1) or any other plain JSON object of the document. */
export type JsonObject = { [key: string]: unknown }

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
}

/**
 * Named schemas, referenced with `$ref` wherever they occur. The object keys are the component names.
 * Request bodies are described as zod reads them (`io: 'input'`), responses as the server sends them.
 */
const requestSchemas = {
  CreateContactInput,
  UpdateContactInput,
  CreateDealInput,
  UpdateDealInput,
  MoveDealInput,
  CreateActivityInput,
}
const responseSchemas = {
  Meta,
  ListMeta,
  ApiIssue,
  ApiErrorBody,
  SuccessEnvelope,
  PersonEmail,
  PersonPhone,
  Person,
  Team,
  User,
  UpsertContactResult,
  DeleteContactResult,
  CreateDealResult,
  Activity,
  ListPeopleResponse,
  SearchPeopleResponse,
  GetPersonResponse,
  UpsertContactResponse,
  DeleteContactResponse,
  ListUsersResponse,
  MeResponse,
  CreateDealResponse,
  CreateActivityResponse,
}

/** Headers an operation may read, by name (see `Endpoint.headers`). */
const headerSchemas: Record<string, { component: string; schema: core.$ZodType; description: string }> = {
  'Idempotency-Key': {
    component: 'IdempotencyKey',
    schema: IdempotencyKey,
    description:
      'Makes a retry safe: the same key with the same body replays the first response; with a different body it is a 409.',
  },
}

/** The error responses every operation may give, with the `error.code` the sandbox sends for each. */
const errorResponses: readonly { status: string; name: string; code: ErrorCode | undefined; description: string }[] = [
  {
    status: '400',
    name: 'BadRequest',
    code: 'bad_request',
    description: 'The request is malformed (e.g. the body is not JSON).',
  },
  { status: '401', name: 'Unauthorized', code: 'unauthorized', description: 'The API key is missing or not valid.' },
  { status: '403', name: 'Forbidden', code: 'forbidden', description: 'The API key may not do this.' },
  { status: '404', name: 'NotFound', code: 'not_found', description: 'No such resource or route.' },
  {
    status: '405',
    name: 'MethodNotAllowed',
    code: 'method_not_allowed',
    description: 'The path exists, the method does not; `Allow` lists the methods.',
  },
  {
    status: '409',
    name: 'Conflict',
    code: 'conflict',
    description: 'The `Idempotency-Key` was used with a different body, or the request is still in flight.',
  },
  { status: '413', name: 'PayloadTooLarge', code: 'payload_too_large', description: 'The body is too large.' },
  {
    status: '415',
    name: 'UnsupportedMediaType',
    code: 'unsupported_media_type',
    description: 'The body is not `application/json`.',
  },
  {
    status: '422',
    name: 'ValidationFailed',
    code: 'validation_failed',
    description: 'The body or query breaks a rule of the contract; `error.issues` names each field and rule.',
  },
  {
    status: '429',
    name: 'RateLimited',
    code: 'rate_limited',
    description: 'Too many requests; retry after `Retry-After` seconds.',
  },
  { status: '500', name: 'InternalError', code: 'internal_error', description: 'The server failed.' },
  {
    status: '503',
    name: 'ServiceUnavailable',
    code: 'service_unavailable',
    description: 'The server is temporarily unavailable; retry later.',
  },
  { status: 'default', name: 'Error', code: undefined, description: 'Any other error, in the same error body.' },
]

const ref = (section: string, name: string) => ({ $ref: `#/components/${section}/${name}` })

/**
 * The JSON Schema of one zod schema. Named schemas nested inside become `$ref`s. Unrepresentable
 * parts (transforms of output, dates, …) throw rather than turn silently into `{}`.
 */
function jsonSchema(schema: core.$ZodType, io: 'input' | 'output', names: Map<core.$ZodType, string>): JsonObject {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'throw',
    override: (ctx) => {
      const name = names.get(ctx.zodSchema)
      if (name === undefined || ctx.zodSchema === schema) return
      for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as JsonObject)[key]
      Object.assign(ctx.jsonSchema, ref('schemas', name))
    },
  })
  return json as JsonObject
}

interface ObjectJson {
  properties?: Record<string, JsonObject>
  required?: string[]
  anyOf?: { required?: string[] }[]
}

/** Path or query parameters from an object schema, one per property. */
function parameters(schema: core.$ZodType, location: 'path' | 'query', names: Map<core.$ZodType, string>) {
  const json = jsonSchema(schema, 'input', names) as ObjectJson
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

/** Parameters cannot say "at least one of": the operation's description does. */
function queryRule(schema: core.$ZodType | undefined, names: Map<core.$ZodType, string>): string | undefined {
  if (!schema) return undefined
  const alternatives = (jsonSchema(schema, 'input', names) as ObjectJson).anyOf
  const fields = alternatives?.flatMap((alternative) => alternative.required ?? [])
  return fields?.length ? `Needs at least one of ${fields.map((f) => `\`${f}\``).join(', ')}.` : undefined
}

const successDescription = (status: number, alternate: boolean): string => {
  if (alternate) return 'Success: an existing resource was updated (nothing was created).'
  return status === 201 ? 'Created.' : 'Success.'
}

function operation(name: string, endpoint: Endpoint, names: Map<core.$ZodType, string>): JsonObject {
  const responseSchema = names.has(endpoint.response)
    ? ref('schemas', names.get(endpoint.response) as string)
    : jsonSchema(endpoint.response, 'output', names)
  const success = (status: number, alternate: boolean) => ({
    [String(status)]: {
      description: successDescription(status, alternate),
      headers: { 'X-Request-Id': ref('headers', 'RequestId') },
      content: { 'application/json': { schema: responseSchema } },
    },
  })
  const description = [
    endpoint.description,
    queryRule(endpoint.query, names),
    endpoint.undocumented ? 'Used by the official SDK; not on the API reference pages.' : undefined,
  ]
    .filter((part) => part !== undefined)
    .join('\n\n')
  const body = endpoint.body
  return {
    operationId: name,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    ...(description ? { description } : {}),
    parameters: [
      ...(endpoint.params ? parameters(endpoint.params, 'path', names) : []),
      ...(endpoint.query ? parameters(endpoint.query, 'query', names) : []),
      ...(endpoint.headers ?? []).map((header) => ref('parameters', headerSchemas[header]?.component ?? header)),
    ],
    ...(body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: names.has(body) ? ref('schemas', names.get(body) as string) : jsonSchema(body, 'input', names),
              },
            },
          },
        }
      : {}),
    responses: {
      ...success(endpoint.status, false),
      ...(endpoint.alternateStatus === undefined ? {} : success(endpoint.alternateStatus, true)),
      ...Object.fromEntries(errorResponses.map(({ status, name }) => [status, ref('responses', name)])),
    },
    ...(endpoint.undocumented ? { 'x-undocumented': true } : {}),
  }
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
  const names = new Map<core.$ZodType, string>()
  for (const [name, schema] of Object.entries({ ...requestSchemas, ...responseSchemas })) names.set(schema, name)

  const schemas: Record<string, JsonObject> = {}
  for (const [name, schema] of Object.entries(requestSchemas)) schemas[name] = jsonSchema(schema, 'input', names)
  for (const [name, schema] of Object.entries(responseSchemas)) schemas[name] = jsonSchema(schema, 'output', names)

  const paths: OpenApiDocument['paths'] = {}
  for (const [name, endpoint] of Object.entries(endpoints) as [string, Endpoint][]) {
    paths[endpoint.path] = {
      ...paths[endpoint.path],
      [endpoint.method.toLowerCase()]: operation(name, endpoint, names),
    }
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Client Commander API',
      version: API_VERSION,
      description:
        'The REST API of the Client Commander real-estate CRM: contacts (people), users, deals and activities. ' +
        'Generated from the zod schemas of `@cc/schema`; error bodies are those the local sandbox sends.',
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
      parameters: Object.fromEntries(
        Object.entries(headerSchemas).map(([header, { component, schema, description }]) => [
          component,
          { name: header, in: 'header', required: false, description, schema: jsonSchema(schema, 'input', names) },
        ]),
      ),
      headers: {
        RequestId: {
          description: 'The id of this request, also in `meta.requestId`: quote it when reporting a problem.',
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
