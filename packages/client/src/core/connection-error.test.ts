import { NetworkError } from 'ky'
import { describe, expect, it } from 'vitest'
import { connectionError } from './connection-error.js'
import { ConnectionError } from './errors.js'

const KEY = 'ccmd_live_secret_key_0123456789'
const context = { method: 'GET', path: '/people/jd79abc123def', attempts: 2 }

/** What Node's fetch throws for a reset connection. */
const reset = () =>
  new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) })

describe('connectionError', () => {
  it('words the deepest cause, its code first, with the attempt', () => {
    const { error, detail } = connectionError(reset(), context, [KEY])
    expect(error).toBeInstanceOf(ConnectionError)
    expect(detail).toBe('ECONNRESET read ECONNRESET')
    expect(error.message).toBe('Connection failed: ECONNRESET read ECONNRESET (GET /people/jd79abc123def, attempt 2)')
    expect(error).toMatchObject(context)
  })

  it('a cause without a code is worded by its message alone', () => {
    const { detail } = connectionError(
      new TypeError('fetch failed', { cause: new Error('socket hang up') }),
      context,
      [],
    )
    expect(detail).toBe('socket hang up')
  })

  it("keeps what ky's NetworkError wraps, never the Request it holds (and its Authorization header)", () => {
    const request = new Request('https://api.example.test/v1/me', { headers: { authorization: `Bearer ${KEY}` } })
    const wrapped = new NetworkError(request, { cause: reset() })
    const { error, detail } = connectionError(wrapped, context, [KEY])
    expect(detail).toBe('ECONNRESET read ECONNRESET')
    const cause = error.cause as Error & { code?: string }
    expect(cause.name).toBe('TypeError')
    expect(cause.message).toBe('fetch failed')
    expect(cause).not.toHaveProperty('request')
    expect((cause.cause as Error & { code?: string }).code).toBe('ECONNRESET')
    expect(JSON.stringify(error)).not.toContain(KEY)
  })

  it('the cause is a plain copy: name, message, code and cause, a stack of one line, nothing else', () => {
    const original = Object.assign(new RangeError('bad port'), { code: 'ERR_PORT', request: { secret: KEY } })
    const { error } = connectionError(original, context, [KEY])
    const cause = error.cause as Error & { code?: string }
    expect(cause).not.toBe(original)
    expect(cause).toBeInstanceOf(Error)
    expect(cause.name).toBe('RangeError')
    expect(cause.message).toBe('bad port')
    expect(cause.code).toBe('ERR_PORT')
    expect(cause.stack).toBe('RangeError: bad port')
    expect(cause).not.toHaveProperty('request')
    expect(cause.cause).toBeUndefined()
  })

  it('removes the key and line breaks from whatever the runtime says', () => {
    const echoed = Object.assign(new Error(`invalid header value "Bearer ${KEY}"\r\nX-Forged: 1`), {
      name: `Header${KEY}Error\n`,
      code: `ERR_${KEY}\n`,
    })
    const { error, detail } = connectionError(new TypeError('fetch failed', { cause: echoed }), context, [KEY])
    const inner = (error.cause as Error).cause as Error & { code?: string }
    expect(inner.message).toBe('invalid header value "Bearer [redacted]" X-Forged: 1')
    expect(inner.name).toBe('Header[redacted]Error ')
    expect(inner.code).toBe('ERR_[redacted] ')
    expect(detail).toBe('ERR_[redacted]  invalid header value "Bearer [redacted]" X-Forged: 1')
    expect(error.message).not.toContain(KEY)
    expect(error.message).not.toMatch(/[\r\n]/)
  })

  it('something thrown that is not an Error: its text, as an Error', () => {
    const { error, detail } = connectionError('socket closed', context, [])
    const cause = error.cause as Error & { code?: string }
    expect(detail).toBe('socket closed')
    expect(cause.name).toBe('Error')
    expect(cause.message).toBe('socket closed')
    expect(cause).not.toHaveProperty('code')
    expect(cause.stack).toBe('Error: socket closed')
  })

  it('a name or code that is not text is left out', () => {
    const odd = { name: 42, message: 'odd failure', code: 7 }
    const { error, detail } = connectionError(odd, context, [])
    const cause = error.cause as Error & { code?: string }
    expect(cause.name).toBe('Error')
    expect(cause).not.toHaveProperty('code')
    expect(detail).toBe('odd failure')
  })

  it('nothing thrown at all: an unknown error', () => {
    for (const nothing of [undefined, null]) {
      const { error, detail } = connectionError(nothing, context, [])
      expect(detail).toBe('unknown error')
      expect(error.message).toBe('Connection failed: unknown error (GET /people/jd79abc123def, attempt 2)')
      expect(error.cause).toBeUndefined()
    }
  })

  it('copies four levels of causes at most', () => {
    let chain: Error = Object.assign(new Error('level 6'), { code: 'DEEPEST' })
    for (let level = 5; level >= 1; level--) chain = new Error(`level ${level}`, { cause: chain })
    const { error, detail } = connectionError(chain, context, [])
    const levels: string[] = []
    for (let cause = error.cause as Error | undefined; cause; cause = cause.cause as Error | undefined) {
      levels.push(cause.message)
    }
    expect(levels).toEqual(['level 1', 'level 2', 'level 3', 'level 4'])
    expect(detail).toBe('level 4')
  })
})
