import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from './errors.js'
import { toWebResponse, WebRequest } from './web.js'

describe('WebRequest', () => {
  it('reads the method, the normalised path and the query without its "?"', () => {
    const request = new WebRequest(new Request('http://localhost/v1/people/../people/%7Ex?limit=5&name=a%20b'))
    expect(request.method).toBe('GET')
    expect(request.path).toBe('/v1/people/%7Ex')
    expect(request.query).toBe('limit=5&name=a%20b')
    expect(new WebRequest(new Request('http://localhost/v1/me')).query).toBe('')
    expect(new WebRequest(new Request('http://localhost/v1/me?')).query).toBe('')
  })

  it('is one in-process client, not dropped until told', () => {
    const request = new WebRequest(new Request('http://localhost/v1/me'))
    expect(request.clientAddress).toBeUndefined()
    expect(request.dropped).toBe(false)
    request.drop()
    expect(request.dropped).toBe(true)
  })

  it('reads a header by name in any case; an absent one is undefined', () => {
    const request = new WebRequest(new Request('http://localhost/v1/me', { headers: { 'X-Thing': 'a' } }))
    expect(request.header('x-thing')).toBe('a')
    expect(request.header('x-other')).toBeUndefined()
  })

  it('passes the request`s signal on', () => {
    const controller = new AbortController()
    const request = new WebRequest(new Request('http://localhost/v1/me', { signal: controller.signal }))
    expect(request.signal.aborted).toBe(false)
    controller.abort()
    expect(request.signal.aborted).toBe(true)
  })

  it('reads the body once; a second read is a 400', async () => {
    const request = new WebRequest(new Request('http://localhost/v1/people', { method: 'POST', body: '{"a":1}' }))
    expect(new TextDecoder().decode(await request.readBody())).toBe('{"a":1}')
    const error = await request.readBody().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(400)
    expect((error as ApiError).message).toBe('Request body could not be read')
    expect(await new WebRequest(new Request('http://localhost/v1/me')).readBody()).toHaveLength(0)
  })
})

describe('toWebResponse', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('carries the status, the headers and the body', async () => {
    const response = toWebResponse({ status: 201, headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' })
    expect(response.status).toBe(201)
    expect(response.headers.get('Content-Type')).toBe('application/json')
    expect(await response.text()).toBe('{"a":1}')
    const empty = toWebResponse({ status: 204, headers: { Vary: 'Origin' }, body: null })
    expect(empty.status).toBe(204)
    expect(empty.body).toBeNull()
  })

  it('without a slow-body delay, gives the body at once, before any timer', async () => {
    let timerFired = false
    const timer = setTimeout(() => {
      timerFired = true
    }, 0)
    const response = toWebResponse({ status: 200, headers: {}, body: '{"now":true}' })
    expect(await response.text()).toBe('{"now":true}')
    expect(timerFired).toBe(false)
    clearTimeout(timer)
  })

  it('holds the body back for the slow-body delay, the headers at once', async () => {
    vi.useFakeTimers()
    const response = toWebResponse({ status: 200, headers: { 'X-A': '1' }, body: '{"late":true}', bodyDelayMs: 300 })
    expect(response.status).toBe(200)
    expect(response.headers.get('X-A')).toBe('1')
    let text: string | undefined
    const reading = response.text().then((t) => {
      text = t
    })
    await vi.advanceTimersByTimeAsync(299)
    expect(text).toBeUndefined()
    await vi.advanceTimersByTimeAsync(1)
    await reading
    expect(text).toBe('{"late":true}')
    // Nothing to hold back without a body.
    expect(toWebResponse({ status: 204, headers: {}, body: null, bodyDelayMs: 300 }).body).toBeNull()
  })
})
