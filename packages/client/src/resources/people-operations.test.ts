import { describe, expect, it } from 'vitest'
import { answering, json, meta, offline } from '../core/test-fetch.js'
import { createClient, ValidationError } from '../index.js'

const ID = 'jd79abc123def'
type Client = ReturnType<typeof createClient>

/** What `promise` rejects with. */
const failure = (promise: PromiseLike<unknown>) =>
  Promise.resolve(promise).then(
    () => undefined,
    (error: unknown) => error,
  )

const client = () => {
  const { fetch, sent } = answering(() => json(200, { meta: meta(), data: [] }))
  return { cc: createClient(offline(fetch, { logLevel: 'off' })), sent }
}

describe('people: each call names its operation when it refuses, and sends nothing', () => {
  it.each([
    ['people.list', (cc: Client) => cc.people.list({}, { extraBody: { a: 1 } })],
    ['people.get', (cc: Client) => cc.people.get(ID, { extraBody: { a: 1 } })],
    ['people.search', (cc: Client) => cc.people.search({ id: ID }, { extraBody: { a: 1 } })],
    ['people.delete', (cc: Client) => cc.people.delete(ID, { extraBody: { a: 1 } })],
  ])('%s sends no body', async (operation, call) => {
    const { cc, sent } = client()
    const error = (await failure(call(cc))) as ValidationError
    expect(error).toBeInstanceOf(ValidationError)
    expect(error.message).toBe(
      `Invalid request options: extraBody: is only for calls that send a body (${operation} sends none)`,
    )
    expect(sent).toHaveLength(0)
  })

  it.each([
    ['people.create', (cc: Client) => cc.people.create({ emails: 'x' } as never)],
    ['people.update', (cc: Client) => cc.people.update(ID, { emails: 'x' } as never)],
  ])('%s: an invalid input', async (operation, call) => {
    const { cc, sent } = client()
    const error = (await failure(call(cc))) as ValidationError
    expect(error).toBeInstanceOf(ValidationError)
    expect(error.message.startsWith(`Invalid input for ${operation}: `)).toBe(true)
    expect(sent).toHaveLength(0)
  })
})
