import { hash } from 'node:crypto'
import { type ContactValues, type CreateContactInput, contactFieldNames, endpoints, type Person } from '@cc/schema'
import type { Profile } from '../../profiles.js'
import { OWNER } from '../../seed/fixtures.js'
import { decodeCursor, encodeCursor } from '../../storage/cursor.js'
import { newPersonId } from '../../storage/ids.js'
import type { Store } from '../../storage/store.js'
import { apiError, notFound, validationError } from '../errors.js'
import { meta } from '../meta.js'
import { checkContactStage } from '../references.js'
import { addRoute } from '../route.js'
import type { Routes } from '../router.js'

export function addPeopleRoutes(routes: Routes, profile: Profile, store: Store): void {
  addRoute(routes, profile, endpoints.listPeople, (context, { query }, reply) => {
    let after = 0
    if (query.cursor !== undefined) {
      const position = decodeCursor(query.cursor)
      if (position === undefined) {
        throw validationError([{ path: ['cursor'], message: 'is not a cursor this server issued' }])
      }
      after = position
    }
    const page = store.people.list(query.limit, after)
    return reply.json({
      meta: {
        ...meta(context.requestId),
        count: page.people.length,
        hasMore: page.hasMore,
        // A page with more after it has a last contact (a limit is at least 1).
        nextCursor: page.hasMore ? encodeCursor(page.lastSeq ?? after) : null,
      },
      data: page.people,
    })
  })

  // Registered before GET /people/{id}, which would otherwise match /people/search.
  // A search without criteria is answered, not refused (the docs do not say it needs one): the first contacts, at
  // most 10, in list order (ASSUMPTIONS.md#search-criteria).
  addRoute(routes, profile, endpoints.searchPeople, (context, { query }, reply) =>
    reply.data(context, store.people.search(query)),
  )

  addRoute(routes, profile, endpoints.getPerson, (context, { params }, reply) => {
    const person = store.people.get(params.id)
    if (person === undefined) throw notFound(`Contact ${params.id}`)
    return reply.data(context, person)
  })

  addRoute(routes, profile, endpoints.upsertPerson, (context, { body, headers, rawBody }, reply) => {
    const stageIssues = checkContactStage(body.stage)
    if (stageIssues.length > 0) throw validationError(stageIssues)
    const idempotencyKey = headers['Idempotency-Key']
    const scope = context.keyScope
    // Only a request with a key is ever compared with another: the others need no fingerprint.
    const fingerprint = () => hash('sha256', canonicalJson(rawBody))
    const now = new Date()
    // One transaction: the lookup, the write and the remembered response commit together.
    const outcome = store.transaction(() => {
      if (idempotencyKey !== undefined) {
        const previous = store.idempotency.find(scope, idempotencyKey, now)
        if (previous !== undefined) {
          if (previous.fingerprint !== fingerprint()) {
            throw apiError('conflict', 'Idempotency-Key was already used with a different request body')
          }
          return { replay: true, status: previous.status, body: previous.body }
        }
      }
      const { created, person } = upsert(store, body, now)
      const status = reply.status(!created)
      const text = JSON.stringify({ meta: meta(context.requestId), data: { created, id: person.id, person } })
      if (idempotencyKey !== undefined) {
        store.idempotency.save(scope, idempotencyKey, { fingerprint: fingerprint(), status, body: text }, now)
      }
      return { replay: false, status, body: text }
    })
    return {
      status: outcome.status,
      body: outcome.body,
      ...(outcome.replay ? { headers: { 'Idempotent-Replayed': 'true' } } : {}),
    }
  })

  addRoute(routes, profile, endpoints.updatePerson, (context, { params, body }, reply) => {
    const stageIssues = checkContactStage(body.stage)
    // An unknown contact is a 404 before a bad stage is a 422.
    if (stageIssues.length > 0) {
      if (!store.people.exists(params.id)) throw notFound(`Contact ${params.id}`)
      throw validationError(stageIssues)
    }
    const updated = store.transaction(() => store.people.update(params.id, body, new Date()))
    if (!updated) throw notFound(`Contact ${params.id}`)
    return reply.success(context)
  })

  addRoute(routes, profile, endpoints.deletePerson, (context, { params, query }, reply) => {
    const now = new Date()
    const deleted = store.transaction(() =>
      query.permanent ? store.people.deletePermanently(params.id) : store.people.trash(params.id, now),
    )
    if (!deleted) throw notFound(`Contact ${params.id}`)
    return reply.success(context, { data: { deleted: true, permanent: query.permanent } })
  })
}

/** Creates a contact, or updates the active contact with the same email (only the fields sent). */
function upsert(store: Store, input: CreateContactInput, now: Date): { created: boolean; person: Person } {
  const existing = input.email === undefined ? undefined : store.people.idByEmail(input.email)
  if (existing !== undefined) {
    store.people.update(existing, input, now)
    return { created: false, person: store.people.get(existing) as Person }
  }
  const timestamp = now.toISOString()
  const person = store.people.insert({
    ...contactFields(input),
    id: newPersonId(),
    stage: input.stage ?? 'stage_lead',
    assignedAgentId: OWNER.id,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  return { created: true, person }
}

/** A contact's writable fields, named one by one: nothing else of a body (an `id`, a `createdAt`) reaches the table. */
function contactFields(input: CreateContactInput): ContactValues {
  const out: Record<string, unknown> = {}
  // A field not sent is undefined, which the table stores as not given.
  for (const field of contactFieldNames) out[field] = input[field]
  return out as ContactValues
}

/** JSON with object keys sorted, so the same body in any key order has the same fingerprint. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((key) => [key, (v as Record<string, unknown>)[key]]),
        )
      : v,
  )
}
