import { describe, expect, it } from 'vitest'
import {
  createClient,
  InternalServerError,
  isApiNotFound,
  isMissingRoute,
  NotFoundError,
  ValidationError,
} from '../index.js'
import { ApiError, CcError } from './errors.js'
import { RouteMemory } from './missing-route.js'
import { collectingLogger, errorBody, json, meta, offline, person, recording } from './test-fetch.js'

const ID = 'jd79abc123def'

/** A server whose `GET /people/{id}` answers `direct`, and whose search by id finds `found`. */
function server(direct: () => Response, found: unknown[] = [person(ID)]) {
  return recording(async (request) => {
    const url = new URL(request.url)
    if (url.pathname === '/v1/people/search') {
      const id = url.searchParams.get('id')
      const data = found.filter((item) => (item as { id: string }).id === id || id === null)
      return json(200, { meta: meta('req_search'), data })
    }
    return direct()
  })
}

const paths = (sent: { method: string; url: URL }[]) => sent.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`)

describe('people.get when GET /people/{id} is not served', () => {
  const missing: [string, () => Response][] = [
    ['a 405', () => json(405, errorBody('method_not_allowed', 'GET is not allowed here'), { allow: 'PUT, DELETE' })],
    ['a 501', () => new Response('Not Implemented', { status: 501 })],
    ['a 404 HTML page', () => new Response('<h1>Not Found</h1>', { status: 404 })],
    ['an empty 404', () => new Response(null, { status: 404 })],
    ['a 404 without meta.requestId', () => json(404, { message: 'Not Found' })],
    ['a 404 in the envelope with another code', () => json(404, errorBody('route_not_found', 'No such route'))],
  ]

  it.each(missing)('%s: reads the contact with the search by id', async (_, direct) => {
    const { fetch, sent } = server(direct)
    const cc = createClient(offline(fetch, { logLevel: 'off' }))
    const { data, requestId, meta: answerMeta } = await cc.people.get(ID).withResponse()
    expect(data).toEqual(person(ID))
    expect(requestId).toBe('req_search')
    expect(answerMeta?.requestId).toBe('req_search')
    expect(paths(sent)).toEqual([`GET /v1/people/${ID}`, `GET /v1/people/search?id=${ID}`])
  })

  it("the API's own 404 (its envelope, code not_found) is a NotFoundError: no fallback", async () => {
    const { fetch, sent } = server(() => json(404, errorBody('not_found', `Contact ${ID} not found`, 'req_nf')))
    const cc = createClient(offline(fetch))
    const error = await cc.people.get(ID).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NotFoundError)
    expect(isApiNotFound(error)).toBe(true)
    expect(isMissingRoute(error)).toBe(false)
    expect(paths(sent)).toEqual([`GET /v1/people/${ID}`])
  })

  it('is remembered for the client and the clients derived from it: later gets go straight to the search', async () => {
    const { logger, lines } = collectingLogger()
    const { fetch, sent } = server(
      () => json(405, errorBody('method_not_allowed', 'no')),
      [person(ID), person('jd79other0001')],
    )
    const cc = createClient(offline(fetch, { logger, logLevel: 'info' }))
    await cc.people.get(ID)
    await cc.people.get('jd79other0001')
    await cc.withOptions({ timeout: 5_000 }).people.get(ID)
    expect(paths(sent)).toEqual([
      `GET /v1/people/${ID}`,
      `GET /v1/people/search?id=${ID}`,
      'GET /v1/people/search?id=jd79other0001',
      `GET /v1/people/search?id=${ID}`,
    ])
    const noted = lines.filter((line) => line.line.includes('is not served'))
    expect(noted.map((line) => [line.level, line.line])).toEqual([
      [
        'info',
        expect.stringMatching(
          /GET \/people\/\{id\} is not served \(405\): contacts are read with searchPeople by id from now on \(https:\/\/.*ASSUMPTIONS\.md#get-person-endpoint\)$/,
        ),
      ],
    ])
    // A new client asks the server again.
    await createClient(offline(fetch, { logLevel: 'off' })).people.get(ID)
    expect(paths(sent).at(-2)).toBe(`GET /v1/people/${ID}`)
  })

  it('a search that finds no such contact is the NotFoundError get would give', async () => {
    const { fetch, sent } = server(() => json(405, errorBody('method_not_allowed', 'no')), [person('jd79someone99')])
    const cc = createClient(offline(fetch))
    const error = (await cc.people.get(ID).catch((e: unknown) => e)) as NotFoundError
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error).toMatchObject({ status: 404, code: 'not_found', requestId: 'req_search', method: 'GET' })
    expect(error.message).toBe(`404 not_found: Contact ${ID} not found (GET /people/search, request req_search)`)
    // The id is still checked as the route checks it, and nothing is sent for a bad one.
    const count = sent.length
    await expect(cc.people.get('../x')).rejects.toThrow(ValidationError)
    expect(sent).toHaveLength(count)
  })

  it("the search's own failure is the error", async () => {
    const { fetch } = recording(async (request) =>
      new URL(request.url).pathname === '/v1/people/search'
        ? json(500, errorBody('internal_error', 'search is down', 'req_down'))
        : json(405, errorBody('method_not_allowed', 'no')),
    )
    const cc = createClient(offline(fetch, { maxRetries: 0 }))
    const error = await cc.people.get(ID).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InternalServerError)
    expect((error as InternalServerError).path).toBe('/people/search')
  })
})

describe('what a 404 says', () => {
  const init = {
    method: 'GET',
    path: `/people/${ID}`,
    attempts: 1,
    code: 'not_found',
    serverMessage: 'gone',
    requestId: undefined,
    headers: {},
  }
  const notFound = (body: unknown, status = 404) => new NotFoundError({ ...init, status, body })
  const envelope = { meta: { requestId: 'r1' }, error: { code: 'not_found', message: 'gone' } }

  it("the API's own: its envelope, meta.requestId as text and the code not_found", () => {
    expect(isApiNotFound(notFound(envelope))).toBe(true)
    expect(isMissingRoute(notFound(envelope))).toBe(false)
  })

  it.each([
    ['no body', undefined],
    ['text', 'Not Found'],
    ['null', null],
    ['no meta', { error: { code: 'not_found' } }],
    ['meta null', { meta: null, error: { code: 'not_found' } }],
    ['a request id that is not text', { meta: { requestId: 7 }, error: { code: 'not_found' } }],
    ['no error', { meta: { requestId: 'r1' } }],
    ['error null', { meta: { requestId: 'r1' }, error: null }],
    ['error as text', { meta: { requestId: 'r1' }, error: 'not_found' }],
    ['another code', { meta: { requestId: 'r1' }, error: { code: 'route_not_found' } }],
  ])('not the API’s with %s: a missing route', (_, body) => {
    expect(isApiNotFound(notFound(body))).toBe(false)
    expect(isMissingRoute(notFound(body))).toBe(true)
  })

  it('only a NotFoundError with status 404 can be the API’s own', () => {
    expect(isApiNotFound(new ApiError({ ...init, status: 404, body: envelope }))).toBe(false)
    expect(isApiNotFound(notFound(envelope, 410))).toBe(false)
    expect(isApiNotFound(new CcError('not found'))).toBe(false)
  })

  it('a 405 or a 501 is always a missing route; other statuses and errors never', () => {
    expect(isMissingRoute(new ApiError({ ...init, status: 405, body: envelope }))).toBe(true)
    expect(isMissingRoute(new ApiError({ ...init, status: 501, body: envelope }))).toBe(true)
    expect(isMissingRoute(new ApiError({ ...init, status: 500, body: undefined }))).toBe(false)
    expect(isMissingRoute(new ApiError({ ...init, status: 403, body: undefined }))).toBe(false)
    expect(isMissingRoute(new CcError('boom'))).toBe(false)
    expect(isMissingRoute(undefined)).toBe(false)
  })
})

describe('RouteMemory', () => {
  it('remembers a missing operation, and says so only the first time', () => {
    const routes = new RouteMemory()
    expect(routes.isMissing('getPerson')).toBe(false)
    expect(routes.markMissing('getPerson')).toBe(true)
    expect(routes.markMissing('getPerson')).toBe(false)
    expect(routes.isMissing('getPerson')).toBe(true)
    expect(routes.isMissing('listPeople')).toBe(false)
  })
})
