import { createSandbox, type Sandbox, type SandboxProfile } from '@cc/sandbox'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  type ClientOptions,
  createClient,
  NotFoundError,
  UnprocessableEntityError,
  ValidationError,
} from '../src/index.js'
import { recording } from './helpers.js'

/**
 * Every method of the client against both profiles of the sandbox: `sandbox`, which serves every operation and checks
 * our rules too, and `docs`, which serves only what the API docs state (no `GET /people/{id}`, no `success` flag, no
 * `X-Request-Id` header, only the documented rules). Responses are validated strictly: an answer that breaks the
 * contract fails the call. What each profile should do alike is asserted alike; where they differ, each its own.
 */

interface Logged {
  level: string
  message: string
}

describe.each<SandboxProfile>(['sandbox', 'docs'])('the client against the %s profile', (profile) => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await createSandbox({ profile, listen: { port: 0 } })
  })
  afterEach(() => sandbox.reset())
  afterAll(() => sandbox.close())

  const docs = profile === 'docs'

  /** A client of this sandbox, in-process (requests and answers recorded) unless `loopback`; every log line kept. */
  function connect(extra: ClientOptions = {}, loopback = false) {
    const recorder = recording(sandbox.fetch)
    const answers: string[] = []
    const fetch = async (request: Request) => {
      const response = await recorder.fetch(request)
      answers.push(await response.clone().text())
      return response
    }
    const logged: Logged[] = []
    const log = (level: string) => (message: string) => logged.push({ level, message })
    const cc = createClient({
      apiKey: sandbox.apiKey,
      ...(loopback ? { baseUrl: sandbox.url } : { baseUrl: 'http://localhost/v1', fetch }),
      validate: 'strict',
      backoff: { initialDelay: 5, maxDelay: 20 },
      logLevel: 'info',
      logger: { error: log('error'), warn: log('warn'), info: log('info'), debug: log('debug') },
      ...extra,
    })
    /** What was sent, as `METHOD /path?query`. */
    const sent = () => recorder.sent.map((request) => `${request.method} ${request.url.pathname}${request.url.search}`)
    /** The last answer's body, as the server sent it. */
    const lastAnswer = () => JSON.parse(answers.at(-1) ?? 'null')
    return { cc, sent, logged, lastAnswer }
  }

  async function firstContact(cc: ReturnType<typeof createClient>) {
    const person = (await cc.people.list({ limit: 1 })).data[0]
    if (!person) throw new Error('no demo data')
    return person
  }

  it('people.list: the first page, every page after it, and the request id from the body', async () => {
    const { cc } = connect()
    const page = await cc.people.list({ limit: 50 })
    expect(page.data).toHaveLength(50)
    expect(page.requestId).toMatch(/^[0-9a-f-]{36}$/)
    const ids: string[] = []
    for await (const person of cc.people.list({ limit: 100 })) ids.push(person.id)
    expect(ids).toHaveLength(200)
    expect(new Set(ids).size).toBe(200)
    expect(ids.slice(0, 50)).toEqual(page.data.map((person) => person.id))
  })

  it('people.get: the contact, and a NotFoundError for an unknown id', async () => {
    const { cc, sent, logged } = connect()
    const first = await firstContact(cc)
    const person = await cc.people.get(first.id)
    expect(person).toEqual(first)
    expect(person.requestId).toMatch(/^[0-9a-f-]{36}$/)
    const second = (await cc.people.list({ limit: 2 })).data[1]
    expect(await cc.people.get(second?.id as string)).toEqual(second)
    await expect(cc.people.get('doesnotexist1')).rejects.toThrow(NotFoundError)
    const gets = sent().filter((line) => !line.startsWith('GET /v1/people?'))
    if (docs) {
      // The route answers 405 once; from then on this client asks the documented search (ASSUMPTIONS.md#get-person-endpoint).
      expect(gets).toEqual([
        `GET /v1/people/${first.id}`,
        `GET /v1/people/search?id=${first.id}`,
        `GET /v1/people/search?id=${second?.id}`,
        'GET /v1/people/search?id=doesnotexist1',
      ])
      const switched = logged.filter((line) => line.message.includes('is not served (405)'))
      expect(switched).toHaveLength(1)
      expect(switched[0]?.level).toBe('info')
    } else {
      expect(gets).toEqual([
        `GET /v1/people/${first.id}`,
        `GET /v1/people/${second?.id}`,
        'GET /v1/people/doesnotexist1',
      ])
    }
    // The same for a client whose first get is of a contact that does not exist.
    const fresh = connect()
    await expect(fresh.cc.people.get('doesnotexist1')).rejects.toThrow(NotFoundError)
    expect(await fresh.cc.people.get(first.id)).toEqual(first)
  })

  it('people.search: by email, by name, and without criteria (the first 10 contacts)', async () => {
    const { cc } = connect()
    const first = await firstContact(cc)
    const email = first.emails[0]?.value as string
    expect((await cc.people.search({ email: email.toUpperCase() })).map((p) => p.id)).toEqual([first.id])
    expect((await cc.people.search({ name: first.fullName as string }))[0]?.id).toBe(first.id)
    const unfiltered = await cc.people.search({})
    const firstTen = (await cc.people.list({ limit: 10 })).data
    expect(unfiltered.map((p) => p.id)).toEqual(firstTen.map((p) => p.id))
  })

  it('people.create: creates, updates by email, and creates an empty contact', async () => {
    const { cc } = connect()
    const made = await cc.people.create({ firstName: 'Ada', email: 'ada@example.com', tags: ['VIP'], stage: '' })
    expect(made).toMatchObject({ created: true, person: { firstName: 'Ada', tags: 'VIP' } })
    expect(made.person.stageId).toBeUndefined()
    const again = await cc.people.create({ email: 'ADA@example.com', city: 'London' })
    expect(again).toMatchObject({ created: false, id: made.id, person: { firstName: 'Ada', city: 'London' } })
    const empty = await cc.people.create({})
    expect(empty.created).toBe(true)
    expect(empty.person.emails).toEqual([])
  })

  it('people.update: a patch, an empty patch, a cleared stage; success whether the server says it or not', async () => {
    const { cc, lastAnswer } = connect()
    const first = await firstContact(cc)
    expect(await cc.people.update(first.id, { city: 'Austin', state: 'TX' })).toEqual({
      success: true,
      message: 'Operation completed successfully',
    })
    const changed = (await cc.people.search({ id: first.id }))[0]
    expect(changed).toMatchObject({ city: 'Austin', state: 'TX' })
    expect(await cc.people.update(first.id, {})).toEqual({ success: true, message: 'Operation completed successfully' })
    expect((await cc.people.search({ id: first.id }))[0]).toEqual(changed)
    await cc.people.update(first.id, { stage: '' })
    expect((await cc.people.search({ id: first.id }))[0]?.stageId).toBeUndefined()
    // The client says `success: true` whether the answer had the flag or not.
    expect((await cc.people.update(first.id, { city: 'Dallas' })).success).toBe(true)
    if (docs) expect(lastAnswer()).not.toHaveProperty('success')
    else expect(lastAnswer().success).toBe(true)
    await expect(cc.people.update('doesnotexist1', { city: 'X' })).rejects.toThrow(NotFoundError)
  })

  it('people.delete: to the trash, for good, and a NotFoundError for a contact already gone', async () => {
    const { cc } = connect()
    const made = await cc.people.create({ email: 'trash@example.com' })
    expect(await cc.people.delete(made.id)).toEqual({ deleted: true, permanent: false })
    await expect(cc.people.get(made.id)).rejects.toThrow(NotFoundError)
    expect(await cc.people.search({ email: 'trash@example.com' })).toEqual([])
    await expect(cc.people.delete(made.id)).rejects.toThrow(NotFoundError)
    expect(await cc.people.delete(made.id, { permanent: true })).toEqual({ deleted: true, permanent: true })
  })

  it('people.updateMany and updateManyStream', async () => {
    const { cc } = connect()
    const people = (await cc.people.list({ limit: 4 })).data
    const results = await cc.people.updateMany(people.map((p) => ({ id: p.id, patch: { city: 'Austin' } })))
    expect(results.map((result) => result.ok)).toEqual([true, true, true, true])
    expect(results.every((result) => result.ok && /^[0-9a-f-]{36}$/.test(result.requestId ?? ''))).toBe(true)
    const streamed = []
    const items = [...people.map((p) => ({ id: p.id, patch: { city: 'Boston' } })), { id: 'doesnotexist1', patch: {} }]
    for await (const result of cc.people.updateManyStream(items)) streamed.push(result)
    expect(streamed.filter((result) => result.ok)).toHaveLength(4)
    const failed = streamed.find((result) => !result.ok)
    expect(failed && !failed.ok && failed.error).toBeInstanceOf(NotFoundError)
    expect((await cc.people.search({ id: people[0]?.id as string }))[0]?.city).toBe('Boston')
  })

  it('users.list and me', async () => {
    const { cc } = connect()
    const users = await cc.users.list()
    const me = await cc.me()
    expect(users.map((user) => user.id)).toContain(me.id)
    expect(await cc.users.me()).toEqual(me)
  })

  it('deals.create, update and move; activities.create', async () => {
    const { cc } = connect()
    const person = await firstContact(cc)
    const deal = await cc.deals.create({ title: '123 Main St', pipelineId: 'pipe_buyers', peopleIds: [person.id] })
    expect(deal.id).toMatch(/^deal_/)
    const replaced = { title: '123 Main St - Offer', pipelineId: 'pipe_buyers', pricing: 450_000 }
    expect(await cc.deals.update(deal.id, replaced)).toMatchObject({ success: true })
    expect(await cc.deals.move(deal.id, { stageId: 'dstage_buyer_offer' })).toMatchObject({ success: true })
    await expect(cc.deals.move('deal_nope', { stageId: 'dstage_buyer_offer' })).rejects.toThrow(NotFoundError)
    const activity = await cc.activities.create({ personId: person.id, type: 'call', content: 'Called' })
    expect(activity).toMatchObject({ personId: person.id, type: 'call', content: 'Called' })
  })

  it('server errors name their fields and carry the request id, with or without the header', async () => {
    const { cc } = connect()
    const error = (await cc.deals
      .create({ title: 'x', pipelineId: 'pipe_nope' })
      .catch((e: unknown) => e)) as UnprocessableEntityError
    expect(error).toBeInstanceOf(UnprocessableEntityError)
    expect(Object.keys(error.fieldErrors)).toEqual(['pipelineId'])
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('the request id comes from the body; only the sandbox profile repeats it in X-Request-Id (over loopback)', async () => {
    const { cc } = connect({}, true)
    const { data, meta, requestId, response } = await cc.me().withResponse()
    expect(data.requestId).toBe(requestId)
    expect(meta?.requestId).toBe(requestId)
    expect(response.headers.get('x-request-id')).toBe(docs ? null : requestId)
  })

  it('a field the docs do not list: the client refuses it; sent anyway, the profiles part ways', async () => {
    const { cc, sent } = connect()
    // The client's own rules: nothing is sent.
    await expect(cc.people.create({ firstName: 'A', zipcode: '78701' } as never)).rejects.toThrow(ValidationError)
    expect(sent()).toEqual([])
    // extraBody sends it after validation; so does validate: { request: 'documented' }.
    const settled = <T>(promise: Promise<T>) =>
      promise.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      )
    const viaExtra = await settled(cc.people.create({ firstName: 'A' }, { extraBody: { zipcode: '78701' } }))
    const documented = await settled(
      cc.people.create({ firstName: 'B', zipcode: '78701' } as never, { validate: { request: 'documented' } }),
    )
    expect(sent()).toEqual(['POST /v1/people', 'POST /v1/people'])
    if (docs) {
      expect('value' in viaExtra && viaExtra.value.person).toMatchObject({ firstName: 'A' })
      expect('value' in viaExtra && viaExtra.value.person).not.toHaveProperty('zipCode')
      expect('value' in documented && documented.value.created).toBe(true)
    } else {
      const error = 'error' in viaExtra ? (viaExtra.error as UnprocessableEntityError) : undefined
      expect(error).toBeInstanceOf(UnprocessableEntityError)
      expect(error?.fieldErrors).toEqual({ zipcode: 'is not a known field — did you mean zipCode?' })
      expect('error' in documented && documented.error).toBeInstanceOf(UnprocessableEntityError)
    }
  })

  it('a rule of ours, skipped with validate: { request: false }: refused by the sandbox profile, by the server in docs', async () => {
    const { cc } = connect({ validate: { request: false, response: 'strict' } })
    const error = (await cc.deals
      .create({ title: 'Empty pipeline', pipelineId: '' })
      .catch((e: unknown) => e)) as UnprocessableEntityError
    expect(error).toBeInstanceOf(UnprocessableEntityError)
    expect(error.fieldErrors.pipelineId).toMatch(docs ? /is not a known pipeline/ : /must not be empty/)
  })
})
