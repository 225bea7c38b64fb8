import { ListPeopleResponse, UpsertContactResponse } from '@cc/schema'
import { afterEach, describe, expect, it } from 'vitest'
import { TEST_KEYS, testApp } from '../../../test/app.js'
import { decodeCursor } from '../../storage/cursor.js'

const open: ReturnType<typeof testApp>[] = []
afterEach(() => {
  for (const { store } of open.splice(0)) store.close()
})
function app(profile?: 'sandbox' | 'docs') {
  const made = testApp(profile)
  open.push(made)
  return made
}

describe('GET /people', () => {
  it('says how many it answers, whether more follow, and where they start', async () => {
    const { send } = app()
    const ids: string[] = []
    for (const name of ['A', 'B', 'C'])
      ids.push((await send('POST', '/people', { body: { firstName: name } })).body.data.id)
    const first = ListPeopleResponse.parse((await send('GET', '/people?limit=2')).body)
    expect(first.data.map((p) => p.id)).toEqual(ids.slice(0, 2))
    expect(first.meta).toMatchObject({ count: 2, hasMore: true })
    expect(decodeCursor(first.meta.nextCursor as string)).toBe(2)
    const last = ListPeopleResponse.parse((await send('GET', `/people?limit=2&cursor=${first.meta.nextCursor}`)).body)
    expect(last.data.map((p) => p.id)).toEqual(ids.slice(2))
    expect(last.meta).toMatchObject({ count: 1, hasMore: false, nextCursor: null })
    const whole = ListPeopleResponse.parse((await send('GET', '/people?limit=3')).body)
    expect(whole.meta).toMatchObject({ count: 3, hasMore: false, nextCursor: null })
    const none = ListPeopleResponse.parse((await send('GET', `/people?cursor=${first.meta.nextCursor}&limit=5`)).body)
    expect(none.meta.count).toBe(1)
  })

  it('refuses a cursor it did not issue, naming the field', async () => {
    const { send } = app()
    const res = await send('GET', '/people?cursor=bm90LWEtY3Vyc29y')
    expect(res.status).toBe(422)
    expect(res.body.error).toEqual({
      code: 'validation_failed',
      message: 'Invalid request: cursor: is not a cursor this server issued',
      issues: [{ path: ['cursor'], message: 'is not a cursor this server issued' }],
    })
  })
})

describe('GET /people/{id}', () => {
  it('404 names the contact', async () => {
    const { send } = app()
    const res = await send('GET', '/people/nobody123456')
    expect(res.status).toBe(404)
    expect(res.body.error).toEqual({ code: 'not_found', message: 'Contact nobody123456 not found' })
  })
})

describe('POST /people', () => {
  it('creates a lead of the account owner, created and updated now', async () => {
    const { send } = app()
    const before = Date.now()
    const res = await send('POST', '/people', { body: { firstName: 'Ada', city: 'London' } })
    expect(res.status).toBe(201)
    const { data } = UpsertContactResponse.parse(res.body)
    expect(data.created).toBe(true)
    expect(data.id).toMatch(/^[a-z0-9]{13}$/)
    expect(data.person).toMatchObject({
      id: data.id,
      firstName: 'Ada',
      city: 'London',
      stageId: 'stage_lead',
      assignedAgentId: 'user_jsmith',
      assignedAgentName: 'Jane Smith',
      relationship: false,
    })
    expect(data.person.updatedAt).toBe(data.person.createdAt)
    expect(Date.parse(data.person.createdAt)).toBeGreaterThanOrEqual(before - 1)
    expect(Date.parse(data.person.createdAt)).toBeLessThanOrEqual(Date.now())
  })

  it('updates the oldest active contact with the email, only the fields sent; a trashed one is not matched', async () => {
    const { send } = app()
    const first = (await send('POST', '/people', { body: { firstName: 'Ada', email: 'ada@example.com' } })).body.data
    const again = await send('POST', '/people', { body: { email: 'ADA@example.com', city: 'Paris' } })
    expect(again.status).toBe(200)
    expect(again.body.data).toMatchObject({ created: false, id: first.id })
    expect(again.body.data.person).toMatchObject({
      firstName: 'Ada',
      city: 'Paris',
      emails: [{ value: 'ADA@example.com' }],
    })
    await send('DELETE', `/people/${first.id}`)
    const fresh = await send('POST', '/people', { body: { email: 'ada@example.com' } })
    expect(fresh.status).toBe(201)
    expect(fresh.body.data.id).not.toBe(first.id)
    expect(fresh.body.data.person.firstName).toBeUndefined()
  })

  it('without an Idempotency-Key, the same body twice makes two contacts', async () => {
    const { send, store } = app()
    for (let i = 0; i < 2; i++)
      expect((await send('POST', '/people', { body: { firstName: 'Twice' } })).status).toBe(201)
    expect(store.people.count()).toBe(2)
    expect(store.db.prepare('SELECT count(*) AS n FROM idempotency').get()).toEqual({ n: 0 })
  })

  it('replays an update too, with its 200', async () => {
    const { send, store } = app()
    await send('POST', '/people', { body: { email: 'ada@example.com' } })
    const headers = { 'Idempotency-Key': 'update-1' }
    const body = { email: 'ada@example.com', city: 'Paris' }
    const first = await send('POST', '/people', { body, headers })
    expect(first.status).toBe(200)
    expect(first.headers['Idempotent-Replayed']).toBeUndefined()
    const replay = await send('POST', '/people', { body, headers })
    expect(replay.status).toBe(200)
    expect(replay.headers['Idempotent-Replayed']).toBe('true')
    expect(replay.body).toEqual(first.body)
    expect(store.people.count()).toBe(1)
  })

  it('keeps Idempotency-Keys apart per API key', async () => {
    const { send, store } = app()
    const headers = { 'Idempotency-Key': 'same-key' }
    const body = { firstName: 'Keyed' }
    const mine = await send('POST', '/people', { body, headers })
    const theirs = await send('POST', '/people', { body, headers, key: TEST_KEYS[1] })
    expect(theirs.status).toBe(201)
    expect(theirs.headers['Idempotent-Replayed']).toBeUndefined()
    expect(theirs.body.data.id).not.toBe(mine.body.data.id)
    expect(store.people.count()).toBe(2)
  })

  it('the same body in another key order is the same request; another value or order of a list is not', async () => {
    const { send } = app()
    const headers = { 'Idempotency-Key': 'order-1' }
    await send('POST', '/people', { body: { firstName: 'A', tags: ['x', 'y'], city: 'B' }, headers })
    const reordered = await send('POST', '/people', { body: { city: 'B', tags: ['x', 'y'], firstName: 'A' }, headers })
    expect(reordered.headers['Idempotent-Replayed']).toBe('true')
    for (const body of [
      { firstName: 'A', tags: ['y', 'x'], city: 'B' },
      { firstName: 'A', tags: ['x', 'y'] },
    ]) {
      const conflict = await send('POST', '/people', { body, headers })
      expect(conflict.status).toBe(409)
      expect(conflict.body.error).toEqual({
        code: 'conflict',
        message: 'Idempotency-Key was already used with a different request body',
      })
    }
  })
})

