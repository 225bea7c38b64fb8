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
