import { describe, expect, it } from 'vitest'
import { ConnectionError, NotFoundError, TimeoutError } from '../src/index.js'
import { allContacts, collectingLogger, transports, useSandbox } from './helpers.js'

const requests: string[] = []
const { sandbox, client } = useSandbox({ log: (line) => requests.push(line) })

/** Sandbox log lines since `mark` (one per request the sandbox saw). */
const since = (mark: number) => requests.slice(mark)

describe.each(transports)('faults, %s', (transport) => {
  it('rides out a burst of 500s', async () => {
    const { logger, lines } = collectingLogger()
    const cc = client(transport, { logger, logLevel: 'info' })
    const [first] = (await cc.people.list({ limit: 1 })).data
    sandbox().queueFaults(['500', '500'])
    expect((await cc.people.get(first?.id ?? '')).id).toBe(first?.id)
    const attempts = lines.filter((l) => / → \d{3} /.test(l.line)).map((l) => / → (\d{3}) /.exec(l.line)?.[1])
    expect(attempts).toEqual(['200', '500', '500', '200'])
  })

  it('a reset after the commit of POST /people: the retry replays it, nothing is duplicated', async () => {
    const cc = client(transport)
    const before = (await allContacts(cc)).length
    sandbox().queueFaults(['reset'])
    const mark = requests.length
    const made = await cc.people.create({ firstName: 'Reset', email: 'reset-once@example.com' })
    expect(since(mark).map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual([
      'POST /v1/people reset',
      'POST /v1/people 201',
    ])
    expect(made.created).toBe(true)
    const after = await allContacts(cc)
    expect(after).toHaveLength(before + 1)
    expect(after.filter((p) => p.emails.some((e) => e.value === 'reset-once@example.com')).map((p) => p.id)).toEqual([
      made.id,
    ])
  })

  it('a reset after the commit of PUT: the retry applies the same patch again, harmlessly', async () => {
    const cc = client(transport)
    const [first] = (await cc.people.list({ limit: 1 })).data
    const id = first?.id ?? ''
    sandbox().queueFaults(['reset'])
    expect((await cc.people.update(id, { city: 'Resetville' })).success).toBe(true)
    expect((await cc.people.get(id)).city).toBe('Resetville')
  })

  it('a reset after the commit of DELETE: the retry finds the contact gone and reports it deleted, already gone', async () => {
    const cc = client(transport)
    const made = await cc.people.create({ firstName: 'Gone', email: `gone-${transport}@example.com` })
    sandbox().queueFaults(['reset'])
    const mark = requests.length
    const result = await cc.people.delete(made.id)
    expect(since(mark).map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual([
      `DELETE /v1/people/${made.id} reset`,
      `DELETE /v1/people/${made.id} 404`,
    ])
    expect(result).toEqual({ deleted: true, permanent: false, alreadyGone: true })
    await expect(cc.people.get(made.id)).rejects.toThrow(NotFoundError)
    // Without an earlier attempt that may have deleted it, a 404 is what it says.
    await expect(cc.people.delete(made.id)).rejects.toThrow(NotFoundError)
  })

  it('a reset on a POST without an idempotency key is not retried', async () => {
    const cc = client(transport)
    sandbox().queueFaults(['reset'])
    const mark = requests.length
    const error = await cc.deals.create({ title: 'Once only', pipelineId: 'pipe_buyers' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectionError)
    expect((error as ConnectionError).attempts).toBe(1)
    expect(since(mark)).toHaveLength(1)
  })

  it('the timeout covers a stalled body, and the retry gets the answer', async () => {
    const { logger, lines } = collectingLogger()
    const cc = client(transport, { timeout: 500, logger, logLevel: 'info' })
    sandbox().setFaults({ rate: 0, kinds: ['slow-body'], latencyMs: 5_000 })
    sandbox().queueFaults(['slow-body'])
    expect((await cc.users.list()).length).toBeGreaterThan(0)
    const logged = lines.map((l) => l.line)
    expect(logged[0]).toMatch(/GET \/users → timed out \(500 ms\) after \d+ ms \(attempt 1\/3\)$/)
    expect(logged[1]).toMatch(/GET \/users: retrying in \d+ ms \(TimeoutError\)$/)
    expect(logged.at(-1)).toMatch(/GET \/users → 200 in \d+ ms \(attempt [23]\/3, request [0-9a-f-]{36}\)$/)

    sandbox().queueFaults(['slow-body'])
    const error = await cc.users.list({ maxRetries: 0 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TimeoutError)
  })

  it('the timeout covers slow headers', async () => {
    const cc = client(transport, { timeout: 200 })
    sandbox().setFaults({ rate: 0, kinds: ['slow'], latencyMs: 1_000 })
    sandbox().queueFaults(['slow'])
    await expect(cc.me({ maxRetries: 0 })).rejects.toThrow(TimeoutError)
    sandbox().queueFaults(['slow'])
    expect((await cc.me()).id).toEqual(expect.any(String))
  })
})

describe('server-requested waits (real time, about a second each)', () => {
  it('429 and 503 with Retry-After: 1 are retried after the wait', async () => {
    const { logger, lines } = collectingLogger()
    const cc = client('loopback', { logger, logLevel: 'info' })
    sandbox().queueFaults(['429', '503'])
    expect((await cc.me()).id).toEqual(expect.any(String))
    const retries = lines.map((l) => l.line).filter((line) => line.includes('retrying'))
    expect(retries).toEqual([
      expect.stringMatching(/retrying in 1000 ms \(429\)/),
      expect.stringMatching(/retrying in 1000 ms \(503\)/),
    ])
  })
})

it('a storm of mixed faults loses and duplicates no write', async () => {
  const cc = client('loopback', { timeout: 250, maxRetries: 10, backoff: { initialDelay: 1, maxDelay: 5 } })
  const before = (await allContacts(cc)).length
  sandbox().setFaults({ rate: 0.35, kinds: ['500', 'reset', 'slow', 'slow-body'], latencyMs: 400, seed: 3 })

  const emails = Array.from({ length: 40 }, (_, i) => `storm-${i}@example.com`)
  const made = []
  for (let i = 0; i < emails.length; i += 8) {
    made.push(
      ...(await Promise.all(emails.slice(i, i + 8).map((email) => cc.people.create({ firstName: 'Storm', email })))),
    )
  }
  const results = await cc.people.updateMany(
    made.map(({ id }) => ({ id, patch: { city: 'Faultville' } })),
    { concurrency: 4 },
  )
  expect(results.filter((r) => !r.ok)).toEqual([])
  sandbox().setFaults(false)

  const after = await allContacts(cc)
  expect(after).toHaveLength(before + emails.length)
  const storm = after.filter((p) => p.emails.some((e) => e.value.startsWith('storm-')))
  expect(storm.map((p) => p.emails[0]?.value).sort()).toEqual([...emails].sort())
  expect(new Set(storm.map((p) => p.id)).size).toBe(emails.length)
  expect(storm.every((p) => p.city === 'Faultville')).toBe(true)
  expect(requests.some((line) => / reset /.test(line))).toBe(true)
})
