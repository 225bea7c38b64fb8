// A web app in development calling the sandbox straight from another origin: the browser sends CORS preflights
// (Authorization, Content-Type and Idempotency-Key are not simple headers), and the client must still read the
// request id and retry hints, which only exposed headers make readable.
import { createClient, NotFoundError, RateLimitError } from '@cc/client'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

/**
 * `config.sandboxUrl`: the sandbox's own URL, on another origin than the page. Returns
 * `{ name: 'cross-origin', ok, detail }`; never throws.
 */
export async function checkCrossOrigin(config) {
  const name = 'cross-origin'
  try {
    const sandboxOrigin = new URL(config.sandboxUrl).origin
    assert(sandboxOrigin !== location.origin, `the page and the sandbox share the origin ${location.origin}`)
    const cc = createClient({
      apiKey: config.apiKey,
      baseUrl: config.sandboxUrl,
      validate: 'strict',
      logLevel: 'error',
      // A page: the client refuses a browser without it (the sandbox's key is no secret).
      dangerouslyAllowBrowser: true,
    })

    const [someone] = (await cc.people.list({ limit: 1 })).data
    assert(someone, 'the sandbox listed no contact')
    await cc.people.update(someone.id, { background: `Updated from ${location.origin}` })
    const created = await cc.people.create({ firstName: 'Cross', lastName: 'Origin' }, { idempotencyKey: 'cors-1' })
    assert(created.created === true, `create answered ${JSON.stringify(created)}`)

    const missing = await cc.people.get('missing-contact-0000').then(
      () => undefined,
      (error) => error,
    )
    assert(missing instanceof NotFoundError, `got ${missing?.name}: ${missing?.message}`)
    assert(UUID.test(missing.requestId ?? ''), `requestId is ${JSON.stringify(missing.requestId)}`)
    assert(missing.headers['x-request-id'] === missing.requestId, 'X-Request-Id is not readable')

    const response = await fetch(config.controlUrl, { method: 'POST', body: JSON.stringify(['429']) })
    assert(response.status === 204, `the driver did not queue a 429 (${response.status})`)
    const limited = await cc.people.get(someone.id, { maxRetries: 0 }).then(
      () => undefined,
      (error) => error,
    )
    assert(limited instanceof RateLimitError, `got ${limited?.name}: ${limited?.message}`)
    assert(limited.retryAfter === 1000, `retryAfter is ${limited.retryAfter}: Retry-After is not readable`)
    return {
      name,
      ok: true,
      detail: `${location.origin} → ${sandboxOrigin}: list, update, create, 404 with its request id, 429 with its wait`,
    }
  } catch (error) {
    return { name, ok: false, detail: `${error?.name}: ${error?.message}` }
  }
}
