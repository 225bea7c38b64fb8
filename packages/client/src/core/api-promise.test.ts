import { describe, expect, it, vi } from 'vitest'
import { APIPromise, CcError, createClient } from '../index.js'
import { withRequestId } from './api-promise.js'
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

describe('withRequestId', () => {
  it('adds a request id that shows in neither JSON nor spreads, and can be redefined', () => {
    const data = withRequestId<{ id: string; requestId?: string }>({ id: 'a' }, 'req_1')
    expect(data.requestId).toBe('req_1')
    expect(JSON.stringify(data)).toBe('{"id":"a"}')
    expect({ ...data }).toEqual({ id: 'a' })
    expect(Object.getOwnPropertyDescriptor(data, 'requestId')).toEqual({
      value: 'req_1',
      enumerable: false,
      configurable: true,
      writable: false,
    })
    expect(withRequestId(data, 'req_2').requestId).toBe('req_2')
  })

  it('leaves alone what cannot take it: null, text, numbers, frozen objects', () => {
    expect(withRequestId(null, 'r')).toBeNull()
    expect(withRequestId('text', 'r')).toBe('text')
    expect(withRequestId(5, 'r')).toBe(5)
    const frozen = Object.freeze({ id: 'a' })
    expect(withRequestId(frozen, 'r')).toBe(frozen)
    expect('requestId' in frozen).toBe(false)
    const list = withRequestId([1, 2], 'r_list') as number[] & { requestId?: string }
    expect(list.requestId).toBe('r_list')
  })
})

describe('APIPromise, derived', () => {
  it('then, catch and finally give plain promises; the result is read once', async () => {
    let reads = 0
    const result = Promise.resolve({ data: 7, meta: undefined, response: new Response(), requestId: 'r', body: 7 })
    const promise = new APIPromise({
      // biome-ignore lint/suspicious/noThenProperty: counts how often the result is read
      then: (...args: Parameters<typeof result.then>) => {
        reads++
        return result.then(...args)
      },
    } as unknown as typeof result)
    const derived = promise.then((n) => n + 1)
    expect(derived).not.toBeInstanceOf(APIPromise)
    expect(derived).toBeInstanceOf(Promise)
    expect(await derived).toBe(8)
    expect(await promise).toBe(7)
    expect(await promise.catch(() => 0)).toBe(7)
    expect(await promise.finally(() => {})).toBe(7)
    expect(reads).toBe(1)
    expect((await promise.withResponse()).requestId).toBe('r')
  })
})
