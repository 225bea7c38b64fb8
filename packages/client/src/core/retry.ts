import type { HttpMethod } from '@cc/schema'

/** Exponential backoff settings, in milliseconds. */
export interface BackoffOptions {
  /** Delay before the first retry. Default 500. */
  initialDelay?: number
  /** Upper bound of one delay. Default 8000. */
  maxDelay?: number
}

export const DEFAULT_BACKOFF: Required<BackoffOptions> = { initialDelay: 500, maxDelay: 8_000 }

/**
 * Delay before retry number `retry` (0 for the first): `initialDelay·2ⁿ` capped at `maxDelay`, minus up to 25 %
 * jitter so that clients that failed together do not come back together.
 */
export function backoffDelay(
  retry: number,
  backoff: Required<BackoffOptions> = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const base = Math.min(backoff.initialDelay * 2 ** retry, backoff.maxDelay)
  return base * (1 - random() * 0.25)
}

/**
 * The wait before retry number `retry` (0 for the first): the server's wait when it asked for one, but never less
 * than the backoff, so that `Retry-After: 0` cannot make attempts go back to back.
 */
export function retryDelay(
  retry: number,
  serverWait: number | undefined,
  backoff: Required<BackoffOptions> = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  return Math.max(serverWait ?? 0, backoffDelay(retry, backoff, random))
}

/**
 * How long the server asked us to wait, in milliseconds: `retry-after-ms` first (a de-facto header), then
 * `Retry-After` as seconds or an HTTP date. `undefined` when absent or unreadable.
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms')?.trim()
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Number(ms)
  const value = headers.get('retry-after')?.trim()
  if (value && /^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000
  // An HTTP date names its day and zone; Date.parse alone would read "-3" as a year.
  const date = value && /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/**
 * Statuses worth another attempt: timeouts, conflicts (lock contention), rate limits and server errors, but 501:
 * a server that does not implement a method will not by the next attempt.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || (status >= 500 && status !== 501)
}

/**
 * Whether an answer with `status` to a `method` request is worth another attempt. A DELETE's 409 is not: the
 * contact is in a state that forbids it, which asking again does not change.
 */
export function isRetryableAnswer(method: HttpMethod, status: number): boolean {
  return isRetryableStatus(status) && !(method === 'DELETE' && status === 409)
}

/** `x-should-retry: true|false` from the server overrides our own judgement. */
export function serverRetryHint(headers: Headers): boolean | undefined {
  const hint = headers.get('x-should-retry')?.trim().toLowerCase()
  return hint === 'true' ? true : hint === 'false' ? false : undefined
}

/**
 * Whether a call may be sent twice. GET, PUT and DELETE are idempotent; a POST only when it carries an
 * `Idempotency-Key`, so that the server can recognise the second copy.
 */
export function isReplayable(method: HttpMethod, idempotencyKey: string | undefined): boolean {
  return method !== 'POST' || idempotencyKey !== undefined
}
