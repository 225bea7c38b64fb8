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
