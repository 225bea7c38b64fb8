import { describe, expect, it, vi } from 'vitest'
import { APIPromise, CcError, createClient } from '../index.js'
import { answering, json, meta, offline, person } from './test-fetch.js'

const ID = 'jd79abc123def'
const ok = () => json(200, { meta: meta('req_ok'), data: person(ID) }, { 'x-request-id': 'req_ok' })

describe('APIPromise', () => {
  it('is a Promise of the result, and withResponse() gives the rest', async () => {
    const cc = createClient(offline(answering(ok).fetch))
    const call = cc.people.get(ID)
    expect(call).toBeInstanceOf(Promise)
    expect(call).toBeInstanceOf(APIPromise)
    const [a, b, wrapped] = await Promise.all([call, call.then((p) => p.id), call.withResponse()])
    expect(a.id).toBe(ID)
    expect(b).toBe(ID)
    expect(wrapped.data).toBe(a)
    expect(wrapped.requestId).toBe('req_ok')
    expect(wrapped.response.status).toBe(200)
    const finished = vi.fn()
    await call.finally(finished)
    expect(finished).toHaveBeenCalledOnce()
  })

  it('rejects through then, catch and withResponse alike', async () => {
    const cc = createClient(offline(answering(() => json(404, {})).fetch))
    const call = cc.people.get(ID)
    await expect(call).rejects.toThrow(CcError)
    expect(await call.catch((e: unknown) => (e as Error).name)).toBe('NotFoundError')
    await expect(call.withResponse()).rejects.toThrow(CcError)
  })
})
