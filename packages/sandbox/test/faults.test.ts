import { ApiErrorBody, ListPeopleResponse } from '@cc/schema'
import { afterEach, describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from '../src/index.js'
import { call } from './call.js'

const open: Sandbox[] = []
async function start(options: Parameters<typeof createSandbox>[0] = {}) {
  const sandbox = await createSandbox(options)
  open.push(sandbox)
  return sandbox
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

describe('queued faults', () => {
  it('500, 503 and 429 answer before the handler runs, 429 and 503 with Retry-After', async () => {
    const sandbox = await start({ seed: false })
    sandbox.queueFaults(['500', '503', '429'])
    const statuses = []
    for (let i = 0; i < 3; i++) {
      const res = await call(sandbox, 'POST', '/people', { body: { firstName: `F${i}` } })
      ApiErrorBody.parse(res.body)
      statuses.push([res.status, res.headers.get('Retry-After')])
    }
    expect(statuses).toEqual([
      [500, null],
      [503, '1'],
      [429, '1'],
    ])
    const list = ListPeopleResponse.parse((await call(sandbox, 'GET', '/people')).body)
    expect(list.data).toEqual([]) // none of the three writes happened
  })

  it("'none' in the queue lets one request through, so a fault can target the second request", async () => {
    const sandbox = await start({ seed: false })
    sandbox.queueFaults(['none', '500'])
    expect((await call(sandbox, 'GET', '/people')).status).toBe(200)
    expect((await call(sandbox, 'GET', '/people')).status).toBe(500)
    expect((await call(sandbox, 'GET', '/people')).status).toBe(200)
  })

  it('429 and 503 ask for the configured wait, in seconds and exactly in retry-after-ms', async () => {
    const sandbox = await start({ seed: false, faults: { rate: 0, kinds: ['429'], retryAfterMs: 1500 } })
    sandbox.queueFaults(['429', '503'])
    for (const status of [429, 503]) {
      const res = await call(sandbox, 'GET', '/people')
      expect(res.status).toBe(status)
      expect([res.headers.get('Retry-After'), res.headers.get('retry-after-ms')]).toEqual(['2', '1500'])
    }
  })

  it("'reset' commits the write, then loses the response: in-process fetch rejects like a dropped socket", async () => {
    const sandbox = await start({ seed: false })
    sandbox.queueFaults(['reset'])
    const error = await call(sandbox, 'POST', '/people', { body: { firstName: 'Lost', lastName: 'Response' } }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(TypeError)
    expect((error as TypeError & { cause: { code: string } }).cause.code).toBe('ECONNRESET')
    const found = await call(sandbox, 'GET', '/people/search?name=Lost%20Response')
    expect(found.body.data).toHaveLength(1)
  })

  it("'reset' drops the TCP connection when listening", async () => {
    const sandbox = await start({ seed: false, listen: { port: 0 } })
    sandbox.queueFaults(['reset'])
    const error = await call(sandbox, 'POST', '/people', { body: { firstName: 'Dropped' } }, true).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(TypeError)
    const after = await call(sandbox, 'GET', '/people/search?name=Dropped', {}, true)
    expect(after.status).toBe(200)
    expect(after.body.data).toHaveLength(1)
  })

  it("'slow-body' sends the headers, then stalls the body", async () => {
    const sandbox = await start({ seed: false, faults: { rate: 0, kinds: ['slow'], latencyMs: 400 } })
    sandbox.queueFaults(['slow-body'])
    const response = await sandbox.fetch(
      new Request(`${sandbox.url}/me`, { headers: { Authorization: `Bearer ${sandbox.apiKey}` } }),
    )
    expect(response.status).toBe(200)
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    const first = reader.read()
    const tick = new Promise((resolve) => setTimeout(() => resolve('stalled'), 50))
    expect(await Promise.race([first, tick])).toBe('stalled')
    expect((await first).done).toBe(false)
  })

  it("'slow' still answers normally", async () => {
    const sandbox = await start({ seed: false, faults: { rate: 0, kinds: ['slow'], latencyMs: 20 } })
    sandbox.queueFaults(['slow'])
    expect((await call(sandbox, 'GET', '/me')).status).toBe(200)
  })
})

describe('random faults', () => {
  const statuses = async (sandbox: Sandbox) => {
    const out: number[] = []
    for (let i = 0; i < 40; i++) out.push((await call(sandbox, 'GET', '/me')).status)
    return out
  }

  it('hit about `rate` of the requests, the same ones for the same seed', async () => {
    const faults = { rate: 0.3, kinds: ['500', '503', '429'] as const, seed: 7 }
    const a = await statuses(await start({ seed: false, faults: { ...faults, kinds: [...faults.kinds] } }))
    const b = await statuses(await start({ seed: false, faults: { ...faults, kinds: [...faults.kinds] } }))
    expect(a).toEqual(b)
    const failed = a.filter((s) => s !== 200).length
    expect(failed).toBeGreaterThan(3)
    expect(failed).toBeLessThan(25)
    const other = await statuses(await start({ seed: false, faults: { ...faults, kinds: [...faults.kinds], seed: 8 } }))
    expect(other).not.toEqual(a)
  })

  it('can be turned on and off on a running sandbox', async () => {
    const sandbox = await start({ seed: false })
    sandbox.setFaults({ rate: 1, kinds: ['503'] })
    expect((await call(sandbox, 'GET', '/me')).status).toBe(503)
    sandbox.setFaults(false)
    expect((await call(sandbox, 'GET', '/me')).status).toBe(200)
  })

  it('rejects bad fault options with a message naming the option', async () => {
    const sandbox = await start({ seed: false })
    expect(() => sandbox.setFaults({ rate: 2, kinds: ['500'] })).toThrow(/faults\.rate: must be between 0 and 1/)
    expect(() => sandbox.queueFaults(['boom' as '500'])).toThrow(/kinds\.0/)
    await expect(createSandbox({ faults: { rate: 0.1, kinds: [] } })).rejects.toThrow(/options\.faults\.kinds/)
  })
})

describe('rate limit', () => {
  it('429 with Retry-After once a key spends its budget, per key; reset() refills it', async () => {
    const sandbox = await start({
      seed: false,
      apiKeys: ['ccmd_test_a', 'ccmd_test_b'],
      rateLimit: { requests: 3, windowMs: 60_000 },
    })
    const a = []
    for (let i = 0; i < 4; i++) a.push(await call(sandbox, 'GET', '/me', { key: 'ccmd_test_a' }))
    expect(a.map((r) => r.status)).toEqual([200, 200, 200, 429])
    expect(a[0]?.headers.get('X-RateLimit-Remaining')).toBe('2')
    const limited = a[3]
    expect(ApiErrorBody.parse(limited?.body).error.code).toBe('rate_limited')
    expect(Number(limited?.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)
    expect((await call(sandbox, 'GET', '/me', { key: 'ccmd_test_b' })).status).toBe(200)
    await sandbox.reset()
    expect((await call(sandbox, 'GET', '/me', { key: 'ccmd_test_a' })).status).toBe(200)
  })
})
