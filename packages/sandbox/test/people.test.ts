import {
  ApiErrorBody,
  DeleteContactResponse,
  GetPersonResponse,
  ListPeopleResponse,
  parseTags,
  SearchPeopleResponse,
  UpdateContactResponse,
  UpsertContactResponse,
} from '@cc/schema'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from '../src/index.js'
import { call } from './call.js'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await createSandbox()
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('GET /people', () => {
  it('pages through every seeded contact with an opaque cursor, default limit 10', async () => {
    const first = await call(sandbox, 'GET', '/people')
    expect(first.status).toBe(200)
    const page = ListPeopleResponse.parse(first.body)
    expect(page.data).toHaveLength(10)
    expect(page.meta).toMatchObject({ count: 10, hasMore: true, version: '1.0.0' })
    expect(page.meta.requestId).toMatch(UUID)
    expect(first.headers.get('X-Request-Id')).toBe(page.meta.requestId)
    expect(page.meta.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/)

    const ids = new Set<string>()
    let cursor: string | null | undefined
    let pages = 0
    do {
      const res = await call(sandbox, 'GET', `/people?limit=100${cursor ? `&cursor=${cursor}` : ''}`)
      const body = ListPeopleResponse.parse(res.body)
      for (const person of body.data) ids.add(person.id)
      cursor = body.meta.hasMore ? body.meta.nextCursor : undefined
      pages++
    } while (cursor)
    expect(ids.size).toBe(200)
    expect(pages).toBe(2)
  })

  it('stays stable while contacts are inserted between pages: no duplicates, no skips', async () => {
    const seen: string[] = []
    const inserted: string[] = []
    let cursor: string | undefined
    for (;;) {
      const res = await call(sandbox, 'GET', `/people?limit=7${cursor ? `&cursor=${cursor}` : ''}`)
      const body = ListPeopleResponse.parse(res.body)
      seen.push(...body.data.map((p) => p.id))
      if (inserted.length < 20) {
        const created = await call(sandbox, 'POST', '/people', { body: { firstName: `New${inserted.length}` } })
        inserted.push(created.body.data.id)
      }
      if (!body.meta.hasMore) break
      cursor = body.meta.nextCursor ?? undefined
    }
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).toHaveLength(220)
    expect(seen.slice(-20)).toEqual(inserted)
  })

  it('rejects a limit out of 1–100 and a forged cursor with 422 naming the field', async () => {
    for (const limit of ['0', '101', 'abc', '2.5']) {
      const res = await call(sandbox, 'GET', `/people?limit=${limit}`)
      expect(res.status).toBe(422)
      const body = ApiErrorBody.parse(res.body)
      expect(body.error.issues?.map((i) => i.path)).toEqual([['limit']])
    }
    const forged = await call(sandbox, 'GET', `/people?cursor=${Buffer.from('{"id":"x"}').toString('base64url')}`)
    expect(forged.status).toBe(422)
    expect(forged.body.error.issues).toEqual([{ path: ['cursor'], message: 'is not a cursor this server issued' }])
  })

  it('returns contacts in the documented read shape', async () => {
    const res = await call(sandbox, 'GET', '/people?limit=100')
    const people = ListPeopleResponse.parse(res.body).data
    const full = people.find((p) => p.emails.length && p.phones.length && p.tags && p.street)
    expect(full).toBeDefined()
    expect(full?.emails[0]).toEqual({ value: expect.stringMatching(/@example\./), type: 'home', isPrimary: true })
    expect(full?.phones[0]).toMatchObject({ value: expect.stringMatching(/^\+1\d{10}$/), isPrimary: true })
    expect(full?.tags).toMatch(/^[^,]+(, [^,]+)*$/)
    expect(full?.stageId).toMatch(/^stage_/)
    expect(full?.stageName).toEqual(expect.any(String))
    expect(full?.state).toMatch(/^[A-Z]{2}$/)
    expect(full?.zipCode).toMatch(/^\d{5}$/)
    expect(full?.fullName).toBe(`${full?.firstName} ${full?.lastName}`)
  })
})

