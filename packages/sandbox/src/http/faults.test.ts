import { getEventListeners } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_LATENCY_MS, DEFAULT_RETRY_AFTER_MS } from '../options.js'
import { createRandom } from '../seed/random.js'
import { delayBody, FaultInjector, sleep } from './faults.js'

const draws = (injector: FaultInjector, count: number) => Array.from({ length: count }, () => injector.next())

describe('FaultInjector', () => {
  it('off: no faults, the default latency and a one-second Retry-After', () => {
    const injector = new FaultInjector(false)
    expect(draws(injector, 50)).toEqual(Array(50).fill(undefined))
    expect(injector.latencyMs).toBe(DEFAULT_LATENCY_MS)
    expect(DEFAULT_RETRY_AFTER_MS).toBe(1000)
    expect(injector.retryAfterHeaders).toEqual({ 'Retry-After': '1', 'retry-after-ms': '1000' })
  })

  it('gives the configured latency and wait, the wait in whole seconds rounded up and exactly in ms', () => {
    const injector = new FaultInjector({ rate: 0, kinds: ['503'], latencyMs: 250, retryAfterMs: 2001 })
    expect(injector.latencyMs).toBe(250)
    expect(injector.retryAfterHeaders).toEqual({ 'Retry-After': '3', 'retry-after-ms': '2001' })
    injector.configure({ rate: 0, kinds: ['503'] })
    expect(injector.latencyMs).toBe(DEFAULT_LATENCY_MS)
    expect(injector.retryAfterHeaders).toEqual({ 'Retry-After': '1', 'retry-after-ms': '1000' })
  })

  it('rate 1 faults every request, with the configured kinds only', () => {
    const injector = new FaultInjector({ rate: 1, kinds: ['500', 'reset'] })
    const kinds = draws(injector, 60)
    expect(new Set(kinds)).toEqual(new Set(['500', 'reset']))
  })

  it('faults a request whose draw is below the rate, not one whose draw equals it', () => {
    const roll = createRandom(7).next()
    expect(new FaultInjector({ rate: roll, kinds: ['500'], seed: 7 }).next()).toBeUndefined()
    expect(new FaultInjector({ rate: roll + Number.EPSILON, kinds: ['500'], seed: 7 }).next()).toBe('500')
  })

  it('rate 0 faults none', () => {
    expect(draws(new FaultInjector({ rate: 0, kinds: ['500'] }), 60)).toEqual(Array(60).fill(undefined))
  })

  it('a rate picks about that share, the same requests for the same seed, seed 1 by default', () => {
    const options = { rate: 0.25, kinds: ['500' as const, '503' as const] }
    const first = draws(new FaultInjector({ ...options, seed: 1 }), 400)
    const faulted = first.filter((kind) => kind !== undefined).length
    expect(faulted).toBeGreaterThan(60)
    expect(faulted).toBeLessThan(140)
    expect(draws(new FaultInjector(options), 400)).toEqual(first)
    expect(draws(new FaultInjector({ ...options, seed: 2 }), 400)).not.toEqual(first)
    // Configuring again starts the sequence over.
    const injector = new FaultInjector({ ...options, seed: 1 })
    draws(injector, 10)
    injector.configure({ ...options, seed: 1 })
    expect(draws(injector, 400)).toEqual(first)
  })

  it('serves queued faults first, in order; "none" lets one request through', () => {
    const injector = new FaultInjector({ rate: 1, kinds: ['500'] })
    injector.enqueue(['slow', 'none'])
    injector.enqueue(['429'])
    expect(draws(injector, 4)).toEqual(['slow', undefined, '429', '500'])
    const off = new FaultInjector(false)
    off.enqueue(['503', 'reset'])
    off.clearQueue()
    expect(off.next()).toBeUndefined()
  })
})

describe('delayBody', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  const bodyOf = (text: string) => new Response(text).body

  it('sends nothing until the delay is over, then the whole body', async () => {
    vi.useFakeTimers()
    const reader = delayBody(bodyOf('{"ok":true}'), 1000).getReader()
    let first: { done: boolean; value?: Uint8Array | undefined } | undefined
    const reading = reader.read().then((result) => {
      first = result
    })
    await vi.advanceTimersByTimeAsync(999)
    expect(first).toBeUndefined()
    await vi.advanceTimersByTimeAsync(1)
    await reading
    expect(first?.done).toBe(false)
    let text = new TextDecoder().decode(first?.value)
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      text += new TextDecoder().decode(value)
    }
    expect(text).toBe('{"ok":true}')
  })

  it('waits once, not before every chunk', async () => {
    vi.useFakeTimers()
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of [1, 2, 3]) controller.enqueue(new Uint8Array([byte]))
        controller.close()
      },
    })
    const reader = delayBody(source, 500).getReader()
    const first = reader.read()
    await vi.advanceTimersByTimeAsync(500)
    expect((await first).value).toEqual(new Uint8Array([1]))
    expect((await reader.read()).value).toEqual(new Uint8Array([2]))
    expect((await reader.read()).value).toEqual(new Uint8Array([3]))
    expect((await reader.read()).done).toBe(true)
  })

  it('an empty body ends after the delay', async () => {
    vi.useFakeTimers()
    const reader = delayBody(null, 100).getReader()
    const end = reader.read()
    await vi.advanceTimersByTimeAsync(100)
    expect(await end).toEqual({ done: true, value: undefined })
  })

  it('cancelling stops the wait and cancels the source, before or after the first read', async () => {
    vi.useFakeTimers()
    const reasons: unknown[] = []
    const source = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          controller.enqueue(new Uint8Array([1]))
        },
        cancel(reason) {
          reasons.push(reason)
        },
      })
    await delayBody(source(), 1000).cancel('gone early')
    expect(vi.getTimerCount()).toBe(0)
    const reader = delayBody(source(), 1000).getReader()
    const first = reader.read()
    await vi.advanceTimersByTimeAsync(1000)
    await first
    await reader.cancel('gone later')
    expect(reasons).toEqual(['gone early', 'gone later'])
    // Cancelled while waiting: the timer goes with it.
    const waiting = delayBody(source(), 1000).getReader()
    void waiting.read()
    await vi.advanceTimersByTimeAsync(10)
    expect(vi.getTimerCount()).toBe(1)
    await waiting.cancel('gone while waiting')
    expect(vi.getTimerCount()).toBe(0)
    await delayBody(null, 1000).cancel('nothing to cancel')
  })
})

describe('sleep', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('resolves after the time', async () => {
    vi.useFakeTimers()
    let done = false
    const pending = sleep(1000).then(() => {
      done = true
    })
    await vi.advanceTimersByTimeAsync(999)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await pending
    expect(done).toBe(true)
  })

  it('resolves as soon as the signal aborts, and at once when it already has', async () => {
    vi.useFakeTimers()
    const controller = new AbortController()
    let done = false
    const pending = sleep(60_000, controller.signal).then(() => {
      done = true
    })
    await vi.advanceTimersByTimeAsync(10)
    expect(done).toBe(false)
    controller.abort()
    await pending
    expect(done).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
    await sleep(60_000, controller.signal)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('leaves no listener on the signal, whichever comes first', async () => {
    vi.useFakeTimers()
    const signal = new AbortController().signal
    const pending = sleep(100, signal)
    expect(getEventListeners(signal, 'abort')).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(100)
    await pending
    expect(getEventListeners(signal, 'abort')).toHaveLength(0)
    const controller = new AbortController()
    const aborted = sleep(100, controller.signal)
    controller.abort()
    await aborted
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
  })
})