describe('PUT /people/{id}', () => {
  it('404 names the contact', async () => {
    const { send } = app()
    const res = await send('PUT', '/people/nobody123456', { body: { city: 'X' } })
    expect(res.body.error).toEqual({ code: 'not_found', message: 'Contact nobody123456 not found' })
    const stage = await send('PUT', '/people/nobody123456', { body: { stage: 'stage_nope' } })
    expect(stage.body.error).toEqual({ code: 'not_found', message: 'Contact nobody123456 not found' })
  })

  it('422 on a known contact with an unknown stage, changing nothing', async () => {
    const { send, store } = app()
    const id = (await send('POST', '/people', { body: { firstName: 'Ada' } })).body.data.id
    const res = await send('PUT', `/people/${id}`, { body: { stage: 'stage_nope', firstName: 'Bea' } })
    expect(res.status).toBe(422)
    expect(res.body.error.issues.map((issue: { path: unknown }) => issue.path)).toEqual([['stage']])
    expect(store.people.get(id)?.firstName).toBe('Ada')
  })
})

describe('DELETE /people/{id}', () => {
  it('trashes unless asked for a permanent delete, and says which it did', async () => {
    const { send, store } = app()
    const id = (await send('POST', '/people', { body: { firstName: 'Ada' } })).body.data.id
    const trashed = await send('DELETE', `/people/${id}?permanent=false`)
    expect(trashed.status).toBe(200)
    expect(trashed.body).toMatchObject({
      success: true,
      message: 'Operation completed successfully',
      data: { deleted: true, permanent: false },
    })
    expect(store.people.count()).toBe(1)
    const removed = await send('DELETE', `/people/${id}?permanent=true`)
    expect(removed.body.data).toEqual({ deleted: true, permanent: true })
    expect(store.people.count()).toBe(0)
    const missing = await send('DELETE', `/people/${id}`)
    expect(missing.body.error).toEqual({ code: 'not_found', message: `Contact ${id} not found` })
  })
})

describe('POST /people in the docs profile, where fields the docs do not list pass', () => {
  it('fingerprints them too: null, a list and an object are told apart', async () => {
    const { send } = app('docs')
    const headers = { 'Idempotency-Key': 'loose-1' }
    const first = await send('POST', '/people', { body: { firstName: 'A', extra: ['x', 'y'], none: null }, headers })
    expect(first.status).toBe(201)
    const replay = await send('POST', '/people', { body: { none: null, extra: ['x', 'y'], firstName: 'A' }, headers })
    expect(replay.headers['Idempotent-Replayed']).toBe('true')
    const object = await send('POST', '/people', {
      body: { firstName: 'A', extra: { 0: 'x', 1: 'y' }, none: null },
      headers,
    })
    expect(object.status).toBe(409)
  })
})
