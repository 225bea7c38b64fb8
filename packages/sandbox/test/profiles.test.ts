import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import {
  ApiErrorBody,
  buildOpenApiDocument,
  CreateActivityResponse,
  DeleteContactResponse,
  ListPeopleResponse,
  SearchPeopleResponse,
  UpdateContactResponse,
  UpsertContactResponse,
} from '@cc/schema'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from '../src/index.js'
import { DATABASE_FILE } from '../src/storage/database.js'
import { call } from './call.js'

/**
 * The two profiles side by side: `sandbox` (every operation, our rules and extras) and `docs` (only what the API docs
 * state). What both do alike is checked against both; what differs, each against its own.
 */

let strict: Sandbox
let docs: Sandbox
const log: string[] = []
// On disk, so that a test can read the deals table, which no operation returns.
const dirs = new Map<Sandbox, string>()
beforeAll(async () => {
  const strictDir = mkdtempSync(join(tmpdir(), 'cc-sandbox-profile-'))
  const docsDir = mkdtempSync(join(tmpdir(), 'cc-sandbox-profile-'))
  strict = await createSandbox({ dataDir: strictDir })
  docs = await createSandbox({ profile: 'docs', dataDir: docsDir, log: (line) => log.push(line) })
  dirs.set(strict, strictDir).set(docs, docsDir)
})
afterAll(async () => {
  await Promise.all([strict.close(), docs.close()])
  for (const dir of dirs.values()) rmSync(dir, { recursive: true, force: true })
})
beforeEach(() => Promise.all([strict.reset(), docs.reset()]))

const both = () => [strict, docs] as const

/** A contact of the demo data. */
async function firstContact(sandbox: Sandbox) {
  const page = ListPeopleResponse.parse((await call(sandbox, 'GET', '/people?limit=1')).body)
  const person = page.data[0]
  if (!person) throw new Error('no demo data')
  return person
}

describe('options', () => {
  it('plays the sandbox unless told otherwise, and names a profile it does not know', async () => {
    expect(strict.profile).toBe('sandbox')
    expect(docs.profile).toBe('docs')
    await expect(createSandbox({ profile: 'strict' as never })).rejects.toThrow(
      /Invalid sandbox options: options\.profile: must be one of "sandbox", "docs"/,
    )
  })
})

describe('routes', () => {
  it('GET /people/{id}: served by the sandbox; the docs profile answers 405 with Allow, as a server without it would', async () => {
    const person = await firstContact(strict)
    const got = await call(strict, 'GET', `/people/${person.id}`)
    expect(got.status).toBe(200)
    expect(got.body.data).toEqual(person)

    const missing = await call(docs, 'GET', `/people/${person.id}`)
    expect(missing.status).toBe(405)
    expect(missing.headers.get('Allow')).toBe('PUT, DELETE')
    expect(ApiErrorBody.parse(missing.body).error.code).toBe('method_not_allowed')
    expect((await call(docs, 'HEAD', `/people/${person.id}`)).status).toBe(405)
    // An unknown id too: the route is missing, whatever the id.
    expect((await call(docs, 'GET', '/people/doesnotexist1')).status).toBe(405)
    // The documented way to the same contact.
    const found = SearchPeopleResponse.parse((await call(docs, 'GET', `/people/search?id=${person.id}`)).body)
    expect(found.data).toEqual([person])
  })

  it('serves the OpenAPI document of what it serves: the docs profile, only documented operations and rules', async () => {
    const served = async (sandbox: Sandbox) =>
      (await sandbox.fetch(new Request(sandbox.url.replace(/\/v1$/, '/openapi.json')))).json() as Promise<
        ReturnType<typeof buildOpenApiDocument>
      >
    const servers = [{ url: 'http://localhost/v1', description: 'Local sandbox' }]
    expect(await served(docs)).toEqual(buildOpenApiDocument({ servers, rules: 'documented', undocumented: false }))
    expect(await served(strict)).toEqual(buildOpenApiDocument({ servers }))
    expect(Object.keys((await served(docs)).paths['/people/{id}'] ?? {})).toEqual(['put', 'delete'])
  })
})

