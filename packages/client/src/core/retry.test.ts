import { describe, expect, it } from 'vitest'
import {
  backoffDelay,
  isReplayable,
  isRetryableAnswer,
  isRetryableStatus,
  parseRetryAfter,
  retryDelay,
  serverRetryHint,
} from './retry.js'

describe('backoffDelay', () => {
  it('doubles from 0.5 s and stops at 8 s', () => {
    const noJitter = () => 0
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => backoffDelay(n, undefined, noJitter))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ])
  })

  it('takes off at most a quarter as jitter', () => {
    expect(backoffDelay(0, undefined, () => 1)).toBe(375)
    expect(backoffDelay(3, undefined, () => 0.5)).toBe(3500)
    for (let i = 0; i < 100; i++) {
      const delay = backoffDelay(1)
      expect(delay).toBeGreaterThanOrEqual(750)
      expect(delay).toBeLessThanOrEqual(1000)
    }
  })

  it('follows custom settings', () => {
    expect(backoffDelay(2, { initialDelay: 10, maxDelay: 25 }, () => 0)).toBe(25)
  })
})

describe('retryDelay', () => {
  const noJitter = () => 0

  it("takes the server's wait when it is longer than the backoff", () => {
    expect(retryDelay(0, 2_000, undefined, noJitter)).toBe(2_000)
  })

  it('never waits less than the backoff: Retry-After: 0 is not "now"', () => {
    expect(retryDelay(0, 0, undefined, noJitter)).toBe(500)
    expect(retryDelay(1, 100, undefined, noJitter)).toBe(1_000)
    expect(retryDelay(2, undefined, undefined, noJitter)).toBe(2_000)
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')
  const headers = (init: Record<string, string>) => new Headers(init)

  it('reads retry-after-ms first, then Retry-After in seconds', () => {
    expect(parseRetryAfter(headers({ 'retry-after-ms': '1500', 'retry-after': '9' }))).toBe(1500)
    expect(parseRetryAfter(headers({ 'retry-after': '2' }))).toBe(2000)
    expect(parseRetryAfter(headers({ 'retry-after': '0.5' }))).toBe(500)
  })

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }), now)).toBe(10_000)
    expect(parseRetryAfter(headers({ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }), now)).toBe(0)
  })

  it('reads numbers with white space around them, and fractions of any length', () => {
    expect(parseRetryAfter(headers({ 'retry-after-ms': ' 250 ' }))).toBe(250)
    expect(parseRetryAfter(headers({ 'retry-after-ms': '12.75' }))).toBe(12.75)
    expect(parseRetryAfter(headers({ 'retry-after': ' 3 ' }))).toBe(3000)
    expect(parseRetryAfter(headers({ 'retry-after': '1.25' }))).toBe(1250)
  })

  it('reads numbers padded with white space that headers keep (form feed, no-break space)', () => {
    expect(parseRetryAfter(headers({ 'retry-after-ms': '\f250\u00a0' }))).toBe(250)
    expect(parseRetryAfter(headers({ 'retry-after': '\u00a03\f' }))).toBe(3000)
  })

  it('a retry-after-ms that is not only a number falls back to Retry-After', () => {
    for (const ms of ['250ms', 'x250', '2.5.1', '1.x', '-5', '']) {
      expect(parseRetryAfter(headers({ 'retry-after-ms': ms, 'retry-after': '4' })), ms).toBe(4000)
    }
  })

  it('a Retry-After that is neither a number nor a date is ignored', () => {
    for (const value of ['3s', 'later', '1.5.2', '1.', '.5', '  ', '2026-13-45']) {
      expect(parseRetryAfter(headers({ 'retry-after': value }), now), value).toBeUndefined()
    }
  })

  it('an HTTP date is measured from the clock when no time is given', () => {
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString()
    const wait = parseRetryAfter(headers({ 'retry-after': inTenSeconds })) as number
    expect(wait).toBeGreaterThan(8_000)
    expect(wait).toBeLessThanOrEqual(10_000)
  })

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(headers({}))).toBeUndefined()
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }))).toBeUndefined()
    expect(parseRetryAfter(headers({ 'retry-after': '-3' }))).toBeUndefined()
    expect(parseRetryAfter(headers({ 'retry-after-ms': 'x', 'retry-after': '1' }))).toBe(1000)
  })
})

describe('retry policy', () => {
  it('retries timeouts, conflicts, rate limits and server errors only', () => {
    const statuses = [400, 401, 403, 404, 408, 409, 413, 422, 429, 500, 502, 503, 504, 529]
    expect(statuses.filter(isRetryableStatus)).toEqual([408, 409, 429, 500, 502, 503, 504, 529])
  })

  it('not a 501 (the method is not implemented), nor a 409 to a DELETE', () => {
    expect(isRetryableStatus(501)).toBe(false)
    expect([499, 500, 501, 502, 599].map(isRetryableStatus)).toEqual([false, true, false, true, true])
    expect([407, 408, 410, 428, 429, 430].map(isRetryableStatus)).toEqual([false, true, false, false, true, false])
    expect(isRetryableAnswer('DELETE', 429)).toBe(true)
    expect(isRetryableAnswer('POST', 409)).toBe(true)
    expect(isRetryableAnswer('DELETE', 400)).toBe(false)
    expect(isRetryableAnswer('PUT', 409)).toBe(true)
    expect(isRetryableAnswer('DELETE', 409)).toBe(false)
    expect(isRetryableAnswer('DELETE', 503)).toBe(true)
  })

  it('lets the server decide with x-should-retry', () => {
    expect(serverRetryHint(new Headers({ 'x-should-retry': 'true' }))).toBe(true)
    expect(serverRetryHint(new Headers({ 'x-should-retry': 'FALSE' }))).toBe(false)
    expect(serverRetryHint(new Headers({ 'x-should-retry': ' True ' }))).toBe(true)
    expect(serverRetryHint(new Headers({ 'x-should-retry': 'false ' }))).toBe(false)
    expect(serverRetryHint(new Headers({ 'x-should-retry': 'yes' }))).toBeUndefined()
    expect(serverRetryHint(new Headers({ 'x-should-retry': '1' }))).toBeUndefined()
    expect(serverRetryHint(new Headers())).toBeUndefined()
  })

  it('replays POST only with an idempotency key', () => {
    expect(['GET', 'PUT', 'DELETE'].every((m) => isReplayable(m as 'GET', undefined))).toBe(true)
    expect(isReplayable('POST', undefined)).toBe(false)
    expect(isReplayable('POST', 'key-1')).toBe(true)
  })
})
