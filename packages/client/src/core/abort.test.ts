import { getEventListeners } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { raceSignal, sleep } from './abort.js'

/** How many `abort` listeners `signal` holds right now: a long-lived signal must not collect them. */
const abortListeners = (signal: AbortSignal): number => getEventListeners(signal, 'abort').length

/** Whether `promise` has settled, without waiting for it. */
async function settled(promise: Promise<unknown>): Promise<'resolved' | 'rejected' | 'pending'> {
  let state: 'resolved' | 'rejected' | 'pending' = 'pending'
  promise.then(
    () => {
      state = 'resolved'
    },
    () => {
      state = 'rejected'
    },
  )
  await Promise.resolve()
  await Promise.resolve()
  return state
}

describe('sleep', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('resolves after the delay, not before, and leaves no listener behind', async () => {
    const controller = new AbortController()
    const slept = sleep(1000, controller.signal)
    expect(abortListeners(controller.signal)).toBe(1)
    await vi.advanceTimersByTimeAsync(999)
    expect(await settled(slept)).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    expect(await settled(slept)).toBe('resolved')
    expect(abortListeners(controller.signal)).toBe(0)
  })

  it('works without a signal', async () => {
    const slept = sleep(10)
    await vi.advanceTimersByTimeAsync(10)
    expect(await settled(slept)).toBe('resolved')
  })

  it('rejects with the reason at once when the signal has already aborted, and sets no timer', async () => {
    const reason = new Error('stopped before')
    const slept = sleep(1000, AbortSignal.abort(reason))
    expect(vi.getTimerCount()).toBe(0)
    await expect(slept).rejects.toBe(reason)
  })

  it('rejects with the reason as soon as the signal aborts, and clears its timer', async () => {
    const controller = new AbortController()
    const slept = sleep(1000, controller.signal)
    const reason = new Error('stopped while waiting')
    controller.abort(reason)
    await expect(slept).rejects.toBe(reason)
    expect(vi.getTimerCount()).toBe(0)
    expect(abortListeners(controller.signal)).toBe(0)
  })
})

describe('raceSignal', () => {
  it('settles like the promise while the signal stays quiet, and removes its listener', async () => {
    const controller = new AbortController()
    const raced = raceSignal(Promise.resolve('answer'), controller.signal)
    expect(abortListeners(controller.signal)).toBe(1)
    expect(await raced).toBe('answer')
    expect(abortListeners(controller.signal)).toBe(0)

    const failure = new Error('refused')
    await expect(raceSignal(Promise.reject(failure), controller.signal)).rejects.toBe(failure)
    expect(abortListeners(controller.signal)).toBe(0)
  })

  it('rejects with the reason as soon as the signal aborts, though the promise never settles', async () => {
    const controller = new AbortController()
    const raced = raceSignal(new Promise(() => {}), controller.signal)
    const reason = new Error('caller gave up')
    controller.abort(reason)
    await expect(raced).rejects.toBe(reason)
    expect(abortListeners(controller.signal)).toBe(0)
  })

  it('rejects at once for a signal that has already aborted', async () => {
    const reason = new Error('too late')
    await expect(raceSignal(new Promise(() => {}), AbortSignal.abort(reason))).rejects.toBe(reason)
  })

  it('hands a value that arrives after the abort to onLate, once', async () => {
    const controller = new AbortController()
    let answer: (value: string) => void = () => {}
    const late = vi.fn()
    const raced = raceSignal(new Promise<string>((resolve) => (answer = resolve)), controller.signal, late)
    controller.abort(new Error('gave up'))
    await expect(raced).rejects.toThrow('gave up')
    expect(late).not.toHaveBeenCalled()
    answer('the response')
    await Promise.resolve()
    await Promise.resolve()
    expect(late).toHaveBeenCalledExactlyOnceWith('the response')
  })

  it('without onLate, a late value is simply dropped', async () => {
    const controller = new AbortController()
    let answer: (value: string) => void = () => {}
    const raced = raceSignal(new Promise<string>((resolve) => (answer = resolve)), controller.signal)
    controller.abort(new Error('gave up'))
    await expect(raced).rejects.toThrow('gave up')
    answer('the response')
    await Promise.resolve()
  })

  it('a value that arrives before the abort is the result, and onLate is not called', async () => {
    const controller = new AbortController()
    const late = vi.fn()
    const raced = raceSignal(Promise.resolve(7), controller.signal, late)
    expect(await raced).toBe(7)
    controller.abort()
    expect(late).not.toHaveBeenCalled()
  })
})