describe('GET /people/search', () => {
  it('finds by id exactly, email case-insensitively, phone normalized and name fuzzily', async () => {
    const all = ListPeopleResponse.parse((await call(sandbox, 'GET', '/people?limit=100')).body).data
    const target = all.find((p) => p.emails.length > 0 && p.phones.length > 0)
    if (!target) throw new Error('no seeded contact with email and phone')
    const email = target.emails[0]?.value as string
    const phone = target.phones[0]?.value as string

    const byId = SearchPeopleResponse.parse((await call(sandbox, 'GET', `/people/search?id=${target.id}`)).body)
    expect(byId.data.map((p) => p.id)).toEqual([target.id])

    const byEmail = await call(sandbox, 'GET', `/people/search?email=${encodeURIComponent(email.toUpperCase())}`)
    expect(byEmail.body.data.map((p: { id: string }) => p.id)).toEqual([target.id])

    const national = phone.slice(2) // "+15125550123" → "5125550123"
    const pretty = `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`
    const byPhone = await call(sandbox, 'GET', `/people/search?phone=${encodeURIComponent(pretty)}`)
    expect(byPhone.body.data.map((p: { id: string }) => p.id)).toContain(target.id)

    const typo = `${target.firstName} ${target.lastName}`.toLowerCase()
    const byName = await call(sandbox, 'GET', `/people/search?name=${encodeURIComponent(typo)}`)
    expect(byName.body.data[0].fullName).toBe(target.fullName)
  })

  it('tolerates a typo in a name and returns at most 10 results', async () => {
    await call(sandbox, 'POST', '/people', { body: { firstName: 'Bartholomew', lastName: 'Quinteros' } })
    const typo = await call(sandbox, 'GET', '/people/search?name=Bartholomew%20Quinteras')
    expect(typo.body.data.map((p: { lastName: string }) => p.lastName)).toEqual(['Quinteros'])
    const broad = await call(sandbox, 'GET', '/people/search?name=an')
    expect(broad.status).toBe(200)
    expect(broad.body.data).toHaveLength(10)
  })

  it('answers a search without criteria with the first 10 contacts in list order; a name needs 2 characters', async () => {
    // The docs do not say a search needs a criterion (ASSUMPTIONS.md#search-criteria).
    const none = await call(sandbox, 'GET', '/people/search')
    expect(none.status).toBe(200)
    const first = ListPeopleResponse.parse((await call(sandbox, 'GET', '/people?limit=10')).body).data
    expect(SearchPeopleResponse.parse(none.body).data.map((p) => p.id)).toEqual(first.map((p) => p.id))
    // Trashed contacts are left out, as from every search.
    await call(sandbox, 'DELETE', `/people/${first[0]?.id}`)
    const after = SearchPeopleResponse.parse((await call(sandbox, 'GET', '/people/search')).body).data
    expect(after.map((p) => p.id)).toEqual(
      ListPeopleResponse.parse((await call(sandbox, 'GET', '/people?limit=10')).body).data.map((p) => p.id),
    )
    expect(after.map((p) => p.id)).not.toContain(first[0]?.id)
    const short = await call(sandbox, 'GET', '/people/search?name=a')
    expect(short.body.error.issues).toEqual([{ path: ['name'], message: 'must be at least 2 characters' }])
  })
})

describe('GET /people/{id}', () => {
  it('returns one contact, 404 for an unknown id and 422 for a malformed one', async () => {
    const created = await call(sandbox, 'POST', '/people', { body: { firstName: 'Ada', email: 'ada@example.com' } })
    const got = await call(sandbox, 'GET', `/people/${created.body.data.id}`)
    expect(GetPersonResponse.parse(got.body).data).toEqual(created.body.data.person)
    const missing = await call(sandbox, 'GET', '/people/doesnotexist1')
    expect(missing.status).toBe(404)
    expect(ApiErrorBody.parse(missing.body).error.code).toBe('not_found')
    const malformed = await call(sandbox, 'GET', '/people/short')
    expect(malformed.status).toBe(422)
    expect(malformed.body.error.issues[0].path).toEqual(['id'])
  })
})

