import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { generateTestKey, KeyRing } from './auth.js'
import { ApiError } from './errors.js'

const KEYS = ['ccmd_test_first', 'ccmd_test_second', 'ccmd_test_third']

/** The 401 `authenticate` throws, with how often the rejected-key callback ran. */
function refusal(ring: KeyRing, header: string | undefined): { error: ApiError; rejected: number } {
  let rejected = 0
  try {
    ring.authenticate(header, () => rejected++)
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    expect(error.status).toBe(401)
    expect(error.code).toBe('unauthorized')
    return { error, rejected }
  }
  throw new Error(`accepted ${header}`)
}

describe('generateTestKey', () => {
  it('makes fresh keys in the docs format, with a test marker', () => {
    const keys = new Set(Array.from({ length: 20 }, generateTestKey))
    expect(keys.size).toBe(20)
    for (const key of keys) expect(key).toMatch(/^ccmd_test_[A-Za-z0-9_-]{32}$/)
  })
})

describe('KeyRing.verify', () => {
  it('gives an accepted key its scope: the first 16 hex digits of its SHA-256, never the key', () => {
    const ring = new KeyRing(KEYS)
    for (const key of KEYS) {
      expect(ring.verify(key)).toBe(createHash('sha256').update(key).digest('hex').slice(0, 16))
    }
    expect(new Set(KEYS.map((key) => ring.verify(key))).size).toBe(KEYS.length)
  })

  it('accepts every key of the ring, wherever it is, and nothing else', () => {
    const ring = new KeyRing(KEYS)
    for (const key of KEYS) expect(ring.verify(key), key).toBeDefined()
    for (const key of ['ccmd_test_firs', 'ccmd_test_first ', 'CCMD_TEST_FIRST', '']) {
      expect(ring.verify(key), key).toBeUndefined()
    }
    expect(new KeyRing([]).verify('ccmd_test_first')).toBeUndefined()
  })
})

describe('KeyRing.authenticate', () => {
  const ring = new KeyRing(KEYS)

  it('takes "Bearer <key>" in any case, with any spaces between and after', () => {
    for (const header of [
      'Bearer ccmd_test_first',
      'bearer ccmd_test_second',
      'BEARER   ccmd_test_third',
      'Bearer ccmd_test_first   ',
    ]) {
      expect(ring.authenticate(header), header).toMatch(/^[0-9a-f]{16}$/)
    }
    expect(ring.authenticate('Bearer ccmd_test_second')).toBe(ring.verify('ccmd_test_second'))
  })

  it('a missing or malformed header: a 401 saying how to send the key, counted as no guess', () => {
    for (const header of [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      'Basic Y2NtZA==',
      'ccmd_test_first',
      'Bearerccmd_test_first',
      'Bearer ccmd_test_first extra',
      'Bearer\tccmd_test_first',
      'x Bearer ccmd_test_first',
    ]) {
      const { error, rejected } = refusal(ring, header)
      expect(error.message, header).toBe('Missing API key: send it as "Authorization: Bearer <key>"')
      expect(error.headers).toEqual({ 'WWW-Authenticate': 'Bearer realm="cc-sandbox"' })
      expect(rejected, header).toBe(0)
    }
  })

  it('a key that is not ours: a 401 naming no key, counted once as a guess', () => {
    const { error, rejected } = refusal(ring, 'Bearer ccmd_test_guess')
    expect(error.message).toBe('Invalid API key')
    expect(error.headers).toEqual({ 'WWW-Authenticate': 'Bearer realm="cc-sandbox", error="invalid_token"' })
    expect(rejected).toBe(1)
  })

  it('needs no callback', () => {
    expect(() => ring.authenticate('Bearer ccmd_test_guess')).toThrow('Invalid API key')
  })
})
