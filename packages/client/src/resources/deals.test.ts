import { describe, expect, it } from 'vitest'
import { answering, json, meta, offline } from '../core/test-fetch.js'
import { createClient, ValidationError } from '../index.js'

const DEAL = 'deal_0123456789'
const client = () => {
  const { fetch, sent } = answering(() => json(200, { meta: meta(), success: true }))
  return { cc: createClient(offline(fetch, { logLevel: 'off' })), sent }
}

/** What `promise` rejects with. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  )

describe('deals: a refused input names the operation and sends nothing', () => {
  it.each([
    ['deals.create', (cc: ReturnType<typeof createClient>) => cc.deals.create({ title: '' } as never)],
    ['deals.update', (cc: ReturnType<typeof createClient>) => cc.deals.update(DEAL, { title: 'x' } as never)],
    ['deals.move', (cc: ReturnType<typeof createClient>) => cc.deals.move(DEAL, {} as never)],
  ])('%s', async (operation, call) => {
    const { cc, sent } = client()
    const error = (await failure(call(cc))) as ValidationError
    expect(error).toBeInstanceOf(ValidationError)
    expect(error.message.startsWith(`Invalid input for ${operation}: `)).toBe(true)
    expect(sent).toHaveLength(0)
  })
})

describe('deals: what is sent', () => {
  it('update PUTs to the deal, move POSTs to its move route', async () => {
    const { cc, sent } = client()
    await cc.deals.update(DEAL, { title: 'Big deal', pipelineId: 'pipe_buyers' })
    await cc.deals.move(DEAL, { stageId: 'stage_offer' })
    expect(sent.map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      `PUT /v1/deals/${DEAL}`,
      `POST /v1/deals/${DEAL}/move`,
    ])
  })
})
