import { describe, expect, it } from 'vitest'
import { createClient, UnprocessableEntityError, ValidationError } from '../src/index.js'
import { recording, useSandbox } from './helpers.js'

const { sandbox } = useSandbox()

/** A client over the sandbox in-process, and every request it sent. */
function recorded(extra: Parameters<typeof createClient>[0] = {}) {
  const s = sandbox()
  const { fetch, sent } = recording(s.fetch)
  const cc = createClient({ apiKey: s.apiKey, baseUrl: 'http://localhost/v1', fetch, logLevel: 'off', ...extra })
  return { cc, sent }
}

async function firstId(cc: ReturnType<typeof createClient>): Promise<string> {
  const [first] = (await cc.people.list({ limit: 1 })).data
  if (!first) throw new Error('the sandbox has no contacts')
  return first.id
}

describe('request objects stay strict by default', () => {
  it('a misspelt field is refused, in types and at run time, naming the closest known field; nothing is sent', async () => {
    const { cc, sent } = recorded()
    // @ts-expect-error `zipcode` is not a field of the patch: `zipCode` is
    const error = await cc.people.update('jd79abc123def', { zipcode: '78701' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).fieldErrors).toEqual({
      zipcode: 'zipcode: is not a known field — did you mean zipCode?',
    })
    // @ts-expect-error `limt` is not a parameter of the list: `limit` is
    await expect(cc.people.list({ limt: 5 })).rejects.toThrow(/limt: is not a known field — did you mean limit\?/)
    expect(sent).toHaveLength(0)
  })
})

describe('escape hatches, per call', () => {
  it('extraBody: fields added after validation, sent as given, over fields of the same name', async () => {
    const { cc, sent } = recorded()
    const id = await firstId(cc)
    const error = await cc.people
      .update(id, { city: 'Austin', state: 'TX' }, { extraBody: { nickname: 'Al', state: 'tx' } })
      .catch((e: unknown) => e)
    expect(JSON.parse(sent.at(-1)?.body ?? '')).toEqual({ city: 'Austin', state: 'tx', nickname: 'Al' })
    // The sandbox's default profile checks our rules too: it names both fields the client let through.
    expect(error).toBeInstanceOf(UnprocessableEntityError)
    expect(Object.keys((error as UnprocessableEntityError).fieldErrors).sort()).toEqual(['nickname', 'state'])
  })

  it('extraQuery: parameters added after validation, sent as given', async () => {
    const { cc, sent } = recorded()
    await cc.people.list({ limit: 3 }, { extraQuery: { limit: 2, sort: 'name', archived: false } }).catch(() => null)
    const url = sent.at(-1)?.url
    expect(url?.pathname).toBe('/v1/people')
    expect(Object.fromEntries(url?.searchParams ?? [])).toEqual({ limit: '2', sort: 'name', archived: 'false' })
  })

  it('extraHeaders: sent exactly as given, over the client own headers, never Authorization', async () => {
    const { cc, sent } = recorded({ headers: { 'x-app': 'crm-sync' } })
    const me = await cc.me({ extraHeaders: { 'X-Trace': 'abc 123', Accept: 'application/json; charset=utf-8' } })
    expect(me.id).toEqual(expect.any(String))
    const headers = sent.at(-1)?.headers
    expect(headers?.get('x-trace')).toBe('abc 123')
    expect(headers?.get('accept')).toBe('application/json; charset=utf-8')
    expect(headers?.get('x-app')).toBe('crm-sync')
    expect(headers?.get('authorization')).toBe(`Bearer ${sandbox().apiKey}`)

    const count = sent.length
    const refused = await cc.me({ extraHeaders: { AUTHORIZATION: 'Bearer other' } }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ValidationError)
    expect((refused as ValidationError).fieldErrors).toEqual({
      extraHeaders: 'extraHeaders: must not set Authorization: pass `apiKey` to the client instead',
    })
    const invalid = await cc.me({ extraHeaders: { 'x-bad': 'line\nbreak' } }).catch((e: unknown) => e)
    expect((invalid as ValidationError).fieldErrors).toEqual({
      extraHeaders: 'extraHeaders: must be valid HTTP header names and values',
    })
    expect(sent).toHaveLength(count)
  })

  it('an Idempotency-Key in extraHeaders replaces the one the client makes, and every retry sends it', async () => {
    const { cc, sent } = recorded({ backoff: { initialDelay: 1, maxDelay: 2 } })
    sandbox().queueFaults(['reset'])
    const made = await cc.people.create(
      { email: 'my-own-key@example.com' },
      { extraHeaders: { 'Idempotency-Key': 'order-7781' } },
    )
    expect(made.created).toBe(true)
    expect(sent.map((request) => request.headers.get('idempotency-key'))).toEqual(['order-7781', 'order-7781'])
  })

  it('extraBody on a call that sends no body is refused, naming the option', async () => {
    const { cc, sent } = recorded()
    const error = await cc.me({ extraBody: { x: 1 } }).catch((e: unknown) => e)
    expect((error as ValidationError).fieldErrors).toEqual({
      extraBody: 'extraBody: is only for calls that send a body (me sends none)',
    })
    expect(sent).toHaveLength(0)
  })
})

