import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  AbortError,
  type BulkProgress,
  type BulkResult,
  createClient,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  ValidationError,
} from '../src/index.js'
import { errorBody, errorOf, json, recording, useSandbox } from './helpers.js'

const { sandbox, client } = useSandbox()

/** The ids of the first `n` seeded contacts. */
async function ids(n: number): Promise<string[]> {
  const found: string[] = []
  for await (const person of client('in-process').people.list({ limit: 100 })) {
    found.push(person.id)
    if (found.length === n) break
  }
  return found
}

afterEach(() => {
  vi.useRealTimers()
})

describe('people.updateMany', () => {
  it('updates every item, keeps the input order and reports progress', async () => {
    const targets = await ids(150)
    const cc = client('loopback')
    const progress: BulkProgress[] = []
    const results = await cc.people.updateMany(
      targets.map((id, i) => ({ id, patch: { timeframe: `bulk ${i}` } })),
      { concurrency: 6, onProgress: (p) => progress.push(p) },
    )
    expect(results.map((r) => r.id)).toEqual(targets)
    expect(results.every((r) => r.ok && /^[0-9a-f-]{36}$/.test(r.requestId ?? ''))).toBe(true)
    expect(progress.map((p) => p.done)).toEqual(targets.map((_, i) => i + 1))
    expect(progress.at(-1)).toMatchObject({ done: 150, total: 150, succeeded: 150, failed: 0 })
    for (const i of [0, 77, 149]) expect((await cc.people.get(targets[i] as string)).timeframe).toBe(`bulk ${i}`)
  })

  it('validates each item as it is reached: invalid ones are reported and never sent', async () => {
    const [a, b, c] = await ids(3)
    const { fetch, sent } = recording(sandbox().fetch)
    const cc = createClient({ apiKey: sandbox().apiKey, baseUrl: 'http://localhost/v1', fetch, logLevel: 'off' })
    const progress: BulkProgress[] = []
    const results = await cc.people.updateMany(
      [
        { id: a as string, patch: { city: 'Austin' } },
        { id: b as string, patch: { state: 'texas' } },
        { id: '../etc', patch: { city: 'Austin' } },
        { id: c as string, patch: {} },
        { id: 'zzzzzzzzzzzz', patch: { city: 'Austin' } },
      ],
      { onProgress: (p) => progress.push(p) },
    )
    // An empty patch is not invalid: the docs do not forbid it, so it is sent (and changes nothing).
    expect(results.map((r) => (r.ok ? 'ok' : r.error.name))).toEqual([
      'ok',
      'ValidationError',
      'ValidationError',
      'ok',
      'NotFoundError',
    ])
    expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4])
    const invalid = errorOf(results[1])
    expect(invalid).toBeInstanceOf(ValidationError)
    expect(Object.keys((invalid as ValidationError).fieldErrors)).toEqual(['state'])
    expect(errorOf(results[4])).toBeInstanceOf(NotFoundError)
    expect(sent.map((r) => r.url.pathname).sort()).toEqual(
      [`/v1/people/${a}`, `/v1/people/${c}`, '/v1/people/zzzzzzzzzzzz'].sort(),
    )
    expect(sent.find((r) => r.url.pathname === `/v1/people/${c}`)?.body).toBe('{}')
    // An invalid item's result comes as soon as it is reached, before any answer of the server.
    expect(progress.slice(0, 2).map((p) => p.result.id)).toEqual([b, '../etc'])
    expect(progress.at(-1)).toMatchObject({ done: 5, total: 5, succeeded: 2, failed: 3 })
  })

  it('never throws midway: bad options are refused up front, an empty list is fine, a throwing onProgress is ignored', async () => {
    const cc = client('in-process')
    await expect(cc.people.updateMany([], { concurrency: 0 })).rejects.toThrow(ValidationError)
    expect(await cc.people.updateMany([])).toEqual([])
    const [id] = await ids(1)
    const results = await cc.people.updateMany([{ id: id as string, patch: { city: 'X' } }], {
      onProgress: () => {
        throw new Error('a bug in the caller')
      },
    })
    expect(results[0]?.ok).toBe(true)
  })

  it('aborting stops the rest; every item still gets a result', async () => {
    const targets = await ids(60)
    const controller = new AbortController()
    const cc = client('loopback')
    const results = await cc.people.updateMany(
      targets.map((id) => ({ id, patch: { source: 'aborted run' } })),
      {
        concurrency: 3,
        signal: controller.signal,
        onProgress: ({ done }) => {
          if (done === 10) controller.abort(new Error('stop'))
        },
      },
    )
    expect(results).toHaveLength(60)
    const ok = results.filter((r) => r.ok).length
    const abortedCount = results.filter((r) => !r.ok && r.error instanceof AbortError).length
    expect(ok + abortedCount).toBe(60)
    expect(ok).toBeGreaterThanOrEqual(10)
    expect(ok).toBeLessThanOrEqual(13)
    const last = await cc.people.get(targets[59] as string)
    expect(last.source).not.toBe('aborted run')
  })

  it('one 429 pauses every worker until the wait is over', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const targets = await ids(12)
    const started: number[] = []
    let rateLimitedAt = 0
    let count = 0
    const inner = sandbox().fetch
    const cc = createClient({
      apiKey: sandbox().apiKey,
      baseUrl: 'http://localhost/v1',
      logLevel: 'off',
      fetch: async (request) => {
        started.push(Date.now())
        if (++count === 3) {
          rateLimitedAt = Date.now()
          return json(429, errorBody('rate_limited', 'slow down'), { 'retry-after': '5' })
        }
        return inner(request)
      },
    })
    const running = cc.people.updateMany(
      targets.map((id) => ({ id, patch: { city: 'Paused' } })),
      { concurrency: 4 },
    )
    await vi.runAllTimersAsync()
    const results = await running
    expect(results.every((r) => r.ok)).toBe(true)
    expect(started).toHaveLength(13)
    // Requests already on their way may land at the same instant; none starts inside the pause.
    expect(started.filter((t) => t > rateLimitedAt && t < rateLimitedAt + 5_000)).toEqual([])
    expect(started.filter((t) => t >= rateLimitedAt + 5_000)).not.toHaveLength(0)
  })

  it('a rate-limited sandbox: the workers share the pauses and every update lands', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const targets = await ids(30)
    const s = sandbox()
    const limited = await import('@cc/sandbox').then(({ createSandbox }) =>
      createSandbox({ rateLimit: { requests: 10, windowMs: 1_000 }, apiKeys: [s.apiKey] }),
    )
    try {
      const statuses: number[] = []
      const fetch = async (request: Request) => {
        const response = await limited.fetch(request)
        statuses.push(response.status)
        return response
      }
      const cc = createClient({ apiKey: s.apiKey, baseUrl: 'http://localhost/v1', fetch, logLevel: 'off' })
      const running = cc.people.updateMany(
        targets.map((id) => ({ id, patch: { city: 'Limited' } })),
        { concurrency: 4 },
      )
      await vi.runAllTimersAsync()
      const results = await running
      expect(results.filter((r) => !r.ok).map(errorOf)).toEqual([])
      expect(statuses.filter((status) => status === 200)).toHaveLength(30)
      // The first 429 pauses everyone until the window turns: only requests already on their way see one too.
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0)
      expect(statuses.filter((status) => status === 429).length).toBeLessThanOrEqual(2 * 4)
    } finally {
      await limited.close()
    }
  })

  it('rides out a run of transient faults: 6 retries per item by default, where one call has 2', async () => {
    const [id] = (await ids(1)) as [string]
    const inner = sandbox().fetch
    /** A client whose first `failures` requests get a 503 (a short server-requested wait, to keep the test fast). */
    const failingFirst = (failures: number, maxRetries?: number) => {
      const counter = { requests: 0 }
      const cc = createClient({
        apiKey: sandbox().apiKey,
        baseUrl: 'http://localhost/v1',
        logLevel: 'off',
        // The server asks for 1 ms, but a wait is never shorter than the backoff: keep that short too.
        backoff: { initialDelay: 1, maxDelay: 2 },
        ...(maxRetries === undefined ? {} : { maxRetries }),
        fetch: async (request) =>
          ++counter.requests <= failures
            ? json(503, errorBody('unavailable', 'try again'), { 'retry-after-ms': '1' })
            : inner(request),
      })
      return { cc, counter }
    }
    const patch = { city: 'Resilient' }

    const single = failingFirst(3)
    await expect(single.cc.people.update(id, patch)).rejects.toThrow(InternalServerError)
    expect(single.counter.requests).toBe(3)

    const bulk = failingFirst(6)
    expect((await bulk.cc.people.updateMany([{ id, patch }]))[0]?.ok).toBe(true)
    expect(bulk.counter.requests).toBe(7)

    const tooMany = failingFirst(7)
    expect(errorOf((await tooMany.cc.people.updateMany([{ id, patch }]))[0])).toBeInstanceOf(InternalServerError)
    expect(tooMany.counter.requests).toBe(7)

    // The caller's maxRetries wins, and so does a client's that is higher.
    const capped = failingFirst(7)
    expect((await capped.cc.people.updateMany([{ id, patch }], { maxRetries: 1 }))[0]?.ok).toBe(false)
    expect(capped.counter.requests).toBe(2)
    const patient = failingFirst(7, 8)
    expect((await patient.cc.people.updateMany([{ id, patch }]))[0]?.ok).toBe(true)
    expect(patient.counter.requests).toBe(8)
  })

  it('a 429 beyond maxRetryAfter fails those items with the wait, the rest carry on', async () => {
    const targets = await ids(4)
    const inner = sandbox().fetch
    let count = 0
    const cc = createClient({
      apiKey: sandbox().apiKey,
      baseUrl: 'http://localhost/v1',
      logLevel: 'off',
      maxRetryAfter: 1_000,
      fetch: async (request) =>
        ++count === 2
          ? json(429, errorBody('rate_limited', 'come back later'), { 'retry-after': '3600' })
          : inner(request),
    })
    const results = await cc.people.updateMany(
      targets.map((id) => ({ id, patch: { city: 'Later' } })),
      { concurrency: 1 },
    )
    expect(results.map((r) => r.ok)).toEqual([true, false, true, true])
    const failed = errorOf(results[1])
    expect(failed).toBeInstanceOf(RateLimitError)
    expect((failed as RateLimitError).retryAfter).toBe(3_600_000)
  })
})

