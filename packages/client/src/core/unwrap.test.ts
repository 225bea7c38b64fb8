import { describe, expect, it } from 'vitest'
import { createClient } from '../index.js'
import { answering, collectingLogger, json, meta, offline } from './test-fetch.js'
import { dataOf, successOf } from './unwrap.js'

const ID = 'jd79abc123def'

describe('a 2xx is a success, with or without `success`', () => {
  it('an answer with only `meta` (the one part the docs mark required) is a success, and no warning', async () => {
    const { logger, lines } = collectingLogger()
    const { fetch, sent } = answering(() => json(200, { meta: meta('req_bare') }))
    const cc = createClient(offline(fetch, { logger, validate: 'strict' }))
    expect(await cc.people.update(ID, { city: 'Austin' })).toEqual({ success: true })
    expect(await cc.deals.update('deal_1', { title: 'Deal', pipelineId: 'pipe_buyers' })).toEqual({ success: true })
    expect(await cc.deals.move('deal_1', { stageId: 'dstage_1' })).toEqual({ success: true })
    expect((await cc.people.update(ID, { city: 'Austin' })).requestId).toBe('req_bare')
    expect(sent.map((request) => request.method)).toEqual(['PUT', 'PUT', 'POST', 'PUT'])
    expect(lines).toEqual([])
  })

  it('a `success` that is sent is passed on as it is, with the message', async () => {
    const { fetch } = answering(
      () => json(200, { meta: meta(), success: false, message: 'Nothing to change' }),
      () => new Response(null, { status: 204 }),
    )
    const cc = createClient(offline(fetch, { logLevel: 'off' }))
    expect(await cc.people.update(ID, { city: 'Austin' })).toEqual({ success: false, message: 'Nothing to change' })
    // No body at all: still a success (a warning for the missing `meta`, under the default `validate: 'warn'`).
    expect(await cc.people.update(ID, { city: 'Austin' })).toEqual({ success: true })
  })
})

describe('reading an envelope that may not have its shape', () => {
  it('dataOf: the data, or undefined', () => {
    expect(dataOf({ data: [1] })).toEqual([1])
    expect(dataOf(undefined as never)).toBeUndefined()
    expect(dataOf({} as never)).toBeUndefined()
  })

  it('successOf: a boolean success as sent, anything else a success; the message only when sent', () => {
    expect(successOf({ success: false })).toStrictEqual({ success: false })
    expect(successOf({ success: true, message: 'Done' })).toStrictEqual({ success: true, message: 'Done' })
    expect(successOf({ success: 'no' as never })).toStrictEqual({ success: true })
    expect(successOf(undefined as never)).toStrictEqual({ success: true })
    expect(successOf(null as never)).toStrictEqual({ success: true })
  })
})
