import { request as httpRequest } from 'node:http'
import { ApiErrorBody } from '@cc/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCliArgs } from '../src/cli/args.js'
import { createSandbox, type Sandbox } from '../src/index.js'
import { type CallOptions, call } from './call.js'

const APP = 'http://localhost:5173'
const corsHeaders = (headers: Headers) =>
  [...headers.keys()].filter((name) => name.startsWith('access-control-')).sort((a, b) => a.localeCompare(b))

const preflight = (sandbox: Sandbox, origin: string, method = 'PUT', viaHttp = false) =>
  call(
    sandbox,
    'OPTIONS',
    '/people/abcdefgh1234',
    {
      key: null,
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': method,
        'Access-Control-Request-Headers': 'authorization,content-type,idempotency-key',
      },
    },
    viaHttp,
  )

describe('CORS is off by default', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await createSandbox({ seed: false })
  })
  afterAll(() => sandbox.close())

  it('no CORS header on any answer; a preflight (no key) is a 401 like any request without one', async () => {
    const res = await call(sandbox, 'GET', '/me', { headers: { Origin: APP } })
    expect(res.status).toBe(200)
    expect(corsHeaders(res.headers)).toEqual([])
    const pre = await preflight(sandbox, APP)
    expect(pre.status).toBe(401)
    expect(corsHeaders(pre.headers)).toEqual([])
  })
})

describe('with cors: [origin]', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await createSandbox({ listen: { port: 0 }, cors: [APP, 'https://Admin.Example.com:443/'] })
  })
  afterAll(() => sandbox.close())

  for (const viaHttp of [false, true]) {
    const transport = viaHttp ? 'over loopback' : 'in-process'
    const send = (method: string, path: string, options: CallOptions = {}) =>
      call(sandbox, method, path, options, viaHttp)

    it(`${transport}: a preflight of a listed origin is a 204 without a key, with what the client sends`, async () => {
      const res = await preflight(sandbox, APP, 'PUT', viaHttp)
      expect(res.status).toBe(204)
      expect(res.body).toBeUndefined()
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe(APP)
      expect(res.headers.get('Access-Control-Allow-Methods')).toBe('GET, HEAD, POST, PUT, DELETE')
      expect(res.headers.get('Access-Control-Allow-Headers')).toBe('Authorization, Content-Type, Idempotency-Key')
      expect(Number(res.headers.get('Access-Control-Max-Age'))).toBeGreaterThan(0)
      expect(res.headers.get('Vary')).toBe('Origin')
      expect(res.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
      // The origin is kept in the form browsers send.
      expect((await preflight(sandbox, 'https://admin.example.com', 'GET', viaHttp)).status).toBe(204)
    })

    it(`${transport}: answers of a listed origin, errors too, let the page read X-Request-Id and Retry-After`, async () => {
      for (const res of [
        await send('GET', '/me', { headers: { Origin: APP } }),
        await send('GET', '/people/missing12345', { headers: { Origin: APP } }),
        await send('GET', '/me', { key: null, headers: { Origin: APP } }),
      ]) {
        expect(res.headers.get('Access-Control-Allow-Origin')).toBe(APP)
        const exposed = res.headers.get('Access-Control-Expose-Headers')?.split(', ') ?? []
        expect(exposed).toEqual(expect.arrayContaining(['X-Request-Id', 'Retry-After', 'retry-after-ms']))
        expect(res.headers.get('Vary')).toBe('Origin')
      }
    })

    it(`${transport}: an origin not in the list gets no CORS header, and its preflight is refused`, async () => {
      const res = await send('GET', '/me', { headers: { Origin: 'http://localhost:5174' } })
      expect(res.status).toBe(200)
      expect(corsHeaders(res.headers)).toEqual([])
      const pre = await preflight(sandbox, 'http://evil.example', 'PUT', viaHttp)
      expect(pre.status).toBe(401)
      expect(corsHeaders(pre.headers)).toEqual([])
      expect(ApiErrorBody.parse(pre.body).error.code).toBe('unauthorized')
    })
  }

  it('a request refused for its Host gets no CORS header, even from a listed origin', async () => {
    const port = new URL(sandbox.url).port
    const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: '/v1/me', headers: { host: 'evil.example', origin: APP }, agent: false },
        (res) => {
          res.resume()
          resolve({ status: res.statusCode, ...res.headers })
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(headers.status).toBe(400)
    expect(Object.keys(headers).filter((name) => name.startsWith('access-control-'))).toEqual([])
  })

  it('an origin that is not scheme://host[:port] is refused by name', async () => {
    for (const bad of ['localhost:5173', 'http://localhost:5173/app', 'ftp://files.example', '*']) {
      await expect(createSandbox({ cors: [bad] }), bad).rejects.toThrow(
        /Invalid sandbox options: options\.cors\.0: must be a valid origin, like http:\/\/localhost:5173/,
      )
    }
  })

  it('cc-sandbox --cors <origin> is repeatable', () => {
    expect(parseCliArgs(['--cors', APP, '--cors', 'http://127.0.0.1:3000']).options.cors).toEqual([
      APP,
      'http://127.0.0.1:3000',
    ])
    expect(parseCliArgs([]).options.cors).toBeUndefined()
  })
})
