import { describe, expect, it } from 'vitest'
import { answering, json, meta, offline } from '../core/test-fetch.js'
import { createClient, ValidationError } from '../index.js'

describe('activities.create', () => {
  it('a refused input names the operation and sends nothing', async () => {
    const { fetch, sent } = answering(() => json(201, { meta: meta(), data: {} }))
    const cc = createClient(offline(fetch, { logLevel: 'off' }))
    const error = await cc.activities.create({ type: 'note' } as never).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).message.startsWith('Invalid input for activities.create: ')).toBe(true)
    expect(sent).toHaveLength(0)
  })
})
