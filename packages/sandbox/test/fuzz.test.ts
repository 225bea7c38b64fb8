import { ApiErrorBody, contactFieldNames, endpoints } from '@cc/schema'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { createSandbox, type Sandbox } from '../src/index.js'

/**
 * Throws random methods, paths, query strings, headers and bodies at the in-process handler:
 * it must never throw or answer 5xx, every 4xx is an ApiErrorBody and every 2xx matches the
 * endpoint's response schema. Fixed seed (override with FUZZ_SEED) so a failure reproduces. Both profiles: the
 * `docs` one also never serves an undocumented operation, never sends `X-Request-Id`, and never says `success`.
 */

const sandboxes = new Map<'sandbox' | 'docs', Sandbox>()
beforeAll(async () => {
  sandboxes.set('sandbox', await createSandbox({ apiKeys: ['ccmd_test_fuzz'] }))
  sandboxes.set('docs', await createSandbox({ apiKeys: ['ccmd_test_fuzz'], profile: 'docs' }))
})
afterAll(() => Promise.all([...sandboxes.values()].map((sandbox) => sandbox.close())))

const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK'])
const method = fc.oneof(
  fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
  fc.stringMatching(/^[A-Z]{1,8}$/).filter((m) => !FORBIDDEN_METHODS.has(m)),
)

