import { getEventListeners } from 'node:events'
import { describe, expect, it } from 'vitest'
import { answering, collectingLogger, errorBody, json, meta, offline, person, recording } from '../core/test-fetch.js'
import {
  type AbortError,
  type BulkProgress,
  type BulkResult,
  CcError,
  createClient,
  NotFoundError,
  ValidationError,
} from '../index.js'

const ID = 'jd79abc123def'
const OTHER = 'jd79other0001'
const updated = () => json(200, { meta: meta('req_upd'), success: true })

/** The error of a failed item. */
const errorOf = (result: BulkResult | undefined) => (result && !result.ok ? result.error : undefined)

/** What `promise` rejects with. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  )

describe('people.get falls back to the search by id', () => {
  /** A server without `GET /people/{id}` whose search by id answers `data`. */
  const searching = (data: unknown) =>
    recording(async (request) =>
      new URL(request.url).pathname === '/v1/people/search'
        ? json(200, { meta: meta('req_search'), data })
        : json(405, errorBody('method_not_allowed', 'no')),
    )

  it('picks the contact with that id out of what the search found', async () => {
    const { fetch, sent } = searching([null, person(OTHER), person(ID)])
    const cc = createClient(offline(fetch, { logLevel: 'off', validate: 'off' }))
    expect((await cc.people.get(ID)).id).toBe(ID)
    expect(sent.at(-1)?.url.search).toBe(`?id=${ID}`)
  })

  it.each([
    ['an empty search', []],
    ['another contact only', [person(OTHER)]],
    ['data that is not a list', { id: ID }],
  ])('%s: NotFoundError', async (_, data) => {
    const { fetch } = searching(data)
    const cc = createClient(offline(fetch, { logLevel: 'off', validate: 'off' }))
    const error = (await failure(cc.people.get(ID))) as NotFoundError
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error.message).toBe(`404 not_found: Contact ${ID} not found (GET /people/search, request req_search)`)
  })

  it('a search that answers without a body (validation off): NotFoundError', async () => {
    const { fetch } = recording(async (request) =>
      new URL(request.url).pathname === '/v1/people/search'
        ? new Response(null, { status: 200, headers: { 'x-request-id': 'req_empty' } })
        : json(405, errorBody('method_not_allowed', 'no')),
    )
    const cc = createClient(offline(fetch, { logLevel: 'off', validate: 'off' }))
    const error = (await failure(cc.people.get(ID))) as NotFoundError
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error.message).toBe(`404 not_found: Contact ${ID} not found (GET /people/search, request req_empty)`)
  })

  it('a failure of the direct route that is not a missing route is the error, and nothing is remembered', async () => {
    const { logger, lines } = collectingLogger()
    let calls = 0
    const { fetch, sent } = recording(async () =>
      ++calls === 1 ? json(403, errorBody('forbidden', 'not yours')) : json(200, { meta: meta(), data: person(ID) }),
    )
    const cc = createClient(offline(fetch, { logger, logLevel: 'info' }))
    expect((await failure(cc.people.get(ID))) as Error).toMatchObject({ name: 'PermissionDeniedError' })
    expect((await cc.people.get(ID)).id).toBe(ID)
    expect(sent.map((request) => request.url.pathname)).toEqual([`/v1/people/${ID}`, `/v1/people/${ID}`])
    expect(lines.filter((line) => line.line.includes('not served'))).toEqual([])
  })
})

describe('people.list', () => {
  it('a page answered without a body (validation off) is an empty last page', async () => {
    const cc = createClient(offline(answering(() => new Response(null, { status: 200 })).fetch, { validate: 'off' }))
    const page = await cc.people.list()
    expect(page.data).toEqual([])
    expect(page.meta).toEqual({})
    expect(page.hasNextPage()).toBe(false)
  })
})

describe('people.create, update and delete', () => {
  it('create sends the idempotency key as a header, never as an option of the call', async () => {
    const { fetch, sent } = answering(() =>
      json(201, { meta: meta(), data: { created: true, id: ID, person: person(ID) } }),
    )
    const cc = createClient(offline(fetch))
    await cc.people.create({ email: 'a@example.com' }, { idempotencyKey: 'key-1', timeout: 5_000 })
    expect(sent[0]?.headers.get('idempotency-key')).toBe('key-1')
    expect(sent[0]?.url.search).toBe('')
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({ email: 'a@example.com' })
  })

  it('delete: to the trash by default, for good with permanent: true', async () => {
    const { fetch, sent } = answering(() =>
      json(200, { meta: meta(), success: true, data: { deleted: true, permanent: false } }),
    )
    const cc = createClient(offline(fetch))
    expect(await cc.people.delete(ID)).toEqual({ deleted: true, permanent: false })
    await cc.people.delete(ID, { permanent: true })
    await cc.people.delete(ID, { permanent: false })
    expect(sent.map((request) => `${request.method} ${request.url.pathname}${request.url.search}`)).toEqual([
      `DELETE /v1/people/${ID}?permanent=false`,
      `DELETE /v1/people/${ID}?permanent=true`,
      `DELETE /v1/people/${ID}?permanent=false`,
    ])
  })

  it('a delete that was already done says so, and whether it was for good', async () => {
    const reset = () => Promise.reject(new TypeError('fetch failed', { cause: new Error('socket hang up') }))
    const gone = () => json(404, errorBody('not_found', 'gone'))
    for (const permanent of [undefined, false, true]) {
      const { fetch } = answering(reset, gone)
      const result = await createClient(offline(fetch)).people.delete(ID, { permanent })
      expect(result).toEqual({ deleted: true, permanent: permanent === true, alreadyGone: true })
    }
  })
})