describe('POST /people', () => {
  it('creates with 201, then updates the contact with the same email with 200', async () => {
    const input = { firstName: 'Grace', lastName: 'Hopper', email: 'Grace@Example.com', tags: ['VIP', 'Navy'] }
    const created = await call(sandbox, 'POST', '/people', { body: input })
    expect(created.status).toBe(201)
    const first = UpsertContactResponse.parse(created.body).data
    expect(first.created).toBe(true)
    expect(first.person).toMatchObject({
      firstName: 'Grace',
      fullName: 'Grace Hopper',
      tags: 'VIP, Navy',
      stageId: 'stage_lead',
      stageName: 'Lead',
      emails: [{ value: 'Grace@Example.com', type: 'home', isPrimary: true }],
    })
    expect(parseTags(first.person.tags)).toEqual(['VIP', 'Navy'])

    const again = await call(sandbox, 'POST', '/people', { body: { email: 'grace@example.com', price: 500000 } })
    expect(again.status).toBe(200)
    const second = UpsertContactResponse.parse(again.body).data
    expect(second).toMatchObject({ created: false, id: first.id })
    expect(second.person).toMatchObject({ firstName: 'Grace', price: 500000, tags: 'VIP, Navy' })
  })

  it('replays the first response for the same Idempotency-Key and body, 409 for another body', async () => {
    const headers = { 'Idempotency-Key': 'create-linus-1' }
    const body = { firstName: 'Linus', lastName: 'Pauling' }
    const first = await call(sandbox, 'POST', '/people', { body, headers })
    const replay = await call(sandbox, 'POST', '/people', {
      body: { lastName: 'Pauling', firstName: 'Linus' },
      headers,
    })
    expect(replay.status).toBe(201)
    expect(replay.body).toEqual(first.body)
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true')
    const found = await call(sandbox, 'GET', '/people/search?name=Linus%20Pauling')
    expect(found.body.data).toHaveLength(1)

    const conflict = await call(sandbox, 'POST', '/people', { body: { firstName: 'Other' }, headers })
    expect(conflict.status).toBe(409)
    expect(ApiErrorBody.parse(conflict.body).error.code).toBe('conflict')
  })

  it('answers 422 with one issue per offending field, in the schema words', async () => {
    const res = await call(sandbox, 'POST', '/people', {
      body: { firstName: '', state: 'texas', tags: ['ok', ''], color: 'red', stage: 'stage_lead' },
    })
    expect(res.status).toBe(422)
    const issues = ApiErrorBody.parse(res.body).error.issues ?? []
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([['firstName'], ['state'], ['tags', 1], ['color']]),
    )
    expect(issues).toHaveLength(4)
    expect(issues.find((i) => i.path[0] === 'firstName')?.message).toBe('must not be empty')
    expect(issues.find((i) => i.path[0] === 'color')?.message).toBe('is not a known field')
  })

  it('names the known field an unknown one most likely meant', async () => {
    const res = await call(sandbox, 'POST', '/people', {
      body: { firstName: 'Ada', zipcode: '78701', first_name: 'A' },
    })
    expect(res.status).toBe(422)
    expect(ApiErrorBody.parse(res.body).error.issues).toEqual([
      { path: ['zipcode'], message: 'is not a known field — did you mean zipCode?' },
      { path: ['first_name'], message: 'is not a known field — did you mean firstName?' },
    ])
    expect(res.body.error.message).toBe(
      'Invalid request: zipcode: is not a known field — did you mean zipCode?; first_name: is not a known field — did you mean firstName?',
    )
    const update = await call(sandbox, 'PUT', '/people/abcdefgh1234', { body: { stageId: 'stage_lead' } })
    expect(update.body.error.issues).toEqual([
      { path: ['stageId'], message: 'is not a known field — did you mean stage?' },
    ])
    const query = await call(sandbox, 'GET', '/people?limt=5')
    expect(query.body.error.issues).toEqual([{ path: ['limt'], message: 'is not a known field — did you mean limit?' }])
  })

  it('creates a contact from an empty body, and one without a stage from stage: ""', async () => {
    // The docs require no field of a new contact (ASSUMPTIONS.md#create-fields-as-update).
    const empty = await call(sandbox, 'POST', '/people', { body: {} })
    expect(empty.status).toBe(201)
    const person = UpsertContactResponse.parse(empty.body).data.person
    expect(person).toMatchObject({ emails: [], phones: [], stageId: 'stage_lead' })
    expect(person.firstName).toBeUndefined()
    expect((await call(sandbox, 'GET', `/people/${person.id}`)).body.data).toEqual(person)
    const stageless = await call(sandbox, 'POST', '/people', { body: { firstName: 'Nostage', stage: '' } })
    expect(stageless.status).toBe(201)
    expect(stageless.body.data.person.stageId).toBeUndefined()
    expect(stageless.body.data.person.stageName).toBeUndefined()
  })

  it('rejects an unknown stage id with 422 on stage', async () => {
    const res = await call(sandbox, 'POST', '/people', { body: { firstName: 'X', stage: 'stage_nope' } })
    expect(res.status).toBe(422)
    expect(res.body.error.issues[0].path).toEqual(['stage'])
  })
})

