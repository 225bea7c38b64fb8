import { describe, expect, it } from 'vitest'
import { CorsPolicy } from './cors.js'
import { WebRequest } from './web.js'

const APP = 'http://localhost:5173'
const request = (method: string, headers: Record<string, string>) =>
  new WebRequest(new Request('http://localhost/v1/people', { method, headers }))

/** The headers `apply` adds for this request, and whether it answered a preflight. */
function applied(policy: CorsPolicy, method: string, headers: Record<string, string>) {
  const out: Record<string, string> = {}
  const preflight = policy.apply(request(method, headers), out)
  return { preflight, headers: out }
}

describe('CorsPolicy', () => {
  const policy = new CorsPolicy([APP, 'https://admin.example.com'])

  it('a listed origin may read the headers @cc/client reads, on every answer', () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      expect(applied(policy, method, { Origin: APP })).toEqual({
        preflight: false,
        headers: {
          Vary: 'Origin',
          'Access-Control-Allow-Origin': APP,
          'Access-Control-Expose-Headers':
            'X-Request-Id, Retry-After, retry-after-ms, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Idempotent-Replayed',
        },
      })
    }
  })

  it('answers the preflight of a listed origin: the methods and headers the API takes, cached ten minutes', () => {
    const result = applied(policy, 'OPTIONS', {
      Origin: 'https://admin.example.com',
      'Access-Control-Request-Method': 'PUT',
    })
    expect(result).toEqual({
      preflight: true,
      headers: {
        Vary: 'Origin',
        'Access-Control-Allow-Origin': 'https://admin.example.com',
        'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, DELETE',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key',
        'Access-Control-Max-Age': '600',
      },
    })
  })

  it('an OPTIONS without Access-Control-Request-Method is no preflight, nor a GET that names one', () => {
    for (const [method, headers] of [
      ['OPTIONS', { Origin: APP }],
      ['GET', { Origin: APP, 'Access-Control-Request-Method': 'PUT' }],
    ] as const) {
      const result = applied(policy, method, headers)
      expect(result.preflight, method).toBe(false)
      expect(result.headers['Access-Control-Allow-Methods'], method).toBeUndefined()
      expect(result.headers['Access-Control-Expose-Headers'], method).toBeDefined()
    }
  })

  it('any other origin, or none, gets only Vary: Origin', () => {
    for (const headers of [
      {} as Record<string, string>,
      { Origin: 'http://localhost:5174' },
      { Origin: 'HTTP://LOCALHOST:5173' },
      { Origin: 'null' },
      { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'PUT' },
    ]) {
      expect(applied(policy, 'OPTIONS', headers)).toEqual({ preflight: false, headers: { Vary: 'Origin' } })
    }
    expect(applied(new CorsPolicy([]), 'GET', { Origin: APP })).toEqual({
      preflight: false,
      headers: { Vary: 'Origin' },
    })
  })
})
