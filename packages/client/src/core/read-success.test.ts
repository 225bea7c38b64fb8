import { describe, expect, it } from 'vitest'
import { createClient, ResponseValidationError } from '../index.js'
import { answering, collectingLogger, json, meta, offline, person } from './test-fetch.js'

describe('response validation', () => {
  const broken = () => json(200, { meta: meta('req_bad'), data: { ...person(), emails: 'not a list' } })

  it('strict: a contract violation is a ResponseValidationError with the request id', async () => {
    const cc = createClient(offline(answering(broken).fetch, { validate: 'strict' }))
    const error = await cc.people.get('jd79abc123def').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ResponseValidationError)
    const invalid = error as ResponseValidationError
    expect(invalid.requestId).toBe('req_bad')
    expect(invalid.status).toBe(200)
    expect(invalid.issues.map((issue) => issue.path)).toEqual([['data', 'emails']])
    expect(invalid.message).toMatch(
      /^The response does not match the contract: data\.emails: .* \(GET \/people\/jd79abc123def, request req_bad\)$/,
    )
  })

  it('warn (the default): logs the violation with the request id and returns the data as sent', async () => {
    const { logger, lines } = collectingLogger()
    const cc = createClient(offline(answering(broken).fetch, { logger }))
    const result = await cc.people.get('jd79abc123def')
    expect(result.emails).toBe('not a list')
    expect(lines).toHaveLength(1)
    expect(lines[0]?.level).toBe('warn')
    expect(lines[0]?.line).toMatch(/does not match the contract: data\.emails.*request req_bad/)
  })

  it('off: neither checks nor logs', async () => {
    const { logger, lines } = collectingLogger()
    const cc = createClient(offline(answering(broken).fetch, { logger, validate: 'off' }))
    expect((await cc.people.get('jd79abc123def')).emails).toBe('not a list')
    expect(lines).toEqual([])
  })

  it('unknown fields are kept anywhere in an answer, and are never an error', async () => {
    const page = {
      meta: { ...meta(), count: 1, hasMore: false, nextCursor: null, region: 'us', quota: { left: 9 } },
      data: [
        {
          ...person(),
          loyaltyTier: 'gold',
          emails: [{ value: 'john@example.com', type: 'home', isPrimary: true, verifiedAt: '2024-01-01' }],
          address: { street: '1 Main St', geo: { lat: 30.27 } },
        },
      ],
      links: { self: '/v1/people' },
    }
    for (const validate of ['strict', 'warn'] as const) {
      const { logger, lines } = collectingLogger()
      const cc = createClient(offline(answering(() => json(200, page)).fetch, { validate, logger }))
      const { data, meta: pageMeta, body } = await cc.people.list().withResponse()
      expect(data.data[0]).toEqual(page.data[0])
      expect(pageMeta).toEqual(page.meta)
      expect(data.meta).toEqual(page.meta)
      expect(body).toEqual(page)
      expect(lines).toEqual([])
    }
  })

  it('the request id is the documented meta.requestId; an X-Request-Id header only stands in when the body has none', async () => {
    const { logger, lines } = collectingLogger()
    const proxied = { 'x-request-id': 'req_from_proxy' }
    const { fetch } = answering(
      () => json(200, { meta: meta('req_from_api'), data: person() }, proxied),
      () => json(200, { meta: meta('req_from_api'), data: { ...person(), emails: 'not a list' } }, proxied),
      () => json(200, { data: person() }, proxied),
    )
    const cc = createClient(offline(fetch, { logger, logLevel: 'info' }))
    const result = await cc.people.get('jd79abc123def').withResponse()
    expect([result.requestId, result.data.requestId]).toEqual(['req_from_api', 'req_from_api'])
    const strict = await cc.people.get('jd79abc123def', { validate: 'strict' }).catch((e: unknown) => e)
    expect((strict as ResponseValidationError).requestId).toBe('req_from_api')
    // No `meta` (a contract violation, logged): the header is all there is.
    expect((await cc.people.get('jd79abc123def')).requestId).toBe('req_from_proxy')
    const answers = lines.filter((line) => line.level === 'info').map((line) => line.line)
    expect(answers).toEqual([
      expect.stringMatching(/→ 200 in \d+ ms \(attempt 1\/3, request req_from_api\)$/),
      expect.stringMatching(/→ 200 in \d+ ms \(attempt 1\/3, request req_from_api\)$/),
      expect.stringMatching(/→ 200 in \d+ ms \(attempt 1\/3, request req_from_proxy\)$/),
    ])
  })

  it('unknown fields pass through', async () => {
    const body = { meta: { ...meta(), region: 'us' }, data: { ...person(), loyaltyTier: 'gold' } }
    const cc = createClient(offline(answering(() => json(200, body)).fetch, { validate: 'strict' }))
    const { data, meta: responseMeta } = await cc.people.get('jd79abc123def').withResponse()
    expect(data.loyaltyTier).toBe('gold')
    expect(responseMeta).toMatchObject({ region: 'us' })
  })

  it('a body that is not JSON is always an error', async () => {
    const html = () =>
      new Response('<html>maintenance</html>', { status: 200, headers: { 'x-request-id': 'req_html' } })
    const cc = createClient(offline(answering(html).fetch, { validate: 'off' }))
    const error = await cc.people.get('jd79abc123def').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect((error as Error).message).toBe('The response body is not JSON (GET /people/jd79abc123def, request req_html)')
  })
})