describe('PUT /people/{id}', () => {
  it('changes only the fields sent and bumps updatedAt', async () => {
    const created = (
      await call(sandbox, 'POST', '/people', { body: { firstName: 'Alan', lastName: 'Turing', city: 'Wilmslow' } })
    ).body.data.person
    const res = await call(sandbox, 'PUT', `/people/${created.id}`, {
      body: { lastName: 'M. Turing', stage: 'stage_active', tags: ['Math'], state: 'CA', zipCode: '90210' },
    })
    expect(res.status).toBe(200)
    expect(UpdateContactResponse.parse(res.body)).toMatchObject({
      success: true,
      message: 'Operation completed successfully',
    })
    const after = (await call(sandbox, 'GET', `/people/${created.id}`)).body.data
    expect(after).toMatchObject({
      firstName: 'Alan',
      lastName: 'M. Turing',
      city: 'Wilmslow',
      stageId: 'stage_active',
      stageName: 'Active Client',
      tags: 'Math',
      state: 'CA',
      zipCode: '90210',
    })
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt))
    expect(after.createdAt).toBe(created.createdAt)
  })

  it('clears text fields sent empty, the stage sent as "", and tags sent as []', async () => {
    const created = (
      await call(sandbox, 'POST', '/people', {
        body: { firstName: 'Kay', source: 'Zillow', tags: ['A'], stage: 'stage_active' },
      })
    ).body.data.person
    expect(created).toMatchObject({ stageId: 'stage_active', stageName: 'Active Client' })
    const res = await call(sandbox, 'PUT', `/people/${created.id}`, { body: { source: '', tags: [], stage: '' } })
    expect(res.status).toBe(200)
    const after = (await call(sandbox, 'GET', `/people/${created.id}`)).body.data
    expect(after.source).toBeUndefined()
    expect(after.tags).toBeUndefined()
    expect(after.stageId).toBeUndefined()
    expect(after.stageName).toBeUndefined()
    expect(after.firstName).toBe('Kay')
  })

  it('answers 422 on stage for an unknown stage, 200 for an empty patch that changes nothing, 404 for an unknown id', async () => {
    const id = ListPeopleResponse.parse((await call(sandbox, 'GET', '/people?limit=1')).body).data[0]?.id
    const stage = await call(sandbox, 'PUT', `/people/${id}`, { body: { stage: 'stage_unknown' } })
    expect(stage.status).toBe(422)
    expect(stage.body.error.issues).toEqual([
      { path: ['stage'], message: expect.stringMatching(/is not a known stage/) },
    ])
    // The docs do not forbid an empty patch; it changes nothing, updatedAt included.
    const before = (await call(sandbox, 'GET', `/people/${id}`)).body.data
    const empty = await call(sandbox, 'PUT', `/people/${id}`, { body: {} })
    expect(empty.status).toBe(200)
    expect(UpdateContactResponse.parse(empty.body)).toMatchObject({ success: true })
    expect((await call(sandbox, 'GET', `/people/${id}`)).body.data).toEqual(before)
    expect((await call(sandbox, 'PUT', '/people/nobody123456', { body: {} })).status).toBe(404)
    const missing = await call(sandbox, 'PUT', '/people/nobody123456', { body: { firstName: 'X' } })
    expect(missing.status).toBe(404)
    // An unknown contact is a 404 before an unknown stage is a 422; a trashed one is unknown.
    const both = await call(sandbox, 'PUT', '/people/nobody123456', { body: { stage: 'stage_unknown' } })
    expect(both.status).toBe(404)
    await call(sandbox, 'DELETE', `/people/${id}`)
    expect((await call(sandbox, 'PUT', `/people/${id}`, { body: { firstName: 'X' } })).status).toBe(404)
    expect((await call(sandbox, 'PUT', `/people/${id}`, { body: { stage: 'stage_unknown' } })).status).toBe(404)
  })

  it('applies the same set of fields sent in any key order', async () => {
    const id = ListPeopleResponse.parse((await call(sandbox, 'GET', '/people?limit=1')).body).data[0]?.id
    await call(sandbox, 'PUT', `/people/${id}`, { body: { city: 'Austin', firstName: 'Ann', price: 1 } })
    await call(sandbox, 'PUT', `/people/${id}`, { body: { price: 2, city: 'Boston', firstName: 'Bea' } })
    const after = (await call(sandbox, 'GET', `/people/${id}`)).body.data
    expect(after).toMatchObject({ city: 'Boston', firstName: 'Bea', price: 2 })
  })
})

