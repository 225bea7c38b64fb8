import * as z from 'zod'
import type * as core from 'zod/v4/core'
import { CreateActivityInput } from './activities.js'
import { CreateDealInput, DealPathParams, MoveDealInput, UpdateDealInput } from './deals.js'
import { worded } from './messages.js'
import {
  ContactPathParams,
  CreateContactInput,
  DeleteContactQuery,
  ListPeopleQuery,
  SearchPeopleQuery,
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

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** One operation of the API. Paths are relative to the base URL (which ends in `/v1`). */
export interface Endpoint {
  method: HttpMethod
  path: string
  summary: string
  description?: string
  tag: 'People' | 'Users' | 'Deals' | 'Activities'
  params?: core.$ZodType
  query?: core.$ZodType
  body?: core.$ZodType
  /** Success status and body. `POST /people` answers `status` (201) when it creates and `alternateStatus` (200) when it updates. */
  status: number
  alternateStatus?: number
  response: core.$ZodType
  /** Headers the operation reads besides Authorization, by name: optional ones are `.optional()`. */
  headers?: z.ZodObject
  /** Present in the SDK, not in the API reference pages. */
  undocumented?: boolean
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
    status: 200,
    response: ListPeopleResponse,
  },
  searchPeople: {
    method: 'GET',
    path: '/people/search',
    summary: 'Search contacts',
    description:
      'id exact, email exact (case-insensitive), phone normalized, name fuzzy on the full name (at least 2 characters). At most 10 results.',
    tag: 'People',
    query: SearchPeopleQuery,
    status: 200,
    response: SearchPeopleResponse,
  },
  getPerson: {
    method: 'GET',
    path: '/people/{id}',
    summary: 'Get contact',
    tag: 'People',
    params: ContactPathParams,
    status: 200,
    response: GetPersonResponse,
    undocumented: true,
  },
  upsertPerson: {
    method: 'POST',
    path: '/people',
    summary: 'Create or update contact',
    description:
      'Creates a contact, or updates the existing contact with the same email. `Idempotency-Key`: the same key with the same body replays the first response; with a different body it is a 409.',
    tag: 'People',
    body: CreateContactInput,
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
    status: 200,
    response: DeleteContactResponse,
  },
  listUsers: {
    method: 'GET',
    path: '/users',
    summary: 'List users',
    tag: 'Users',
    status: 200,
    response: ListUsersResponse,
  },
  me: {
    method: 'GET',
    path: '/me',
    summary: 'Get current authenticated user',
    tag: 'Users',
    status: 200,
    response: MeResponse,
  },
  createDeal: {
    method: 'POST',
    path: '/deals',
    summary: 'Create deal',
    tag: 'Deals',
    body: CreateDealInput,
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
    status: 200,
    response: MoveDealResponse,
  },
  createActivity: {
    method: 'POST',
    path: '/activities',
    summary: 'Create activity',
    tag: 'Activities',
    body: CreateActivityInput,
    status: 201,
    response: CreateActivityResponse,
  },
} as const satisfies Record<string, Endpoint>

export type EndpointName = keyof typeof endpoints

/** The production base URL. */
export const DEFAULT_BASE_URL = 'https://api.clientcommander.com/v1'
/** The API version the sandbox reports in `meta.version`. */
export const API_VERSION = '1.0.0'