describe('validate: { request }', () => {
  it('false, per call: the input is sent as given', async () => {
    const { cc, sent } = recorded()
    const id = await firstId(cc)
    const patch = { zipcode: '78701', state: 'Texas' } as never
    await expect(cc.people.update(id, patch)).rejects.toThrow(ValidationError)
    const count = sent.length
    const answer = await cc.people.update(id, patch, { validate: { request: false } }).catch((e: unknown) => e)
    expect(sent).toHaveLength(count + 1)
    expect(JSON.parse(sent.at(-1)?.body ?? '')).toEqual({ zipcode: '78701', state: 'Texas' })
    expect(answer).toBeInstanceOf(UnprocessableEntityError)
    // A path segment the URL would resolve is still refused: it would change the route.
    await expect(cc.people.get('..', { validate: { request: false } })).rejects.toThrow(ValidationError)
    expect(sent).toHaveLength(count + 1)
  })

  it('false, per client: every call sends its input as given; a call may turn the check back on', async () => {
    const { cc, sent } = recorded({ validate: { request: false } })
    const id = await firstId(cc)
    // Not even the default limit is added: the query is the caller's.
    expect(sent.at(-1)?.url.search).toBe('?limit=1')
    await cc.people.update(id, { nickname: 'Al' } as never).catch(() => null)
    expect(JSON.parse(sent.at(-1)?.body ?? '')).toEqual({ nickname: 'Al' })
    const count = sent.length
    await expect(cc.people.update(id, { nickname: 'Al' } as never, { validate: { request: true } })).rejects.toThrow(
      ValidationError,
    )
    expect(sent).toHaveLength(count)
    // The response part of the client's `validate` is left as it was.
    await expect(cc.withOptions({ validate: 'strict' }).me()).resolves.toMatchObject({ id: expect.any(String) })
  })

  it("'documented': only what the docs state; fields they do not list pass through", async () => {
    const { cc, sent } = recorded()
    const id = await firstId(cc)
    const documented = { validate: { request: 'documented' } } as const
    // The docs' own rules still apply: a state is two capital letters.
    const error = await cc.people.update(id, { state: 'Texas' }, documented).catch((e: unknown) => e)
    expect((error as ValidationError).fieldErrors).toEqual({ state: expect.stringMatching(/^State: /) })
    const count = sent.length
    await cc.people.update(id, { nickname: 'Al', city: 'Austin' } as never, documented).catch(() => null)
    expect(sent).toHaveLength(count + 1)
    expect(JSON.parse(sent.at(-1)?.body ?? '')).toEqual({ nickname: 'Al', city: 'Austin' })
  })
})
