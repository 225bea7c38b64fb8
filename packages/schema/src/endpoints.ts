import * as z from 'zod'
import type * as core from 'zod/v4/core'
import { CreateActivityInput, CreateActivityInputDocumented } from './activities.js'
import type { AssumptionId } from './assumptions.js'
import {
  CreateDealInput,
  DealBodyDocumented,
  DealPathParams,
  DealPathParamsDocumented,
  MoveDealInput,
  MoveDealInputDocumented,
  UpdateDealInput,
} from './deals.js'
import { worded } from './messages.js'
import {
  ContactBodyDocumented,
  ContactPathParams,
  CreateContactInput,
  DeleteContactQuery,
  DeleteContactQueryDocumented,
  ListPeopleQuery,
  ListPeopleQueryDocumented,
  SearchPeopleQuery,
  SearchPeopleQueryDocumented,
  UpdateContactInput,
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
  MoveDealResponse,
  SearchPeopleResponse,
  UpdateContactResponse,
  UpdateDealResponse,
  UpsertContactResponse,
} from './responses.js'
import {
  DEFAULT_RULE_SET,
  idempotencyKeyRule,
  idNotEmptyRule,
  type OurRule,
  type RequestSchemas,
  type RuleSet,
  unknownFieldsRule,
} from './rules.js'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** How to get the answer of an undocumented operation from a documented one. */
export interface EndpointFallback {
  /** The documented operation, by its name in `endpoints`. */
  operation: string
  /** Its query: each parameter is set to the path parameter of the same name here (`{ id: 'id' }`: `?id={id}`). */
  query: Readonly<Record<string, string>>
  /** What to read from its answer. */
  description: string
}

/**
 * One operation of the API. Paths are relative to the base URL (which ends in `/v1`).
 *
 * Requests are checked with one of two rule sets (`requestSchemas(endpoint, rules)`): `params`, `query`, `body` and
 * `headers` are the `protective` checks, what the docs state and our `rules`; `documented` holds the same parts with
 * only what the docs state. Every rule of ours and every behaviour the operation is assumed to have names its entry
 * in ASSUMPTIONS.md.
 */
export interface Endpoint {
  method: HttpMethod
  path: string
  summary: string
  description?: string
  tag: 'People' | 'Users' | 'Deals' | 'Activities'
  params?: core.$ZodType
  query?: core.$ZodType
  body?: core.$ZodType
  /** Headers the operation reads besides Authorization, by name: optional ones are `.optional()`. */
  headers?: z.ZodObject
  /** The request parts with only the rules the docs state: each part the operation has. */
  documented: RequestSchemas
  /** What `params`, `query`, `body` and `headers` check beyond `documented`, each with its ledger entry. */
  rules: readonly OurRule[]
  /** What the toolkit assumes of this operation beyond its docs (status codes, matching, semantics), by ledger id. */
  assumptions: readonly AssumptionId[]
  /** Success status and body. `POST /people` answers `status` (201) when it creates and `alternateStatus` (200) when it updates. */
  status: number
  alternateStatus?: number
  response: core.$ZodType
  /** Present in the SDK, not in the API reference pages. */
  undocumented?: boolean
  /** For an undocumented operation: the documented call that answers the same. */
  fallback?: EndpointFallback
}

