import { hash, randomBytes, timingSafeEqual } from 'node:crypto'
import { apiError } from './errors.js'

// One-shot hashing: no Hash object per request.
const digest = (key: string): Buffer => hash('sha256', key, 'buffer')

/** A fresh test key in the docs' format, with a `test` marker: `ccmd_test_` + 32 random characters. */
export function generateTestKey(): string {
  return `ccmd_test_${randomBytes(24).toString('base64url')}`
}

/**
 * The accepted API keys. Only SHA-256 digests are kept; a candidate is compared with every key in
 * constant time (equal-length digests, no early exit), so timing reveals neither key nor position.
 */
export class KeyRing {
  readonly #digests: Buffer[]

  constructor(keys: readonly string[]) {
    this.#digests = keys.map(digest)
  }

  /** The key's scope (a hash prefix, safe to store and log) when it is accepted, else undefined. */
  verify(candidate: string): string | undefined {
    const given = digest(candidate)
    let match = false
    for (const known of this.#digests) match = timingSafeEqual(given, known) || match
    return match ? given.toString('hex').slice(0, 16) : undefined
  }

  /**
   * Checks an `Authorization` header; throws a 401 with `WWW-Authenticate: Bearer` when it fails, after calling
   * `onRejectedKey` when a key was sent and is not one of ours (a guess, which the failed-auth limit counts).
   */
  authenticate(header: string | undefined, onRejectedKey?: () => void): string {
    // Stryker disable next-line StringLiteral: a missing header may stand for any text without "Bearer ": all fail alike
    const token = /^Bearer +([^\s]+) *$/i.exec(header ?? '')?.[1]
    if (token === undefined) {
      throw apiError('unauthorized', 'Missing API key: send it as "Authorization: Bearer <key>"', {
        headers: { 'WWW-Authenticate': 'Bearer realm="cc-sandbox"' },
      })
    }
    const scope = this.verify(token)
    if (scope === undefined) {
      onRejectedKey?.()
      throw apiError('unauthorized', 'Invalid API key', {
        headers: { 'WWW-Authenticate': 'Bearer realm="cc-sandbox", error="invalid_token"' },
      })
    }
    return scope
  }
}