describe('people.updateMany', () => {
  const items = (ids: string[]) => ids.map((id) => ({ id, patch: { city: 'Austin' } }))

  it('refuses bad options and a source that is not iterable, naming them; nothing is sent', async () => {
    const { fetch, sent } = answering(updated)
    const cc = createClient(offline(fetch))
    const bad = (await failure(cc.people.updateMany(items([ID]), { concurrency: 65 }))) as ValidationError
    expect(bad).toBeInstanceOf(ValidationError)
    expect(bad.message).toBe('Invalid options for people.updateMany: concurrency: must be at most 64')
    const notFunction = (await failure(
      cc.people.updateMany(items([ID]), { onProgress: 'log' as never }),
    )) as ValidationError
    expect(notFunction.fieldErrors).toEqual({ onProgress: 'onProgress: must be a function' })
    const notIterable = (await failure(cc.people.updateMany({ id: ID } as never))) as ValidationError
    expect(notIterable.message).toBe(
      'Invalid input for people.updateMany: items: must be an array, an iterable or an async iterable of { id, patch }',
    )
    // Not a problem of the body's fields: no zod issues, the field errors say it.
    expect(notIterable.issues).toEqual([])
    expect(notIterable.fieldErrors).toEqual({
      items: 'items: must be an array, an iterable or an async iterable of { id, patch }',
    })
    expect(() => cc.people.updateManyStream(5 as never)).toThrow(
      'Invalid input for people.updateManyStream: items: must be an array, an iterable or an async iterable of { id, patch }',
    )
    expect(() => cc.people.updateManyStream([], { concurrency: 0 })).toThrow(
      'Invalid options for people.updateManyStream: concurrency: must be at least 1',
    )
    expect(await cc.people.updateMany(items([ID]), { concurrency: 64 })).toHaveLength(1)
    expect(await cc.people.updateMany(items([ID]), { concurrency: 1 })).toHaveLength(1)
    expect(sent).toHaveLength(2)
  })

  it('runs 4 at a time unless told otherwise', async () => {
    let running = 0
    let most = 0
    const slow = async () => {
      most = Math.max(most, ++running)
      await new Promise((resolve) => setTimeout(resolve, 5))
      running--
      return updated()
    }
    const cc = createClient(offline(slow))
    await cc.people.updateMany(items(Array.from({ length: 12 }, (_, i) => `jd79item${String(i).padStart(4, '0')}`)))
    expect(most).toBe(4)
    most = 0
    await cc.people.updateMany(items(Array.from({ length: 12 }, (_, i) => `jd79item${String(i).padStart(4, '0')}`)), {
      concurrency: 2,
    })
    expect(most).toBe(2)
  })

  it('retries each item 6 times by default, the client’s maxRetries when higher, or the run’s', async () => {
    const attempts = async (clientRetries: number | undefined, runRetries?: number) => {
      const { fetch, sent } = answering(() => json(503, errorBody('service_unavailable', 'busy')))
      const cc = createClient(offline(fetch, clientRetries === undefined ? {} : { maxRetries: clientRetries }))
      const [result] = await cc.people.updateMany(
        items([ID]),
        runRetries === undefined ? {} : { maxRetries: runRetries },
      )
      expect(result?.ok).toBe(false)
      return sent.length
    }
    expect(await attempts(undefined)).toBe(7)
    expect(await attempts(8)).toBe(9)
    expect(await attempts(1)).toBe(7)
    expect(await attempts(8, 0)).toBe(1)
  })

  it('reports progress: done, total (for an array), succeeded, failed and the result', async () => {
    const { fetch } = recording(async (request) =>
      request.url.endsWith(OTHER) ? json(404, errorBody('not_found', 'gone')) : updated(),
    )
    const cc = createClient(offline(fetch))
    const seen: BulkProgress[] = []
    const results = await cc.people.updateMany(items([ID, OTHER]), { concurrency: 1, onProgress: (p) => seen.push(p) })
    expect(seen.map(({ done, total, succeeded, failed }) => ({ done, total, succeeded, failed }))).toEqual([
      { done: 1, total: 2, succeeded: 1, failed: 0 },
      { done: 2, total: 2, succeeded: 1, failed: 1 },
    ])
    expect(seen.map((p) => p.result)).toEqual(results)
    expect(results[0]).toEqual({ index: 0, id: ID, ok: true, requestId: 'req_upd' })
    expect(results[1]).toMatchObject({ index: 1, id: OTHER, ok: false })
    expect(errorOf(results[1])).toBeInstanceOf(NotFoundError)

    function* generated() {
      yield* items([ID])
    }
    const totals: (number | undefined)[] = []
    await cc.people.updateMany(generated(), { onProgress: (p) => totals.push(p.total) })
    expect(totals).toEqual([undefined])
  })

  it('an item that is not { id, patch } gets its ValidationError, named by its index', async () => {
    const { fetch, sent } = answering(updated)
    const cc = createClient(offline(fetch))
    const results = await cc.people.updateMany([null, { id: ID, patch: { city: 'Austin' } }] as never)
    expect(results[0]).toMatchObject({ index: 0, id: 'undefined', ok: false })
    const error = errorOf(results[0]) as ValidationError
    expect(error).toBeInstanceOf(ValidationError)
    expect(error.message).toMatch(/^Invalid input for people\.updateMany\[0\]: /)
    expect(results[1]).toMatchObject({ index: 1, id: ID, ok: true })
    expect(sent).toHaveLength(1)
  })

  it('an id that cannot even be turned into text gets its own failure; the run goes on', async () => {
    const { fetch, sent } = answering(updated)
    const cc = createClient(offline(fetch))
    const results = await cc.people.updateMany([
      { id: Object.create(null) as string, patch: { city: 'Austin' } },
      { id: ID, patch: { city: 'Austin' } },
    ])
    expect(results[0]).toMatchObject({ index: 0, id: '', ok: false })
    expect(errorOf(results[0])).toBeInstanceOf(ValidationError)
    expect((errorOf(results[0]) as ValidationError).fieldErrors).toEqual({ id: 'id: must be text' })
    expect(results[1]).toMatchObject({ index: 1, id: ID, ok: true })
    expect(sent).toHaveLength(1)
  })

  it('a failure that is not ours still becomes a result', async () => {
    const cc = createClient(offline(answering(updated).fetch))
    const evil = {
      get id(): string {
        throw new TypeError('a getter that throws')
      },
      patch: {},
    }
    const [result] = (await cc.people.updateMany([evil])) as BulkResult[]
    expect(result).toMatchObject({ index: 0, id: '', ok: false })
    const error = errorOf(result) as CcError
    expect(error).toBeInstanceOf(CcError)
    expect(error.message).toBe('Unexpected failure')
    expect(error.cause).toBeInstanceOf(TypeError)
  })

  it('a signal that has aborted before the run: every item gets an AbortError, nothing is sent', async () => {
    const { fetch, sent } = answering(updated)
    const cc = createClient(offline(fetch))
    const reason = new Error('cancelled')
    const results = await cc.people.updateMany(items([ID, OTHER]), { signal: AbortSignal.abort(reason) })
    expect(results.map((r) => (r.ok ? 'ok' : r.error.name))).toEqual(['AbortError', 'AbortError'])
    const error = errorOf(results[0]) as AbortError
    expect(error).toMatchObject({ attempts: 0, method: 'PUT', path: `/people/${ID}` })
    expect(error.cause).toBe(reason)
    expect(sent).toHaveLength(0)
  })

  it('leaves no listener on the caller’s signal once the run is over', async () => {
    const controller = new AbortController()
    const cc = createClient(offline(answering(updated).fetch))
    await cc.people.updateMany(items([ID, OTHER]), { signal: controller.signal })
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
    for await (const _ of cc.people.updateManyStream(items([ID]), { signal: controller.signal })) {
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1)
    }
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
  })

  it('once the caller’s signal has aborted, the run holds no listener on it, even before it ends', async () => {
    const controller = new AbortController()
    let calls = 0
    // The first update is answered; the others wait until they are aborted.
    const fetch = async (request: Request) =>
      ++calls === 1
        ? updated()
        : new Promise<Response>((_, reject) => {
            request.signal.addEventListener('abort', () => reject(request.signal.reason))
          })
    const cc = createClient(offline(fetch))
    const listeners: number[] = []
    const names: string[] = []
    for await (const result of cc.people.updateManyStream(items([ID, OTHER, ID, OTHER]), {
      signal: controller.signal,
      concurrency: 1,
    })) {
      names.push(result.ok ? 'ok' : result.error.name)
      if (names.length === 1) controller.abort(new Error('cancelled'))
      listeners.push(getEventListeners(controller.signal, 'abort').length)
    }
    expect(names).toEqual(['ok', 'AbortError', 'AbortError', 'AbortError'])
    expect(listeners).toEqual([0, 0, 0, 0])
  })

  it('a stream nobody reads sends nothing and holds no listener', async () => {
    const controller = new AbortController()
    const { fetch, sent } = answering(updated)
    const stream = createClient(offline(fetch)).people.updateManyStream(items([ID]), { signal: controller.signal })
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(sent).toHaveLength(0)
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
    await stream.return()
  })
})