const printable = fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, '').trim())
const segment = fc.oneof(
  fc.constantFrom('v1', 'people', 'search', 'users', 'me', 'deals', 'activities', 'move', 'openapi.json'),
  fc.constantFrom('jd79abc123def', 'abcdefgh1234', 'short', 'deal_x', '%', '%ZZ', '..', '', '%00', 'a'.repeat(300)),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
)
const randomPath = fc.oneof(
  fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => `/v1/${parts.join('/')}`),
  fc.array(segment, { minLength: 0, maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
)
const idValue = fc.oneof(
  fc.constantFrom('jd79abc123def', 'abcdefgh1234', 'deal_x', 'short', '%ZZ', '..'),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
)
/** Mostly real operations (right or wrong method, any id), some random paths. */
const target = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...Object.values(endpoints)), idValue, fc.boolean(), method)
      .map(([endpoint, id, rightMethod, other]) => ({
        method: rightMethod ? endpoint.method : other,
        path: `/v1${endpoint.path.replace('{id}', id)}`,
      })),
  },
  { weight: 1, arbitrary: fc.tuple(method, randomPath).map(([m, p]) => ({ method: m, path: p })) },
)
const query = fc
  .array(
    fc.tuple(
      fc.constantFrom('limit', 'cursor', 'id', 'email', 'phone', 'name', 'permanent', 'x', ''),
      fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String), fc.constantFrom('true', 'false', '0', '100')),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}` : ''))

const plausible = fc.oneof(
  fc.jsonValue(),
  fc.string({ maxLength: 120 }),
  fc.constantFrom('Ada', 'ada@example.com', '+15551234567', 'CA', '90210', 'stage_lead', 'pipe_buyers', 'note', ''),
  fc.constantFrom('jd79abc123def', 'dstage_buyer_offer', 'call', 'inbound', '2026-01-01T00:00:00Z'),
  fc.double(),
  fc.array(fc.string({ maxLength: 60 }), { maxLength: 25 }),
)
const fieldName = fc.constantFrom(
  ...contactFieldNames,
  ...['personId', 'title', 'pipelineId', 'stageId', 'peopleIds', 'teamIds', 'type', 'order', 'closeDate', 'x'],
)
const contactLike = fc.dictionary(fieldName, plausible, { maxKeys: 6 }).map((value) => JSON.stringify(value))
const validish = fc
  .record(
    {
      firstName: fc.constantFrom('Ada', 'Grace', 'Zoë', "O'Brien"),
      lastName: fc.string({ minLength: 1, maxLength: 20 }),
      email: fc.oneof(fc.emailAddress(), fc.constantFrom('a@example.com', 'B@Example.org')),
      phone: fc.stringMatching(/^\+?[1-9]\d{1,14}$/),
      tags: fc.array(fc.string({ minLength: 1, maxLength: 50 }), { maxLength: 20 }),
      price: fc.double({ min: 0, max: 1e9, noNaN: true }),
      stage: fc.constantFrom('stage_lead', 'stage_closed'),
      state: fc.constantFrom('CA', 'NY'),
    },
    { requiredKeys: ['firstName'] },
  )
  .map((value) => JSON.stringify(value))
const body = fc.oneof(
  { weight: 3, arbitrary: contactLike },
  { weight: 3, arbitrary: validish },
  fc.constant(undefined),
  fc.json(),
  fc.string({ maxLength: 50 }),
  fc.constantFrom('{', '[]', 'null', '{"firstName":"Ada"}', '{"firstName":"A","firstName":"B"}'),
)
const headers = fc.record(
  {
    authorization: fc.oneof(
      { weight: 6, arbitrary: fc.constant('Bearer ccmd_test_fuzz') },
      fc.constant('bearer   ccmd_test_fuzz  '),
      fc.constant('Bearer'),
      printable,
    ),
    'content-type': fc.oneof(
      { weight: 3, arbitrary: fc.constant('application/json') },
      fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/vnd.x+json'),
      printable,
    ),
    'idempotency-key': printable,
    'content-length': fc.constantFrom('0', '5', '99999999999', '-1', 'abc'),
  },
  { requiredKeys: ['authorization', 'content-type'] },
)

const endpointList = Object.values(endpoints).map((endpoint) => ({
  endpoint,
  pattern: new RegExp(`^/v1${endpoint.path.replace(/\{\w+\}/g, '[^/]+')}$`),
}))

describe.each([
  { profile: 'sandbox' as const, numRuns: 1000 },
  { profile: 'docs' as const, numRuns: 500 },
])('the $profile profile', ({ profile, numRuns }) => {
  it('never throws, never answers 5xx, and every answer has the documented shape', async () => {
    const sandbox = sandboxes.get(profile) as Sandbox
    const seed = Number(process.env.FUZZ_SEED ?? 20261127)
    await fc.assert(
      fc.asyncProperty(target, query, headers, body, async ({ method: m, path: p }, q, h, b) => {
        const init: RequestInit = { method: m, headers: new Headers() }
        for (const [name, value] of Object.entries(h)) {
          // content-length is a forbidden request header for fetch; it reaches the app as given in-process only.
          if (name !== 'content-length') (init.headers as Headers).set(name, value)
        }
        if (b !== undefined && m !== 'GET' && m !== 'HEAD') init.body = b
        let request: Request
        try {
          request = new Request(`http://localhost${p}${q}`, init)
        } catch {
          return // not a request a client could send
        }
        const response = await sandbox.fetch(request)
        expect(response.status).toBeLessThan(500)
        const requestId = response.headers.get('X-Request-Id')
        if (profile === 'docs') expect(requestId).toBeNull()
        else expect(requestId).toMatch(/^[0-9a-f-]{36}$/)
        if (m === 'HEAD') return
        const text = await response.text()
        if (response.status >= 400) {
          const parsed = ApiErrorBody.safeParse(JSON.parse(text))
          expect(parsed.success, text).toBe(true)
          if (requestId !== null) expect(parsed.data?.meta.requestId).toBe(requestId)
          return
        }
        const url = new URL(request.url)
        const match = endpointList.find((e) => e.endpoint.method === m && e.pattern.test(url.pathname))
        if (match) {
          const answer = JSON.parse(text)
          const checked = z.safeParse(match.endpoint.response, answer)
          expect(checked.success, `${m} ${url.pathname}: ${text.slice(0, 300)}`).toBe(true)
          if (profile === 'docs') {
            expect('undocumented' in match.endpoint, `${m} ${url.pathname} is not documented`).toBe(false)
            expect(answer).not.toHaveProperty('success')
          }
        }
      }),
      { numRuns, seed },
    )
  })
})