/** Every operation of the Client Commander API: the table the OpenAPI document, the sandbox and the client share. */
export const endpoints = {
  listPeople: {
    method: 'GET',
    path: '/people',
    summary: 'List contacts',
    description: 'Cursor pagination: pass `meta.nextCursor` back as `cursor` while `meta.hasMore` is true.',
    tag: 'People',
    query: ListPeopleQuery,
    documented: { query: ListPeopleQueryDocumented },
    rules: [unknownFieldsRule('query', { limt: '5' })],
    assumptions: ['query-encoding'],
    status: 200,
    response: ListPeopleResponse,
  },
  searchPeople: {
    method: 'GET',
    path: '/people/search',
    summary: 'Search contacts',
    description:
      'id exact, email exact (case-insensitive), phone normalized, name fuzzy on the full name (at least 2 characters). At most 10 results. Criteria given together must all match.',
    tag: 'People',
    query: SearchPeopleQuery,
    documented: { query: SearchPeopleQueryDocumented },
    rules: [unknownFieldsRule('query', { nmae: 'John Doe' })],
    assumptions: ['search-criteria', 'email-syntax'],
    status: 200,
    response: SearchPeopleResponse,
  },
  getPerson: {
    method: 'GET',
    path: '/people/{id}',
    summary: 'Get contact',
    tag: 'People',
    params: ContactPathParams,
    documented: { params: ContactPathParams },
    rules: [],
    assumptions: ['get-person-endpoint'],
    status: 200,
    response: GetPersonResponse,
    undocumented: true,
    fallback: {
      operation: 'searchPeople',
      query: { id: 'id' },
      description:
        'the contact is the only item of `data`, and an empty `data` means there is no such contact (a 404).',
    },
  },
  upsertPerson: {
    method: 'POST',
    path: '/people',
    summary: 'Create or update contact',
    description:
      'Creates a contact, or updates the existing contact with the same email. `Idempotency-Key`: the same key with the same body replays the first response; with a different body it is a 409.',
    tag: 'People',
    body: CreateContactInput,
    documented: {
      body: ContactBodyDocumented,
      headers: z.object({ 'Idempotency-Key': z.string(worded).optional() }, worded),
    },
    rules: [
      unknownFieldsRule('body', { firstName: 'John', zipcode: '78701' }),
      idempotencyKeyRule({ 'Idempotency-Key': ' 7f8e2a ' }),
    ],
    assumptions: [
      'create-fields-as-update',
      'upsert-matches-email',
      'create-status-codes',
      'idempotency-replay',
      'tags-replace',
      'empty-string-clears',
      'email-syntax',
    ],
    status: 201,
    alternateStatus: 200,
    response: UpsertContactResponse,
    headers: z.object(
      {
        'Idempotency-Key': IdempotencyKey.optional().meta({
          description:
            'Makes a retry safe: the same key with the same body replays the first response; with a different body it is a 409.',
        }),
      },
      worded,
    ),
  },
  updatePerson: {
    method: 'PUT',
    path: '/people/{id}',
    summary: 'Update contact',
    description: 'Partial update: only the fields sent are changed.',
    tag: 'People',
    params: ContactPathParams,
    body: UpdateContactInput,
    documented: { params: ContactPathParams, body: ContactBodyDocumented },
    rules: [unknownFieldsRule('body', { zipcode: '78701' })],
    assumptions: ['tags-replace', 'empty-string-clears', 'email-syntax'],
    status: 200,
    response: UpdateContactResponse,
  },
  deletePerson: {
    method: 'DELETE',
    path: '/people/{id}',
    summary: 'Delete contact',
    description: 'Moves the contact to trash, or deletes it for good with `permanent=true`.',
    tag: 'People',
    params: ContactPathParams,
    query: DeleteContactQuery,
    documented: { params: ContactPathParams, query: DeleteContactQueryDocumented },
    rules: [unknownFieldsRule('query', { permanant: 'true' })],
    assumptions: ['trash-semantics', 'query-encoding'],
    status: 200,
    response: DeleteContactResponse,
  },
  listUsers: {
    method: 'GET',
    path: '/users',
    summary: 'List users',
    tag: 'Users',
    documented: {},
    rules: [],
    assumptions: [],
    status: 200,
    response: ListUsersResponse,
  },
  me: {
    method: 'GET',
    path: '/me',
    summary: 'Get current authenticated user',
    tag: 'Users',
    documented: {},
    rules: [],
    assumptions: [],
    status: 200,
    response: MeResponse,
  },
  createDeal: {
    method: 'POST',
    path: '/deals',
    summary: 'Create deal',
    tag: 'Deals',
    body: CreateDealInput,
    documented: { body: DealBodyDocumented },
    rules: [
      unknownFieldsRule('body', { title: 'Deal', pipelineId: 'k97pipe123', price: 450000 }),
      idNotEmptyRule('body', 'pipelineId', { title: 'Deal', pipelineId: '' }),
    ],
    assumptions: ['create-status-codes'],
    status: 201,
    response: CreateDealResponse,
  },
  updateDeal: {
    method: 'PUT',
    path: '/deals/{id}',
    summary: 'Update deal',
    tag: 'Deals',
    params: DealPathParams,
    body: UpdateDealInput,
    documented: { params: DealPathParamsDocumented, body: DealBodyDocumented },
    rules: [
      unknownFieldsRule('body', { title: 'Deal', pipelineId: 'k97pipe123', price: 450000 }),
      idNotEmptyRule('params', 'id', { id: '' }),
      idNotEmptyRule('body', 'pipelineId', { title: 'Deal', pipelineId: '' }),
    ],
    assumptions: ['deal-update-replaces'],
    status: 200,
    response: UpdateDealResponse,
  },
  moveDeal: {
    method: 'POST',
    path: '/deals/{id}/move',
    summary: 'Move deal to different stage',
    tag: 'Deals',
    params: DealPathParams,
    body: MoveDealInput,
    documented: { params: DealPathParamsDocumented, body: MoveDealInputDocumented },
    rules: [
      unknownFieldsRule('body', { stageId: 'k97stage456', position: 1 }),
      idNotEmptyRule('params', 'id', { id: '' }),
      idNotEmptyRule('body', 'stageId', { stageId: '' }),
    ],
    assumptions: [],
    status: 200,
    response: MoveDealResponse,
  },
  createActivity: {
    method: 'POST',
    path: '/activities',
    summary: 'Create activity',
    tag: 'Activities',
    body: CreateActivityInput,
    documented: { body: CreateActivityInputDocumented },
    rules: [
      unknownFieldsRule('body', { personId: 'jd79abc123def', type: 'note', body: 'Called back' }),
      idNotEmptyRule('body', 'personId', { personId: '', type: 'note' }),
    ],
    assumptions: [],
    status: 201,
    response: CreateActivityResponse,
  },
} as const satisfies Record<string, Endpoint>

export type EndpointName = keyof typeof endpoints

/**
 * The schemas that check a request to this operation: with our rules (`protective`, the default) or with only what
 * the docs state (`documented`). Parts the operation does not have are absent.
 */
export function requestSchemas(endpoint: Endpoint, rules: RuleSet = DEFAULT_RULE_SET): RequestSchemas {
  if (rules === 'documented') return endpoint.documented
  const { params, query, body, headers } = endpoint
  return Object.fromEntries(
    Object.entries({ params, query, body, headers }).filter(([, schema]) => schema !== undefined),
  ) as RequestSchemas
}

/** Every ledger id this operation relies on: its assumptions and those of its rules, each once. */
export function assumptionsOf(endpoint: Endpoint): AssumptionId[] {
  return [...new Set([...endpoint.rules.map((rule) => rule.assumption), ...endpoint.assumptions])]
}

/** The production base URL. */
export const DEFAULT_BASE_URL = 'https://api.clientcommander.com/v1'
/** The API version the sandbox reports in `meta.version`. */
export const API_VERSION = '1.0.0'
