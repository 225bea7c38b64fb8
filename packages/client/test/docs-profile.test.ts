import { describe, expect, it } from 'vitest'
import { createClient, NotFoundError, UnprocessableEntityError } from '../src/index.js'
import { collectingLogger, recording, transports, useSandbox } from './helpers.js'

// The sandbox as the API docs describe the API, and no more: only documented routes (no `GET /people/{id}`), no
// `success` in answers, no `X-Request-Id` header, only the docs' rules (fields they do not list are dropped).
const requests: string[] = []
const { sandbox, client } = useSandbox({ profile: 'docs', log: (line) => requests.push(line) })

/** A client over the docs profile in-process that records what it sends. */
function recorded(extra: Parameters<typeof createClient>[0] = {}) {
  const s = sandbox()
  const { fetch, sent } = recording(s.fetch)
  const cc = createClient({ apiKey: s.apiKey, baseUrl: 'http://localhost/v1', fetch, logLevel: 'off', ...extra })
  return { cc, sent }
}

describe.each(transports)('against the docs profile, %s', (transport) => {
  it('people.get falls back to the search by id, once, and remembers it', async () => {
    const { logger, lines } = collectingLogger()
    const cc = client(transport, { logger, logLevel: 'info' })
    const [first, second] = (await cc.people.list({ limit: 2 })).data
    if (!first || !second) throw new Error('the sandbox has too few contacts')
    const mark = requests.length
    expect(await cc.people.get(first.id)).toEqual(first)
    expect(await cc.people.get(second.id)).toEqual(second)
    expect(requests.slice(mark).map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual([
      `GET /v1/people/${first.id} 405`,
      `GET /v1/people/search 200`,
      `GET /v1/people/search 200`,
    ])
    expect(lines.filter((line) => line.line.includes('is not served (405)'))).toHaveLength(1)
    // An unknown id: what `get` gives against an API that serves the route.
    const error = (await cc.people.get('zzzzzzzzzzzz').catch((e: unknown) => e)) as NotFoundError
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error.message).toMatch(
      /^404 not_found: Contact zzzzzzzzzzzz not found \(GET \/people\/search, request [0-9a-f-]{36}\)$/,
    )
  })

  it('an update answered without `success` is a success; the request id comes from meta', async () => {
    const { logger, lines } = collectingLogger()
    const cc = client(transport, { logger, logLevel: 'info', validate: 'strict' })
    const [first] = (await cc.people.list({ limit: 1 })).data
    const result = await cc.people.update(first?.id ?? '', { city: 'Docsville' }).withResponse()
    expect(result.data).toEqual({ success: true, message: expect.any(String) })
    expect(result.body).not.toHaveProperty('success')
    expect(result.response.headers.get('x-request-id')).toBeNull()
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(result.data.requestId).toBe(result.requestId)
    expect(lines.at(-1)?.line).toMatch(new RegExp(`→ 200 in \\d+ ms \\(attempt 1/3, request ${result.requestId}\\)$`))
  })

  it('errors carry the request id of meta too', async () => {
    const cc = client(transport)
    const error = (await cc.people.update('zzzzzzzzzzzz', { city: 'x' }).catch((e: unknown) => e)) as NotFoundError
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error.headers['x-request-id']).toBeUndefined()
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(error.message).toContain(`request ${error.requestId}`)
  })

  it('a reset after the commit of DELETE: reported as deleted, already gone', async () => {
    const cc = client(transport)
    const made = await cc.people.create({ email: `docs-gone-${transport}@example.com` })
    sandbox().queueFaults(['reset'])
    expect(await cc.people.delete(made.id)).toEqual({ deleted: true, permanent: false, alreadyGone: true })
    await expect(cc.people.get(made.id)).rejects.toThrow(NotFoundError)
  })
})

describe('escape hatches against the docs profile', () => {
  it('a field the docs do not list, sent with extraBody, is let through', async () => {
    const { cc, sent } = recorded()
    const [first] = (await cc.people.list({ limit: 1 })).data
    expect(await cc.people.update(first?.id ?? '', { city: 'Austin' }, { extraBody: { nickname: 'Al' } })).toEqual({
      success: true,
      message: expect.any(String),
    })
    expect(JSON.parse(sent.at(-1)?.body ?? '')).toEqual({ city: 'Austin', nickname: 'Al' })
  })

  it("'documented' requests: what the docs allow is sent; what they forbid, the docs profile refuses too", async () => {
    const { cc, sent } = recorded({ validate: { request: 'documented' } })
    const [first] = (await cc.people.list({ limit: 1 })).data
    expect((await cc.people.update(first?.id ?? '', { nickname: 'Al' } as never)).success).toBe(true)
    const refused = await cc.people
      .update(first?.id ?? '', { state: 'Texas' }, { validate: { request: false } })
      .catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(UnprocessableEntityError)
    expect(Object.keys((refused as UnprocessableEntityError).fieldErrors)).toEqual(['state'])
    expect(sent.at(-1)?.method).toBe('PUT')
  })
})
