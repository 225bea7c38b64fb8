import { describe, expect, it } from 'vitest'
import { answering, json, meta, offline } from '../core/test-fetch.js'
import { createClient, ValidationError } from '../index.js'

/** What `promise` rejects with. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  )

describe('users: a body for a call that sends none is refused, naming the operation', () => {
  it.each([
    ['users.list', (cc: ReturnType<typeof createClient>) => cc.users.list({ extraBody: { a: 1 } })],
    ['me', (cc: ReturnType<typeof createClient>) => cc.users.me({ extraBody: { a: 1 } })],
  ])('%s', async (operation, call) => {
    const { fetch, sent } = answering(() => json(200, { meta: meta(), data: [] }))
    const error = (await failure(call(createClient(offline(fetch, { logLevel: 'off' }))))) as ValidationError
    expect(error).toBeInstanceOf(ValidationError)
    expect(error.message).toBe(
      `Invalid request options: extraBody: is only for calls that send a body (${operation} sends none)`,
    )
    expect(sent).toHaveLength(0)
  })
})