describe('answers', () => {
  it('updates, moves and deletes say success: true in the sandbox profile; the docs profile leaves it out', async () => {
    for (const sandbox of both()) {
      const person = await firstContact(sandbox)
      const deal = await call(sandbox, 'POST', '/deals', { body: { title: 'Flag', pipelineId: 'pipe_buyers' } })
      const dealId = deal.body.data.id as string
      const answers = [
        await call(sandbox, 'PUT', `/people/${person.id}`, { body: { city: 'Austin' } }),
        await call(sandbox, 'PUT', `/deals/${dealId}`, { body: { title: 'Flag', pipelineId: 'pipe_buyers' } }),
        await call(sandbox, 'POST', `/deals/${dealId}/move`, { body: { stageId: 'dstage_buyer_offer' } }),
        await call(sandbox, 'DELETE', `/people/${person.id}`),
      ]
      for (const answer of answers) {
        expect(answer.status).toBe(200)
        const body = UpdateContactResponse.parse(answer.body)
        expect(body.message).toBe('Operation completed successfully')
        if (sandbox === strict) expect(body.success).toBe(true)
        else expect(answer.body).not.toHaveProperty('success')
      }
      expect(DeleteContactResponse.parse(answers[3]?.body).data).toEqual({ deleted: true, permanent: false })
    }
  })

  it('errors keep their body in both profiles: the docs show none (ASSUMPTIONS.md#error-body)', async () => {
    for (const sandbox of both()) {
      const res = await call(sandbox, 'PUT', '/people/nobody123456', { body: { firstName: 'X' } })
      expect(res.status).toBe(404)
      expect(ApiErrorBody.parse(res.body)).toMatchObject({ success: false, error: { code: 'not_found' } })
    }
  })

  it('X-Request-Id repeats meta.requestId in the sandbox profile; the docs profile has it in the body only', async () => {
    const cases: [string, string, object?][] = [
      ['GET', '/people?limit=1'],
      ['PUT', '/people/nobody123456', { body: { firstName: 'X' } }],
      ['GET', '/people?limit=0'],
      ['GET', '/me', { key: 'ccmd_test_wrong' }],
      ['GET', '/nothing-here'],
    ]
    for (const [method, path, options] of cases) {
      const sandboxed = await call(strict, method, path, options)
      expect(sandboxed.headers.get('X-Request-Id'), path).toBe(sandboxed.body.meta.requestId)
      const documented = await call(docs, method, path, options)
      expect(documented.headers.get('X-Request-Id'), path).toBeNull()
      expect(documented.body.meta.requestId, path).toMatch(/^[0-9a-f-]{36}$/)
      // The request log still names the request.
      expect(log.at(-1), path).toContain(documented.body.meta.requestId)
    }
  })

  it('over HTTP too: the docs profile sends no X-Request-Id from the listener', async () => {
    const listening = await createSandbox({ profile: 'docs', listen: { port: 0 }, seed: false })
    try {
      const res = await call(listening, 'GET', '/me', {}, true)
      expect(res.status).toBe(200)
      expect(res.headers.get('X-Request-Id')).toBeNull()
      expect(res.body.meta.requestId).toMatch(/^[0-9a-f-]{36}$/)
      const closed = await call(listening, 'GET', '/nope', {}, true)
      expect(closed.headers.get('X-Request-Id')).toBeNull()
    } finally {
      await listening.close()
    }
    // A closed sandbox answers outside the pipeline, and as its profile says.
    const after = await call(listening, 'GET', '/me')
    expect(after.status).toBe(503)
    expect(after.headers.get('X-Request-Id')).toBeNull()
  })
})