describe('DELETE /people/{id}', () => {
  it('moves to trash by default: gone from get, list and search', async () => {
    const created = (await call(sandbox, 'POST', '/people', { body: { firstName: 'Trashy', lastName: 'McTrash' } }))
      .body.data.person
    const res = await call(sandbox, 'DELETE', `/people/${created.id}`)
    expect(DeleteContactResponse.parse(res.body).data).toEqual({ deleted: true, permanent: false })
    expect((await call(sandbox, 'GET', `/people/${created.id}`)).status).toBe(404)
    expect((await call(sandbox, 'GET', '/people/search?name=Trashy')).body.data).toEqual([])
    const list = ListPeopleResponse.parse((await call(sandbox, 'GET', `/people?limit=100&cursor=${lastCursor()}`)).body)
    expect(list.data.map((p) => p.id)).not.toContain(created.id)
    expect((await call(sandbox, 'DELETE', `/people/${created.id}`)).status).toBe(404)
    const permanent = await call(sandbox, 'DELETE', `/people/${created.id}?permanent=true`)
    expect(permanent.body.data).toEqual({ deleted: true, permanent: true })
    expect((await call(sandbox, 'DELETE', `/people/${created.id}?permanent=true`)).status).toBe(404)
  })

  it('rejects permanent values other than true/false', async () => {
    const res = await call(sandbox, 'DELETE', '/people/abcdefgh1234?permanent=yes')
    expect(res.status).toBe(422)
    expect(res.body.error.issues[0].path).toEqual(['permanent'])
  })
})

/** A cursor after the 200 seeded contacts: the next page has only contacts created by the test. */
function lastCursor(): string {
  return Buffer.from(JSON.stringify({ v: 1, after: 200 })).toString('base64url')
}
