import { fieldErrors, UpdateContactInput } from '@cc/schema'
import { describe, expect, it } from 'vitest'
import type * as z from 'zod'
import {
  AuthenticationError,
  ConflictError,
  createClient,
  NotFoundError,
  Page,
  UnprocessableEntityError,
  ValidationError,
} from '../src/index.js'
import { allContacts, recording, transports, useSandbox } from './helpers.js'

const { sandbox, client } = useSandbox()

describe.each(transports)('every method, %s', (transport) => {
  it('people.list: await gives the first page; for await walks every page', async () => {
    const cc = client(transport)
    const page = await cc.people.list({ limit: 7 })
    expect(page).toBeInstanceOf(Page)
    expect(page.data).toHaveLength(7)
    expect(page.meta).toMatchObject({ count: 7, hasMore: true })
    expect(page.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(page.hasNextPage()).toBe(true)
    const second = await page.getNextPage()
    expect(second.data[0]?.id).not.toBe(page.data[0]?.id)

    const seen: string[] = []
    for await (const person of cc.people.list({ limit: 7 })) seen.push(person.id)
    const pages: number[] = []
    for await (const each of page.iterPages()) pages.push(each.data.length)
    expect(new Set(seen).size).toBe(seen.length)
    expect(pages.reduce((a, b) => a + b, 0)).toBe(seen.length)
    expect(pages.length).toBe(Math.ceil(seen.length / 7))
    expect(seen.length).toBeGreaterThan(100)
  })

  it('people.list: the last page has no next page', async () => {
    const cc = client(transport)
    let last = await cc.people.list({ limit: 100 })
    while (last.hasNextPage()) last = await last.getNextPage()
    expect(last.meta.hasMore).toBe(false)
    await expect(last.getNextPage()).rejects.toThrow('There is no next page: check hasNextPage() first')
  })

  it('people.get, people.search', async () => {
    const cc = client(transport)
    const [first] = (await cc.people.list({ limit: 1 })).data
    if (!first) throw new Error('the sandbox has no contacts')
    const person = await cc.people.get(first.id)
    expect(person).toEqual(first)
    const email = first.emails[0]?.value
    if (!email) throw new Error('the first contact has no email')
    const found = await cc.people.search({ email: email.toUpperCase() })
    expect(found.map((p) => p.id)).toContain(first.id)
    expect(await cc.people.search({ email: 'nobody@nowhere.example' })).toEqual([])
  })

  it('people.create, then update, then delete (trash and permanent)', async () => {
    const cc = client(transport)
    const made = await cc.people.create({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      tags: ['VIP'],
    })
    expect(made).toMatchObject({ created: true, person: { firstName: 'Ada', tags: 'VIP' } })
    const again = await cc.people.create({ email: 'ada@example.com', city: 'London' })
    expect(again).toMatchObject({ created: false, id: made.id })

    expect(await cc.people.update(made.id, { city: 'Austin', state: 'TX', tags: ['VIP', 'Buyer'] })).toEqual({
      success: true,
      message: 'Operation completed successfully',
    })
    expect(await cc.people.get(made.id)).toMatchObject({ city: 'Austin', state: 'TX', tags: 'VIP, Buyer' })

    expect(await cc.people.delete(made.id)).toEqual({ deleted: true, permanent: false })
    await expect(cc.people.get(made.id)).rejects.toThrow(NotFoundError)
    const other = await cc.people.create({ email: 'grace@example.com' })
    expect(await cc.people.delete(other.id, { permanent: true })).toEqual({ deleted: true, permanent: true })
  })

  it('users.list and me', async () => {
    const cc = client(transport)
    const users = await cc.users.list()
    const me = await cc.me()
    expect(users.length).toBeGreaterThan(1)
    expect(users.map((u) => u.id)).toContain(me.id)
  })

  it('deals.create, update, move; activities.create', async () => {
    const cc = client(transport)
    const [person] = (await cc.people.list({ limit: 1 })).data
    if (!person) throw new Error('the sandbox has no contacts')
    const deal = await cc.deals.create({ title: '123 Main St', pipelineId: 'pipe_buyers', peopleIds: [person.id] })
    expect(deal.id).toEqual(expect.any(String))
    expect(
      await cc.deals.update(deal.id, { title: '123 Main St - Purchase', pipelineId: 'pipe_buyers', pricing: 450_000 }),
    ).toMatchObject({
      success: true,
    })
    expect(await cc.deals.move(deal.id, { stageId: 'dstage_buyer_offer' })).toMatchObject({ success: true })
    const activity = await cc.activities.create({
      personId: person.id,
      type: 'note',
      content: 'Called about the offer',
    })
    expect(activity).toMatchObject({ personId: person.id, type: 'note', content: 'Called about the offer' })
  })
})

describe('results', () => {
  it('carry a non-enumerable requestId, and withResponse gives data, meta and the response', async () => {
    const cc = client('in-process')
    const me = await cc.me()
    expect(me.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(Object.keys(me)).not.toContain('requestId')
    expect(JSON.stringify(me)).not.toContain(me.requestId as string)

    const users = await cc.users.list()
    expect((users as typeof users & { requestId: string }).requestId).toMatch(/^[0-9a-f-]{36}$/)

    const { data, meta, response, requestId } = await cc.me().withResponse()
    expect(data.id).toBe(me.id)
    expect(meta).toMatchObject({ requestId, version: '1.0.0' })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-request-id')).toBe(requestId)
  })
})

describe('errors from the sandbox', () => {
  it('NotFoundError for an unknown contact, with the request id in the message', async () => {
    const error = (await client('loopback')
      .people.get('zzzzzzzzzzzz')
      .catch((e: unknown) => e)) as NotFoundError
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error.message).toBe(
      `404 not_found: Contact zzzzzzzzzzzz not found (GET /people/zzzzzzzzzzzz, request ${error.requestId})`,
    )
  })

  it('AuthenticationError for a wrong key', async () => {
    const cc = client('loopback', { apiKey: 'ccmd_live_wrong_key_123' })
    await expect(cc.me()).rejects.toThrow(AuthenticationError)
  })

  it('UnprocessableEntityError with field issues for references the server does not know', async () => {
    const error = (await client('in-process')
      .deals.create({ title: 'x', pipelineId: 'pipe_nope' })
      .catch((e: unknown) => e)) as UnprocessableEntityError
    expect(error).toBeInstanceOf(UnprocessableEntityError)
    expect(Object.keys(error.fieldErrors)).toEqual(['pipelineId'])
  })

  it('ConflictError when an idempotency key is reused with another body', async () => {
    const cc = client('in-process', { maxRetries: 0 })
    await cc.people.create({ email: 'first@example.com' }, { idempotencyKey: 'same-key-1' })
    const replay = await cc.people.create({ email: 'first@example.com' }, { idempotencyKey: 'same-key-1' })
    expect(replay.created).toBe(true)
    await expect(cc.people.create({ email: 'other@example.com' }, { idempotencyKey: 'same-key-1' })).rejects.toThrow(
      ConflictError,
    )
  })
})

describe('input validation: nothing is sent', () => {
  const withRecorder = () => {
    const s = sandbox()
    const recorder = recording(s.fetch)
    const cc = createClient({
      apiKey: s.apiKey,
      baseUrl: 'http://localhost/v1',
      fetch: recorder.fetch,
      logLevel: 'off',
    })
    return { cc, sent: recorder.sent }
  }

  it('an invalid patch names each field and its rule, in the words of @cc/schema', async () => {
    const { cc, sent } = withRecorder()
    const patch = { email: 'not-an-email', state: 'Texas', tags: ['ok', ''], nickname: 'Al' }
    const error = (await cc.people.update('jd79abc123def', patch as never).catch((e: unknown) => e)) as ValidationError
    expect(error).toBeInstanceOf(ValidationError)
    const expected = fieldErrors(UpdateContactInput.safeParse(patch).error as z.ZodError)
    expect(error.fieldErrors).toEqual(expected)
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['email', 'nickname', 'state', 'tags.1'])
    expect(error.fieldErrors.email).toMatch(/valid email/)
    expect(error.fieldErrors.nickname).toMatch(/nickname: is not a known field/)
    expect(error.message).toBe(`Invalid input for people.update: ${Object.values(expected).join('; ')}`)
    expect(error.issues.length).toBeGreaterThanOrEqual(4)
    expect(sent).toHaveLength(0)
  })

  it('a bad query, a bad id, a bad idempotency key, bad options', async () => {
    const { cc, sent } = withRecorder()
    const keys = (promise: Promise<unknown>) =>
      promise.then(
        () => [],
        (error: ValidationError) => {
          expect(error).toBeInstanceOf(ValidationError)
          return Object.keys(error.fieldErrors)
        },
      )
    expect(await keys(cc.people.list({ limit: 500 }))).toEqual(['limit'])
    expect(await keys(cc.people.get('../x'))).toEqual(['id'])
    expect(await keys(cc.people.delete('short'))).toEqual(['id'])
    expect(await keys(cc.deals.update('..', { title: 't', pipelineId: 'pipe_buyers' }))).toEqual(['id'])
    expect(await keys(cc.deals.move('%2e%2E', { stageId: 's' }))).toEqual(['id'])
    expect(await keys(cc.deals.create({ title: '', pipelineId: '' }))).toEqual(['title', 'pipelineId'])
    expect(await keys(cc.activities.create({ personId: 'p', type: 'fax' as 'note' }))).toEqual(['type'])
    expect(await keys(cc.people.create({ email: 'a@b.co' }, { idempotencyKey: ' has space ' }))).toEqual([
      'idempotencyKey',
    ])
    expect(await keys(cc.people.get('jd79abc123def', { timeout: -5 }))).toEqual(['timeout'])
    expect(await keys(cc.people.get('jd79abc123def', { headers: { Authorization: 'Bearer x' } }))).toEqual(['headers'])
    expect(sent).toHaveLength(0)
  })

  it('what the docs do not forbid is sent: an empty patch, a search without criteria, an idempotency key with a space inside', async () => {
    const { cc, sent } = withRecorder()
    // An empty patch reaches the server, which answers for itself: here, that there is no such contact.
    await expect(cc.people.update('jd79abc123def', {})).rejects.toThrow(NotFoundError)
    expect(sent[0]?.method).toBe('PUT')
    expect(sent[0]?.body).toBe('{}')
    const [first] = (await cc.people.list({ limit: 1 })).data
    expect(await cc.people.update(first?.id ?? '', {})).toEqual({
      success: true,
      message: 'Operation completed successfully',
    })
    // No criterion: the sandbox answers the first contacts, at most 10 (ASSUMPTIONS.md#search-criteria).
    const found = await cc.people.search({})
    expect(found).toHaveLength(10)
    expect(sent.at(-1)?.url.pathname).toBe('/v1/people/search')
    expect(sent.at(-1)?.url.search).toBe('')
    // Only spaces at either end are refused (fetch would cut them); one inside is sent as it is.
    const made = await cc.people.create({ email: 'spaced-key@example.com' }, { idempotencyKey: 'has space' })
    expect(made.created).toBe(true)
    expect(sent.at(-1)?.headers.get('idempotency-key')).toBe('has space')
  })

  it('path segments are encoded', async () => {
    const { cc, sent } = withRecorder()
    await expect(cc.deals.move('a/b?c#d', { stageId: 'dstage_buyer_offer' })).rejects.toThrow(NotFoundError)
    expect(sent[0]?.url.pathname).toBe('/v1/deals/a%2Fb%3Fc%23d/move')
    expect(sent[0]?.url.search).toBe('')
  })
})

it('allContacts sees every seeded contact once', async () => {
  const people = await allContacts(client('in-process'))
  expect(new Set(people.map((p) => p.id)).size).toBe(people.length)
})