/** Reads a stream of results to the end. */
async function collect(stream: AsyncIterable<BulkResult>): Promise<BulkResult[]> {
  const results: BulkResult[] = []
  for await (const result of stream) results.push(result)
  return results
}

describe('people.updateManyStream and iterable sources', () => {
  it('updateMany takes any iterable (a generator here) and resolves with results in input order', async () => {
    const targets = await ids(20)
    function* items() {
      for (const [i, id] of targets.entries()) yield { id, patch: { timeframe: `gen ${i}` } }
    }
    const progress: BulkProgress[] = []
    const results = await client('in-process').people.updateMany(items(), { onProgress: (p) => progress.push(p) })
    expect(results.map((r) => [r.index, r.id, r.ok])).toEqual(targets.map((id, i) => [i, id, true]))
    // The length of a generator is not known beforehand.
    expect(progress.at(-1)).toMatchObject({ done: 20, total: undefined, succeeded: 20 })
    expect((await client('in-process').people.get(targets[13] as string)).timeframe).toBe('gen 13')
  })

  it('yields each result as it completes, with its index; items are validated as they arrive', async () => {
    const targets = await ids(30)
    const { fetch, sent } = recording(sandbox().fetch)
    const cc = createClient({ apiKey: sandbox().apiKey, baseUrl: 'http://localhost/v1', fetch, logLevel: 'off' })
    async function* rows() {
      for (const [i, id] of targets.entries()) {
        await new Promise((resolve) => setTimeout(resolve, 0))
        yield i === 17 ? { id, patch: { state: 'texas' } } : { id, patch: { source: `stream ${i}` } }
      }
    }
    const results = await collect(cc.people.updateManyStream(rows(), { concurrency: 5 }))
    expect(results.map((r) => r.index).sort((a, b) => a - b)).toEqual(targets.map((_, i) => i))
    const invalid = results.find((r) => r.index === 17)
    expect(invalid?.id).toBe(targets[17])
    expect(Object.keys((errorOf(invalid) as ValidationError).fieldErrors)).toEqual(['state'])
    expect(results.filter((r) => r.ok)).toHaveLength(29)
    expect(sent).toHaveLength(29)
    expect(sent.some((r) => r.url.pathname === `/v1/people/${targets[17]}`)).toBe(false)
    expect((await cc.people.get(targets[29] as string)).source).toBe('stream 29')
  })

  it('bad options and a source that is not iterable throw at once, naming what is wrong', () => {
    const cc = client('in-process')
    expect(() => cc.people.updateManyStream([], { concurrency: 0 })).toThrow(ValidationError)
    const error = (() => {
      try {
        cc.people.updateManyStream(42 as never)
      } catch (e) {
        return e as ValidationError
      }
    })()
    expect(error?.fieldErrors).toEqual({
      items: 'items: must be an array, an iterable or an async iterable of { id, patch }',
    })
  })

  it('stopping early (break) aborts the updates in flight, closes the source and sends nothing more', async () => {
    const targets = await ids(40)
    const { fetch, sent } = recording(sandbox().fetch)
    const cc = createClient({ apiKey: sandbox().apiKey, baseUrl: 'http://localhost/v1', fetch, logLevel: 'off' })
    let closed = false
    async function* rows() {
      try {
        for (const id of targets) yield { id, patch: { city: 'Stopped' } }
      } finally {
        closed = true
      }
    }
    let read = 0
    for await (const _ of cc.people.updateManyStream(rows(), { concurrency: 3 })) if (++read === 5) break
    expect(closed).toBe(true)
    const count = sent.length
    expect(count).toBeLessThanOrEqual(5 + 2 * 3)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(sent).toHaveLength(count)
  })

  it('aborting the signal: every item read after it gets an AbortError, and is not sent', async () => {
    const targets = await ids(40)
    const controller = new AbortController()
    const results: BulkResult[] = []
    for await (const result of client('loopback').people.updateManyStream(
      targets.map((id) => ({ id, patch: { source: 'aborted stream' } })),
      { concurrency: 2, signal: controller.signal },
    )) {
      results.push(result)
      if (results.length === 6) controller.abort(new Error('stop'))
    }
    expect(results).toHaveLength(40)
    const ok = results.filter((r) => r.ok).length
    expect(ok).toBeGreaterThanOrEqual(6)
    expect(ok).toBeLessThanOrEqual(6 + 2 * 2)
    expect(results.filter((r) => !r.ok).every((r) => errorOf(r) instanceof AbortError)).toBe(true)
    const last = await client('in-process').people.get(targets[39] as string)
    expect(last.source).not.toBe('aborted stream')
  })

  it('one 429 pauses every worker of the stream until the wait is over', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const targets = await ids(12)
    const started: number[] = []
    let rateLimitedAt = 0
    let count = 0
    const inner = sandbox().fetch
    const cc = createClient({
      apiKey: sandbox().apiKey,
      baseUrl: 'http://localhost/v1',
      logLevel: 'off',
      fetch: async (request) => {
        started.push(Date.now())
        if (++count === 3) {
          rateLimitedAt = Date.now()
          return json(429, errorBody('rate_limited', 'slow down'), { 'retry-after': '5' })
        }
        return inner(request)
      },
    })
    const running = collect(
      cc.people.updateManyStream(
        targets.map((id) => ({ id, patch: { city: 'Paused' } })),
        { concurrency: 4 },
      ),
    )
    await vi.runAllTimersAsync()
    const results = await running
    expect(results.every((r) => r.ok)).toBe(true)
    expect(started).toHaveLength(13)
    expect(started.filter((t) => t > rateLimitedAt && t < rateLimitedAt + 5_000)).toEqual([])
    expect(started.filter((t) => t >= rateLimitedAt + 5_000)).not.toHaveLength(0)
  })
})
