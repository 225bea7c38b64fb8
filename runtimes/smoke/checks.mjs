// The five checks every runtime runs against the shared sandbox, with the built @cc/client. Plain JavaScript
// and web APIs only (fetch, AbortController, setTimeout): the same file runs in Node, Bun, Deno, workerd and
// Chromium, bundled or not.
import { AbortError, ApiError, createClient, NotFoundError, TimeoutError } from '@cc/client'

/** The names, in order, that the driver prints. */
export const CHECK_NAMES = ['update', 'list pages', 'ApiError+requestId', 'abort', 'timeout']

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

/** The error `promise` rejects with; fails when it resolves. */
async function rejection(promise) {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('the call resolved; it should have failed')
}

const describe = (error) => `${error?.name ?? typeof error}: ${error?.message ?? String(error)}`

/**
 * Runs the checks in order and returns `[{ name, ok, detail }]`; never throws.
 * `config`: `{ baseUrl, apiKey, controlUrl, runtime, dangerouslyAllowBrowser? }` — `controlUrl` is the driver's
 * endpoint that queues sandbox faults for the next request (`POST` a JSON array such as `["slow"]`);
 * `dangerouslyAllowBrowser` is passed by the browser page only (the client refuses a browser without it).
 */
export async function runChecks(config) {
  const { baseUrl, apiKey, controlUrl, runtime, dangerouslyAllowBrowser } = config
  // `strict`: a response that does not match the contract fails the check instead of logging a warning.
  const options = { apiKey, baseUrl, validate: 'strict', logLevel: 'error' }
  const cc = createClient(dangerouslyAllowBrowser ? { ...options, dangerouslyAllowBrowser } : options)
  const queueFaults = async (kinds) => {
    const response = await fetch(controlUrl, { method: 'POST', body: JSON.stringify(kinds) })
    assert(response.status === 204, `the driver did not queue ${kinds.join(', ')} (${response.status})`)
  }
  let someone

  const checks = {
    update: async () => {
      const first = await cc.people.list({ limit: 1 })
      someone = first.data[0]
      assert(someone, 'the sandbox listed no contact')
      const background = `Updated by the ${runtime} smoke`
      const result = await cc.people.update(someone.id, { background, tags: ['Runtime smoke', runtime] })
      assert(result.success === true, `update answered ${JSON.stringify(result)}`)
      const after = await cc.people.get(someone.id)
      assert(after.background === background, `background reads back as ${JSON.stringify(after.background)}`)
      assert(after.tags === `Runtime smoke, ${runtime}`, `tags read back as ${JSON.stringify(after.tags)}`)
      return `PUT then GET /people/${someone.id}`
    },

    'list pages': async () => {
      const ids = []
      for await (const person of cc.people.list({ limit: 50 })) ids.push(person.id)
      const sizes = []
      const first = await cc.people.list({ limit: 50 })
      for await (const page of first.iterPages()) sizes.push(page.data.length)
      const total = sizes.reduce((sum, size) => sum + size, 0)
      assert(sizes.length > 1, `only ${sizes.length} page: nothing to walk`)
      assert(ids.length === total, `for await gave ${ids.length} contacts, the pages hold ${total}`)
      assert(new Set(ids).size === ids.length, 'a contact came twice')
      return `${ids.length} contacts in ${sizes.length} pages`
    },

    'ApiError+requestId': async () => {
      const error = await rejection(cc.people.get('missing-contact-0000'))
      assert(error instanceof NotFoundError && error instanceof ApiError, `got ${describe(error)}`)
      assert(error.status === 404 && error.code === 'not_found', `status ${error.status}, code ${error.code}`)
      assert(UUID.test(error.requestId ?? ''), `requestId is ${JSON.stringify(error.requestId)}`)
      assert(error.headers['x-request-id'] === error.requestId, 'requestId differs from the X-Request-Id header')
      assert(error.message.includes(error.requestId), 'the message does not name the request id')
      return `404 not_found, request ${error.requestId}`
    },

    abort: async () => {
      assert(someone, 'no contact from the update check')
      // The sandbox holds the next response for seconds, so the abort lands while the call is in flight.
      await queueFaults(['slow'])
      const controller = new AbortController()
      const call = cc.people.get(someone.id, { signal: controller.signal })
      setTimeout(() => controller.abort(new Error('smoke: aborted')), 100)
      const error = await rejection(call)
      assert(error instanceof AbortError, `got ${describe(error)}`)
      assert(error.cause?.message === 'smoke: aborted', `cause is ${describe(error.cause)}`)
      return 'AbortError with the signal reason as cause'
    },

    timeout: async () => {
      assert(someone, 'no contact from the update check')
      await queueFaults(['slow'])
      const error = await rejection(cc.people.get(someone.id, { timeout: 300, maxRetries: 0 }))
      assert(error instanceof TimeoutError, `got ${describe(error)}`)
      assert(error.timeout === 300 && error.attempts === 1, `timeout ${error.timeout}, attempts ${error.attempts}`)
      return 'TimeoutError after one 300 ms attempt'
    },
  }

  const results = []
  for (const name of CHECK_NAMES) {
    try {
      results.push({ name, ok: true, detail: await checks[name]() })
    } catch (error) {
      results.push({ name, ok: false, detail: describe(error) })
    }
  }
  return results
}
