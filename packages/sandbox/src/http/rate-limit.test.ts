import { describe, expect, it } from 'vitest'
import { ApiError } from './errors.js'
import { FailedAuthLimiter, RateLimiter } from './rate-limit.js'

/** The ApiError `work` throws (fails the test when it throws nothing or something else). */
function thrown(work: () => unknown): ApiError {
  try {
    work()
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected an ApiError')
}

describe('RateLimiter', () => {
  it('counts down the budget in X-RateLimit-Remaining, with the limit and the seconds left in the window', () => {
    const limiter = new RateLimiter({ requests: 3, windowMs: 10_000 })
    expect(limiter.take('key', 1_000)).toEqual({
      'X-RateLimit-Limit': '3',
      'X-RateLimit-Remaining': '2',
      'X-RateLimit-Reset': '10',
    })
    expect(limiter.take('key', 3_500)).toEqual({
      'X-RateLimit-Limit': '3',
      'X-RateLimit-Remaining': '1',
      'X-RateLimit-Reset': '8', // 7.5 s left, rounded up
    })
    expect(limiter.take('key', 10_999)['X-RateLimit-Remaining']).toBe('0')
  })

  it('answers a 429 past the budget, with Retry-After the seconds until the window ends', () => {
    const limiter = new RateLimiter({ requests: 2, windowMs: 60_000 })
    limiter.take('key', 0)
    limiter.take('key', 0)
    const error = thrown(() => limiter.take('key', 30_000))
    expect(error.status).toBe(429)
    expect(error.code).toBe('rate_limited')
    expect(error.message).toBe('Rate limit exceeded: 2 requests per 60000 ms')
    expect(error.headers).toEqual({
      'X-RateLimit-Limit': '2',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': '30',
      'Retry-After': '30',
    })
    // A refused request spends nothing: the next one is refused the same way.
    expect(thrown(() => limiter.take('key', 30_000)).headers['X-RateLimit-Remaining']).toBe('0')
  })

  it('waits at least a second, even in the last milliseconds of a window', () => {
    const limiter = new RateLimiter({ requests: 1, windowMs: 1_000 })
    expect(limiter.take('key', 0)['X-RateLimit-Reset']).toBe('1')
    expect(thrown(() => limiter.take('key', 999)).headers['Retry-After']).toBe('1')
  })

  it('starts a new window exactly when the last one ends', () => {
    const limiter = new RateLimiter({ requests: 1, windowMs: 1_000 })
    limiter.take('key', 0)
    expect(() => limiter.take('key', 999)).toThrow(ApiError)
    expect(limiter.take('key', 1_000)).toEqual({
      'X-RateLimit-Limit': '1',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': '1',
    })
    expect(() => limiter.take('key', 1_001)).toThrow(ApiError)
  })

  it('keeps one budget per key, and reset() refills them all', () => {
    const limiter = new RateLimiter({ requests: 1, windowMs: 60_000 })
    limiter.take('a', 0)
    expect(limiter.take('b', 0)['X-RateLimit-Remaining']).toBe('0')
    expect(() => limiter.take('a', 1)).toThrow(ApiError)
    limiter.reset()
    expect(limiter.take('a', 2)['X-RateLimit-Reset']).toBe('60')
  })

  it('reads the clock when no time is given', () => {
    const limiter = new RateLimiter({ requests: 1, windowMs: 3_600_000 })
    expect(limiter.take('key')['X-RateLimit-Reset']).toBe('3600')
    expect(() => limiter.take('key')).toThrow(ApiError)
  })
})

describe('FailedAuthLimiter', () => {
  it('lets a client fail `attempts` times, then refuses it until its window ends', () => {
    const limiter = new FailedAuthLimiter({ attempts: 2, windowMs: 10_000 })
    limiter.check('1.2.3.4', 0)
    limiter.record('1.2.3.4', 0)
    limiter.check('1.2.3.4', 1_000)
    limiter.record('1.2.3.4', 1_000)
    const error = thrown(() => limiter.check('1.2.3.4', 2_500))
    expect(error.status).toBe(429)
    expect(error.code).toBe('rate_limited')
    // The window started at the first failure: 7.5 s left, rounded up.
    expect(error.message).toBe('Too many failed authentications from this client (2 per 10000 ms): try again in 8 s')
    expect(error.headers).toEqual({ 'Retry-After': '8' })
    expect(() => limiter.check('1.2.3.4', 9_999)).toThrow(ApiError)
    limiter.check('1.2.3.4', 10_000)
    // Other clients were never limited.
    limiter.check('5.6.7.8', 2_500)
  })

  it('asks for at least a second', () => {
    const limiter = new FailedAuthLimiter({ attempts: 1, windowMs: 1_000 })
    limiter.record('c', 0)
    expect(thrown(() => limiter.check('c', 999)).headers).toEqual({ 'Retry-After': '1' })
  })

  it('counts failures in a new window once the old one has ended', () => {
    const limiter = new FailedAuthLimiter({ attempts: 2, windowMs: 1_000 })
    limiter.record('c', 0)
    limiter.record('c', 1_000) // a new window: one failure in it
    limiter.check('c', 1_500)
    limiter.record('c', 1_500)
    expect(thrown(() => limiter.check('c', 1_500)).headers).toEqual({ 'Retry-After': '1' })
  })

  it('reset() forgets every failure', () => {
    const limiter = new FailedAuthLimiter({ attempts: 1, windowMs: 60_000 })
    limiter.record('c', 0)
    expect(() => limiter.check('c', 0)).toThrow(ApiError)
    limiter.reset()
    limiter.check('c', 0)
  })

  it('reads the clock when no time is given', () => {
    const limiter = new FailedAuthLimiter({ attempts: 1, windowMs: 3_600_000 })
    limiter.check('c')
    limiter.record('c')
    expect(thrown(() => limiter.check('c')).headers).toEqual({ 'Retry-After': '3600' })
  })

  describe('remembers at most 10 000 clients', () => {
    const fill = (limiter: FailedAuthLimiter, count: number, now: (i: number) => number) => {
      for (let i = 0; i < count; i++) limiter.record(`client${i}`, now(i))
    }

    it('drops the oldest clients when none has expired', () => {
      const limiter = new FailedAuthLimiter({ attempts: 1, windowMs: 60_000 })
      fill(limiter, 10_000, () => 0)
      limiter.record('newcomer', 1)
      // The first client went to make room; the next ones and the newcomer are still limited.
      limiter.check('client0', 2)
      for (const client of ['client1', 'client9999', 'newcomer']) {
        expect(() => limiter.check(client, 2), client).toThrow(ApiError)
      }
    })

    it('drops expired clients first, so that a client still limited keeps its place', () => {
      const limiter = new FailedAuthLimiter({ attempts: 1, windowMs: 1_000 })
      limiter.record('guesser', 0)
      fill(limiter, 9_999, () => 0)
      // The guesser, the oldest entry, fails again in a new window; every other window has ended by t = 1600.
      limiter.record('guesser', 1_500)
      limiter.record('newcomer', 1_600)
      for (const client of ['guesser', 'newcomer']) {
        expect(() => limiter.check(client, 1_600), client).toThrow(ApiError)
      }
    })

    it('a client whose window starts again is as recent as that window, not as its first failure', () => {
      const limiter = new FailedAuthLimiter({ attempts: 1, windowMs: 1_000 })
      limiter.record('guesser', 0)
      fill(limiter, 9_998, () => 500)
      // The guesser's first window ended at t = 1000: it fails again, in a window that starts then.
      limiter.record('guesser', 1_000)
      limiter.record('newcomer1', 1_000)
      limiter.record('newcomer2', 1_000) // full, nothing expired: the window that started first goes
      limiter.check('client0', 1_000)
      for (const client of ['guesser', 'client1', 'newcomer1', 'newcomer2']) {
        expect(() => limiter.check(client, 1_000), client).toThrow(ApiError)
      }
    })

    it('a window that ends exactly now is expired, and goes before a live one, whatever order they came in', () => {
      const limiter = new FailedAuthLimiter({ attempts: 1, windowMs: 1_000 })
      limiter.record('live', 500)
      // Windows that started earlier but came later (the clock was set back): all end at t = 1000.
      fill(limiter, 9_999, () => 0)
      limiter.record('newcomer', 1_000)
      for (const client of ['live', 'newcomer']) {
        expect(() => limiter.check(client, 1_000), client).toThrow(ApiError)
      }
    })

    it('makes no room while a client only fails again', () => {
      const limiter = new FailedAuthLimiter({ attempts: 2, windowMs: 60_000 })
      fill(limiter, 10_000, () => 0)
      limiter.record('client0', 1) // known: nothing is dropped
      expect(() => limiter.check('client0', 2)).toThrow(ApiError)
      limiter.record('client1', 2)
      expect(() => limiter.check('client1', 3)).toThrow(ApiError)
    })
  })
})
