import { endpoints } from '@cc/schema'
import { describe, expect, it } from 'vitest'
import { profiles } from '../profiles.js'
import { ApiError } from './errors.js'
import type { ApiRequest } from './exchange.js'
import { addRoute, type Reply, type RouteInput } from './route.js'
import { Routes } from './router.js'
import { WebRequest } from './web.js'

const context = { requestId: '00000000-0000-4000-8000-000000000000', keyScope: 'test' }

/** Registers `endpoint` under `profile` with a handler that keeps what it was given; runs one request through it. */
async function handled(
  profile: keyof typeof profiles,
  endpoint: (typeof endpoints)[keyof typeof endpoints],
  request: ApiRequest,
): Promise<RouteInput<typeof endpoint> | ApiError> {
  const routes = new Routes()
  let seen: RouteInput<typeof endpoint> | undefined
  addRoute(routes, profiles[profile], endpoint, (ctx, input, reply) => {
    seen = input
    return reply.data(ctx, {})
  })
  const match = routes.match(request.method, request.path)
  if (match === undefined) throw new Error(`no route for ${request.method} ${request.path}`)
  try {
    await match.operation(request, context, match.params)
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  return seen as RouteInput<typeof endpoint>
}

const post = (path: string, body: unknown) =>
  new WebRequest(
    new Request(`http://localhost${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  )

describe('addRoute', () => {
  it('checks a body with our rules in the sandbox profile: an unknown field is a 422 naming it', async () => {
    const result = await handled(
      'sandbox',
      endpoints.createDeal,
      post('/v1/deals', { title: 'T', pipelineId: 'p', position: 1 }),
    )
    expect(result).toBeInstanceOf(ApiError)
    expect((result as ApiError).issues).toEqual([{ path: ['position'], message: 'is not a known field' }])
  })

  it('with only the docs rules in the docs profile: an unknown field passes, and the handler never sees it', async () => {
    const body = '{"title":"T","pipelineId":"","position":1,"__proto__":{"polluted":true},"pricing":-5}'
    const result = await handled('docs', endpoints.createDeal, post('/v1/deals', body))
    expect(result).not.toBeInstanceOf(ApiError)
    const input = result as RouteInput<typeof endpoints.createDeal>
    expect(input.body).toEqual({ title: 'T', pipelineId: '', pricing: -5 })
    expect(Object.keys(input.body)).toEqual(['title', 'pipelineId', 'pricing'])
    expect(Object.getPrototypeOf(input.body)).toBe(Object.prototype)
    // The body as sent stays available, for the idempotency fingerprint.
    expect(input.rawBody).toMatchObject({ position: 1 })
  })

  it('keeps only the listed query parameters in the docs profile', async () => {
    const request = new WebRequest(new Request('http://localhost/v1/people?limit=5&limt=6&sort=name'))
    const result = await handled('docs', endpoints.listPeople, request)
    expect((result as RouteInput<typeof endpoints.listPeople>).query).toEqual({ limit: 5 })
    const refused = await handled('sandbox', endpoints.listPeople, request)
    expect((refused as ApiError).issues?.map((issue) => issue.path)).toEqual([['limt'], ['sort']])
  })

  it('reads a query parameter sent several times as a list, which its schema refuses', async () => {
    for (const query of ['limit=1&limit=2', 'limit=1&limit=2&limit=3']) {
      const request = new WebRequest(new Request(`http://localhost/v1/people?${query}`))
      const refused = await handled('sandbox', endpoints.listPeople, request)
      expect((refused as ApiError).issues, query).toEqual([{ path: ['limit'], message: 'must be a number' }])
    }
  })

  it('leaves an undocumented operation out of the docs profile only', () => {
    for (const [profile, served] of [
      ['sandbox', true],
      ['docs', false],
    ] as const) {
      const routes = new Routes()
      addRoute(routes, profiles[profile], endpoints.getPerson, (ctx, _input, reply) => reply.data(ctx, {}))
      expect(routes.match('GET', '/v1/people/abcdefgh1234') !== undefined, profile).toBe(served)
    }
  })
})

describe('the reply a handler gets', () => {
  /** The `Reply` of `endpoint`, taken from a handler answering `request`. */
  async function replyOf(endpoint: (typeof endpoints)[keyof typeof endpoints], request: ApiRequest): Promise<Reply> {
    const routes = new Routes()
    let given: Reply | undefined
    addRoute(routes, profiles.sandbox, endpoint, (ctx, _input, reply) => {
      given = reply
      return reply.data(ctx, {})
    })
    const match = routes.match(request.method, request.path)
    await match?.operation(request, context, match.params)
    if (given === undefined) throw new Error('the handler never ran')
    return given
  }

  it("answers the endpoint's status, and refuses an alternate one it does not have, naming the operation", async () => {
    const reply = await replyOf(
      endpoints.getPerson,
      new WebRequest(new Request('http://localhost/v1/people/abcdefgh1234')),
    )
    expect(reply.status()).toBe(200)
    expect(reply.status(false)).toBe(200)
    expect(() => reply.status(true)).toThrow('GET /people/{id} has no alternate status')
  })

  it('gives an upsert its alternate status when asked', async () => {
    const reply = await replyOf(
      endpoints.upsertPerson,
      post('/v1/people', { firstName: 'Ada', email: 'ada@example.com' }),
    )
    expect([reply.status(), reply.status(true)]).toEqual([201, 200])
    expect(reply.json({}, true).status).toBe(200)
  })
})