describe('rules', () => {
  it('a field the docs do not list: 422 with "did you mean" in the sandbox profile, taken and dropped in docs', async () => {
    const body = { firstName: 'Ada', zipcode: '78701' }
    const refused = await call(strict, 'POST', '/people', { body })
    expect(refused.status).toBe(422)
    expect(refused.body.error.issues).toEqual([
      { path: ['zipcode'], message: 'is not a known field — did you mean zipCode?' },
    ])
    const taken = await call(docs, 'POST', '/people', { body })
    expect(taken.status).toBe(201)
    const person = UpsertContactResponse.parse(taken.body).data.person
    expect(person.firstName).toBe('Ada')
    expect(person).not.toHaveProperty('zipcode')
    expect(person).not.toHaveProperty('zipCode')
    // And in a query.
    expect((await call(strict, 'GET', '/people?limt=5')).status).toBe(422)
    const page = ListPeopleResponse.parse((await call(docs, 'GET', '/people?limt=5&limit=2')).body)
    expect(page.data).toHaveLength(2)
  })

  it('the docs profile never lets a body set what the server owns', async () => {
    const forged = {
      id: 'forged123456',
      createdAt: '2000-01-01T00:00:00.000Z',
      updatedAt: '2000-01-01T00:00:00.000Z',
      relationship: true,
      assignedAgentId: 'user_mjones',
      stageId: 'stage_closed',
    }
    const created = await call(docs, 'POST', '/people', { body: { firstName: 'Forger', ...forged } })
    expect(created.status).toBe(201)
    const person = UpsertContactResponse.parse(created.body).data.person
    expect(person.id).not.toBe(forged.id)
    expect(person.createdAt).not.toBe(forged.createdAt)
    expect(person).toMatchObject({ relationship: false, assignedAgentId: 'user_jsmith', stageId: 'stage_lead' })
    expect((await call(docs, 'GET', `/people/search?id=${forged.id}`)).body.data).toEqual([])

    await call(docs, 'PUT', `/people/${person.id}`, { body: forged })
    const after = SearchPeopleResponse.parse((await call(docs, 'GET', `/people/search?id=${person.id}`)).body).data[0]
    // Only unknown fields: an empty patch, which changes nothing.
    expect(after).toEqual(person)

    const activity = await call(docs, 'POST', '/activities', {
      body: { personId: person.id, type: 'note', id: 'act_forged', starred: true, agentId: 'user_mjones' },
    })
    expect(activity.status).toBe(201)
    expect(CreateActivityResponse.parse(activity.body).data).toMatchObject({ starred: false, agentName: 'Jane Smith' })
    expect(activity.body.data.id).not.toBe('act_forged')
  })

  it('the docs profile keeps a deal body to the deal fields: a position sent is not stored', async () => {
    const created = await call(docs, 'POST', '/deals', {
      body: { title: 'Placed', pipelineId: 'pipe_buyers', position: 7, createdAt: '2000-01-01T00:00:00.000Z' },
    })
    expect(created.status).toBe(201)
    const id = created.body.data.id as string
    const move = await call(docs, 'POST', `/deals/${id}/move`, { body: { stageId: 'dstage_buyer_offer', position: 3 } })
    expect(move.status).toBe(200)
    // Read from the table the route wrote: the API has no deal read.
    const stored = await storedDeal(docs, id)
    expect(stored).toMatchObject({ position: 0, stage_id: 'dstage_buyer_offer' })
    expect(stored?.created_at).not.toBe('2000-01-01T00:00:00.000Z')
  })

  it('our rules hold in the sandbox profile only: empty ids, an Idempotency-Key fetch would change', async () => {
    const emptyPipeline = { title: 'Empty', pipelineId: '' }
    const ours = await call(strict, 'POST', '/deals', { body: emptyPipeline })
    expect(ours.body.error.issues).toEqual([{ path: ['pipelineId'], message: 'must not be empty' }])
    // The docs profile takes it, and the server finds no such pipeline.
    const theirs = await call(docs, 'POST', '/deals', { body: emptyPipeline })
    expect(theirs.status).toBe(422)
    expect(theirs.body.error.issues).toEqual([
      { path: ['pipelineId'], message: expect.stringMatching(/^is not a known pipeline/) },
    ])
    const headers = { 'Idempotency-Key': 'clé-1' }
    expect((await call(strict, 'POST', '/people', { body: { firstName: 'K' }, headers })).status).toBe(422)
    expect((await call(docs, 'POST', '/people', { body: { firstName: 'K' }, headers })).status).toBe(201)
  })

  it('the docs rules hold in both profiles', async () => {
    for (const sandbox of both()) {
      const person = await firstContact(sandbox)
      const bad: [string, string, unknown, (string | number)[]][] = [
        ['POST', '/people', { firstName: '' }, ['firstName']],
        ['POST', '/people', { email: 'not-an-email' }, ['email']],
        ['PUT', `/people/${person.id}`, { state: 'texas' }, ['state']],
        ['PUT', `/people/${person.id}`, { price: -1 }, ['price']],
        ['PUT', `/people/${person.id}`, { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, ['tags']],
        ['POST', '/deals', { title: '', pipelineId: 'pipe_buyers' }, ['title']],
        ['POST', '/activities', { personId: person.id, type: 'fax' }, ['type']],
      ]
      for (const [method, path, body, field] of bad) {
        const res = await call(sandbox, method, path, { body })
        expect(res.status, `${sandbox.profile}: ${method} ${path} ${JSON.stringify(body)}`).toBe(422)
        expect(ApiErrorBody.parse(res.body).error.issues?.map((issue) => issue.path)).toEqual([field])
      }
      for (const query of ['/people?limit=0', '/people?limit=101', '/people/search?name=a', '/people/search?email=x']) {
        expect((await call(sandbox, 'GET', query)).status, `${sandbox.profile}: ${query}`).toBe(422)
      }
      expect((await call(sandbox, 'DELETE', `/people/${person.id}?permanent=yes`)).status).toBe(422)
      expect((await call(sandbox, 'PUT', '/people/short', { body: {} })).status).toBe(422)
    }
  })
})

describe('what the docs leave open, alike in both profiles', () => {
  it('a search without criteria answers the first 10 contacts in list order', async () => {
    for (const sandbox of both()) {
      const list = ListPeopleResponse.parse((await call(sandbox, 'GET', '/people?limit=10')).body).data
      const search = SearchPeopleResponse.parse((await call(sandbox, 'GET', '/people/search')).body).data
      expect(search.map((p) => p.id)).toEqual(list.map((p) => p.id))
    }
  })

  it('an empty patch answers 200 and changes nothing, updatedAt included', async () => {
    for (const sandbox of both()) {
      const person = await firstContact(sandbox)
      const res = await call(sandbox, 'PUT', `/people/${person.id}`, { body: {} })
      expect(res.status).toBe(200)
      expect(await firstContact(sandbox)).toEqual(person)
    }
  })

  it('stage: "" clears the stage; a contact needs no field; deal amounts may be negative', async () => {
    for (const sandbox of both()) {
      const person = await firstContact(sandbox)
      expect((await call(sandbox, 'PUT', `/people/${person.id}`, { body: { stage: '' } })).status).toBe(200)
      const after = await firstContact(sandbox)
      expect(after.stageId).toBeUndefined()
      expect(after.stageName).toBeUndefined()
      expect((await call(sandbox, 'POST', '/people', { body: {} })).status).toBe(201)
      const deal = { title: 'Refund', pipelineId: 'pipe_buyers', pricing: -100, commission: -3 }
      const created = await call(sandbox, 'POST', '/deals', { body: deal })
      expect(created.status).toBe(201)
      expect(await storedDeal(sandbox, created.body.data.id)).toMatchObject({ price: -100, commission: -3 })
    }
  })

  it('a cursor the sandbox did not issue, the empty one included, is a 422 on cursor', async () => {
    for (const sandbox of both()) {
      for (const cursor of ['', 'bm90LWEtY3Vyc29y']) {
        const res = await call(sandbox, 'GET', `/people?cursor=${cursor}`)
        expect(res.status).toBe(422)
        expect(res.body.error.issues).toEqual([{ path: ['cursor'], message: 'is not a cursor this server issued' }])
      }
    }
  })
})

/** A deal's row, read from the sandbox's database file: the API returns no deal objects. */
async function storedDeal(sandbox: Sandbox, id: string): Promise<Record<string, unknown> | undefined> {
  const db = new DatabaseSync(join(dirs.get(sandbox) as string, DATABASE_FILE), { readOnly: true })
  try {
    return db.prepare('SELECT * FROM deals WHERE id = ?').get(id) as Record<string, unknown> | undefined
  } finally {
    db.close()
  }
}
