import { getEventListeners } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { AbortError, createClient } from '../src/index.js'
import { answering, errorBody, json, offline, recording, transports, useSandbox } from './helpers.js'

const handled: string[] = []
const { sandbox, client } = useSandbox({ log: (line) => handled.push(line) })

/** A reason we can recognise in `cause`. */
const cancelled = () => new Error('cancelled by the user')

async function aborted(promise: Promise<unknown>): Promise<AbortError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AbortError)
  expect((error as AbortError).cause).toEqual(cancelled())
  return error as AbortError
}

describe.each(transports)('aborting, %s', (transport) => {
  /** The transport's own fetch, wrapped so a test can act when a request goes out or its headers come back. */
  const transportFetch = (request: Request) => (transport === 'loopback' ? fetch(request) : sandbox().fetch(request))

  it('before sending: nothing goes out', async () => {
    const controller = new AbortController()
    controller.abort(cancelled())
    const { fetch: recorded, sent } = recording(transportFetch)
    const cc = client(transport, { fetch: recorded })
    const error = await aborted(cc.me({ signal: controller.signal }))
    expect(error.message).toBe('Request aborted by the caller (GET /me)')
    expect(sent).toHaveLength(0)
  })

  it('while waiting for the headers', async () => {
    const controller = new AbortController()
    // Every request is slow: one aborted before it reached the server may still arrive later.
    sandbox().setFaults({ rate: 1, kinds: ['slow'], latencyMs: 300 })
    const mark = handled.length
    const cc = client(transport, {
      fetch: (request) => {
        setTimeout(() => controller.abort(cancelled()), 20)
        return transportFetch(request)
      },
    })
    await aborted(cc.users.list({ signal: controller.signal }))
    // The server finishes the abandoned request on its own; let it, before the sandbox is reset or closed.
    await vi.waitFor(() => expect(handled.length).toBeGreaterThan(mark), { timeout: 5_000 })
  })

  it('while reading the body', async () => {
    const controller = new AbortController()
    sandbox().setFaults({ rate: 1, kinds: ['slow-body'], latencyMs: 5_000 })
    let headersArrived = false
    const cc = client(transport, {
      fetch: async (request) => {
        const response = await transportFetch(request)
        headersArrived = true
        setTimeout(() => controller.abort(cancelled()), 20)
        return response
      },
    })
    await aborted(cc.users.list({ signal: controller.signal }))
    expect(headersArrived).toBe(true)
  })
})

describe('aborting between attempts', () => {
  it('during the backoff', async () => {
    const controller = new AbortController()
    const { fetch, sent } = answering(() => {
      setTimeout(() => controller.abort(cancelled()), 20)
      return json(503, errorBody('service_unavailable', 'down'))
    })
    const cc = createClient(offline(fetch, { backoff: { initialDelay: 60_000, maxDelay: 60_000 } }))
    await aborted(cc.me({ signal: controller.signal }))
    expect(sent).toHaveLength(1)
  })

  it('during a rate-limit pause shared with another call', async () => {
    const controller = new AbortController()
    const { fetch, sent } = answering(() => json(429, errorBody('rate_limited', 'wait'), { 'retry-after-ms': '60000' }))
    const cc = createClient(offline(fetch, { maxRetryAfter: 120_000 }))
    const first = cc.me({ signal: controller.signal })
    await new Promise((resolve) => setTimeout(resolve, 20))
    const second = cc.users.list({ signal: controller.signal })
    setTimeout(() => controller.abort(cancelled()), 20)
    await aborted(first)
    await aborted(second)
    expect(sent).toHaveLength(1)
  })
})

describe('a long-lived signal', () => {
  // Node keeps every `AbortSignal.any` signal that ever had a listener alive as long as its sources: a signal that
  // outlives many calls (an app's, a bulk run's) must end up holding nothing of the calls that used it.
  it('holds no listener of a finished call, and no call combines it with AbortSignal.any', async () => {
    const any = vi.spyOn(AbortSignal, 'any')
    try {
      const controller = new AbortController()
      const cc = client('in-process')
      const [first] = (await cc.people.list({ limit: 1 })).data
      const id = first?.id ?? ''
      for (let i = 0; i < 20; i++) await cc.people.get(id, { signal: controller.signal })
      await cc.people.get('zzzzzzzzzzzz', { signal: controller.signal }).catch(() => null)
      const results = await cc.people.updateMany(
        Array.from({ length: 30 }, () => ({ id, patch: { city: 'Held' } })),
        { signal: controller.signal, concurrency: 4 },
      )
      expect(results.every((r) => r.ok)).toBe(true)
      for await (const _ of cc.people.updateManyStream([{ id, patch: { city: 'Held' } }], {
        signal: controller.signal,
      })) {
        // read to the end
      }
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
      expect(any).not.toHaveBeenCalled()
    } finally {
      any.mockRestore()
    }
  })
})
