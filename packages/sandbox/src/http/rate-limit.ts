import { apiError } from './errors.js'

export interface RateLimitOptions {
  requests: number
  windowMs: number
}

/**
 * A fixed-window request budget per API key: `requests` per `windowMs`. Over it, a 429 with
 * `Retry-After` (whole seconds until the window ends, at least 1).
 */
export class RateLimiter {
  readonly #options: RateLimitOptions
  readonly #windows = new Map<string, { start: number; count: number }>()

  constructor(options: RateLimitOptions) {
    this.#options = options
  }

  /** Counts one request for `scope`; returns the rate-limit headers, or throws the 429. */
  take(scope: string, now = Date.now()): Record<string, string> {
    const { requests, windowMs } = this.#options
    let window = this.#windows.get(scope)
    if (window === undefined || now - window.start >= windowMs) {
      window = { start: now, count: 0 }
      this.#windows.set(scope, window)
    }
    const resetSeconds = Math.max(1, Math.ceil((window.start + windowMs - now) / 1000))
    const headers = {
      'X-RateLimit-Limit': String(requests),
      'X-RateLimit-Remaining': String(Math.max(0, requests - window.count - 1)),
      'X-RateLimit-Reset': String(resetSeconds),
    }
    if (window.count >= requests) {
      throw apiError('rate_limited', `Rate limit exceeded: ${requests} requests per ${windowMs} ms`, {
        headers: { ...headers, 'X-RateLimit-Remaining': '0', 'Retry-After': String(resetSeconds) },
      })
    }
    window.count++
    return headers
  }

  reset(): void {
    this.#windows.clear()
  }
}

export interface FailedAuthLimitOptions {
  attempts: number
  windowMs: number
}

/** Clients remembered at most; past it, expired windows are dropped first. */
const MAX_TRACKED_CLIENTS = 10_000

/**
 * Failed authentications per client (its address over HTTP; in-process, one shared client): `attempts` per
 * `windowMs`. Once they are used up, every request of that client that needs a key gets a 429 until the window ends,
 * a right key included, so that guessing learns nothing more. Separate from the per-key budget of `RateLimiter`.
 */
export class FailedAuthLimiter {
  readonly #options: FailedAuthLimitOptions
  readonly #windows = new Map<string, { start: number; count: number }>()

  constructor(options: FailedAuthLimitOptions) {
    this.#options = options
  }

  /** Throws the 429 when `client` has no failed attempts left in its window. */
  check(client: string, now = Date.now()): void {
    const window = this.#windows.get(client)
    if (window === undefined || now - window.start >= this.#options.windowMs) return
    if (window.count < this.#options.attempts) return
    const seconds = Math.max(1, Math.ceil((window.start + this.#options.windowMs - now) / 1000))
    throw apiError(
      'rate_limited',
      `Too many failed authentications from this client (${this.#options.attempts} per ${this.#options.windowMs} ms): try again in ${seconds} s`,
      { headers: { 'Retry-After': String(seconds) } },
    )
  }

  /** Counts one failed authentication of `client`. */
  record(client: string, now = Date.now()): void {
    let window = this.#windows.get(client)
    if (window === undefined || now - window.start >= this.#options.windowMs) {
      // A new window goes to the end of the Map, so that the Map stays in the order the windows started.
      this.#windows.delete(client)
      if (this.#windows.size >= MAX_TRACKED_CLIENTS) this.#prune(now)
      window = { start: now, count: 0 }
      this.#windows.set(client, window)
    }
    window.count++
  }

  reset(): void {
    this.#windows.clear()
  }

  #prune(now: number): void {
    for (const [client, window] of this.#windows) {
      if (now - window.start >= this.#options.windowMs) this.#windows.delete(client)
    }
    // Still full: the oldest windows go (a Map keeps insertion order).
    for (const client of this.#windows.keys()) {
      if (this.#windows.size < MAX_TRACKED_CLIENTS) break
      this.#windows.delete(client)
    }
  }
}
