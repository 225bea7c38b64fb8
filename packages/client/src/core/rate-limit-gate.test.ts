import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RateLimitGate } from './rate-limit-gate.js'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
})
afterEach(() => {
  vi.useRealTimers()
})

/** Whether `promise` has settled after the microtasks queued so far. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let done = false
  promise.then(
    () => {
      done = true
    },
    () => {
      done = true
    },
  )
  for (let i = 0; i < 5; i++) await Promise.resolve()
  return done
}

describe('RateLimitGate', () => {
  it('is open until paused', async () => {
    const gate = new RateLimitGate()
    expect(gate.remaining()).toBe(0)
    expect(await isSettled(gate.wait())).toBe(true)
  })

  it('counts the pause down to zero, never below', () => {
    const gate = new RateLimitGate()
    gate.pause(1000)
    expect(gate.remaining()).toBe(1000)
    vi.advanceTimersByTime(400)
    expect(gate.remaining()).toBe(600)
    vi.advanceTimersByTime(5000)
    expect(gate.remaining()).toBe(0)
  })

  it('a longer pause already in force wins over a shorter one', () => {
    const gate = new RateLimitGate()
    gate.pause(3000)
    gate.pause(1000)
    expect(gate.remaining()).toBe(3000)
    gate.pause(5000)
    expect(gate.remaining()).toBe(5000)
  })

  it('holds every waiter until the pause is over, a pause extended meanwhile included', async () => {
    const gate = new RateLimitGate()
    gate.pause(1000)
    const first = gate.wait()
    const second = gate.wait()
    await vi.advanceTimersByTimeAsync(999)
    expect(await isSettled(first)).toBe(false)
    gate.pause(500)
    await vi.advanceTimersByTimeAsync(1)
    expect(await isSettled(first)).toBe(false)
    expect(await isSettled(second)).toBe(false)
    await vi.advanceTimersByTimeAsync(499)
    expect(await isSettled(first)).toBe(true)
    expect(await isSettled(second)).toBe(true)
  })

  it('a waiter leaves with the signal’s reason when it aborts, during the pause or before it', async () => {
    const gate = new RateLimitGate()
    gate.pause(10_000)
    const controller = new AbortController()
    const waiting = gate.wait(controller.signal)
    const reason = new Error('caller gave up')
    controller.abort(reason)
    await expect(waiting).rejects.toBe(reason)
    // The gate is open again, but the caller's signal has aborted: no request goes out.
    vi.advanceTimersByTime(10_000)
    await expect(gate.wait(AbortSignal.abort(reason))).rejects.toBe(reason)
  })
})
