import { afterEach, describe, expect, it, vi } from 'vitest'
import { Transport } from './transport.js'

afterEach(() => {
  vi.unstubAllGlobals()
})

const outgoing = (signal = new AbortController().signal) => ({
  method: 'PUT' as const,
  url: 'https://api.example.test/v1/people/jd79abc123def?x=1',
  headers: { accept: 'application/json', 'content-type': 'application/json' },
  body: '{"city":"Austin"}',
  signal,
})

describe('Transport', () => {
  it('hands a custom fetch the whole request: method, URL, headers, body, signal, and no redirect following', async () => {
    const seen: Request[] = []
    const transport = new Transport(async (request) => {
      seen.push(request)
      return new Response('{}', { status: 200 })
    })
    const controller = new AbortController()
    const response = await transport.send(outgoing(controller.signal))
    expect(response.status).toBe(200)
    const [request] = seen
    expect(request?.method).toBe('PUT')
    expect(request?.url).toBe('https://api.example.test/v1/people/jd79abc123def?x=1')
    expect(request?.headers.get('content-type')).toBe('application/json')
    expect(await request?.text()).toBe('{"city":"Austin"}')
    expect(request?.redirect).toBe('manual')
    expect(request?.signal.aborted).toBe(false)
    controller.abort(new Error('stop'))
    expect(request?.signal.aborted).toBe(true)
  })

  it("uses the platform's fetch, looked up when it sends, with the body, the signal and no redirect following", async () => {
    const transport = new Transport(undefined)
    const calls: [Request, RequestInit | undefined][] = []
    vi.stubGlobal('fetch', async (request: Request, init?: RequestInit) => {
      calls.push([request, init])
      return new Response(null, { status: 204 })
    })
    const signal = new AbortController().signal
    expect((await transport.send(outgoing(signal))).status).toBe(204)
    const [[request, init] = []] = calls
    expect(request?.method).toBe('PUT')
    expect(request?.url).toBe('https://api.example.test/v1/people/jd79abc123def?x=1')
    expect(init).toEqual({ body: '{"city":"Austin"}', signal, redirect: 'manual' })
  })

  it("leaves error statuses to the caller: ky's own errors and retries are off", async () => {
    let calls = 0
    const transport = new Transport(async () => {
      calls++
      return new Response('busy', { status: 503 })
    })
    expect((await transport.send({ ...outgoing(), method: 'GET', body: undefined })).status).toBe(503)
    expect(calls).toBe(1)
  })
})
