import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { createClient, ResponseValidationError } from '../index.js'
import { LevelLogger } from './logger.js'
import { checkSuccess, parseSuccess, requestIdOf } from './read-success.js'
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

describe('parseSuccess', () => {
  const context = { method: 'GET', path: '/me', attempts: 1 }
  const KEY = 'ccmd_live_secret_key_0123456789'
  const response = (headers: Record<string, string> = {}) => new Response(null, { status: 200, headers })

  it('a body of white space only is no body', () => {
    expect(parseSuccess(response(), ' \n\t ', context, [])).toMatchObject({ body: undefined, meta: undefined })
    expect(parseSuccess(response(), '', context, []).body).toBeUndefined()
  })

  it('meta only when it is an object', () => {
    expect(parseSuccess(response(), '{"meta":"text"}', context, []).meta).toBeUndefined()
    expect(parseSuccess(response(), '{"meta":null}', context, []).meta).toBeUndefined()
    expect(parseSuccess(response(), '[1]', context, []).meta).toBeUndefined()
    expect(parseSuccess(response(), 'null', context, []).meta).toBeUndefined()
    expect(parseSuccess(response(), '{"meta":{"requestId":"r1"}}', context, []).meta).toEqual({ requestId: 'r1' })
  })

  it('the status and the response come along', () => {
    const answer = new Response(null, { status: 201 })
    const parsed = parseSuccess(answer, '{}', context, [])
    expect(parsed.status).toBe(201)
    expect(parsed.response).toBe(answer)
  })

  it('a body that is not JSON: the request id from the header, cleaned', () => {
    const error = (() => {
      try {
        parseSuccess(response({ 'x-request-id': `req\u009b2J_${KEY}` }), '<html>', context, [KEY])
      } catch (thrown) {
        return thrown as Error & { requestId?: string; status?: number; issues?: unknown[] }
      }
    })()
    expect(error?.message).toBe('The response body is not JSON (GET /me, request req_[redacted])')
    expect(error).toMatchObject({ requestId: 'req_[redacted]', status: 200, issues: [] })
  })
})

describe('requestIdOf', () => {
  it("meta.requestId when it is text, else the header's; cleaned either way", () => {
    const headers = new Headers({ 'x-request-id': 'from_header' })
    expect(requestIdOf({ requestId: 'from_body' }, headers, [])).toBe('from_body')
    expect(requestIdOf({ requestId: 42 }, headers, [])).toBe('from_header')
    expect(requestIdOf({ requestId: '' }, headers, [])).toBe('from_header')
    expect(requestIdOf({ requestId: '\x1b[2J' }, headers, [])).toBe('from_header')
    expect(requestIdOf(undefined, headers, [])).toBe('from_header')
    expect(requestIdOf(null, new Headers(), [])).toBeUndefined()
    expect(requestIdOf({ requestId: 'a\nb' }, headers, [])).toBe('a b')
  })
})

describe('checkSuccess', () => {
  const context = { method: 'GET', path: '/me', attempts: 1 }
  const KEY = 'ccmd_live_secret_key_0123456789'
  const call = (schema: z.ZodType) => ({ responseSchema: schema }) as never

  it('names the keys of the body in the message cleaned, indexes as they are', () => {
    const { logger, lines } = collectingLogger()
    const schema = z.object({ data: z.array(z.record(z.string(), z.string())) })
    const body = { data: [{ [`bad\x1b]0;x\x07key${KEY}`]: 1 }] }
    checkSuccess(
      call(schema),
      { body, meta: undefined, response: new Response(), requestId: 'r1', status: 200 },
      { context, validate: 'warn', logger: new LevelLogger('warn', logger, [KEY]), secrets: [KEY] },
    )
    expect(lines).toHaveLength(1)
    expect(lines[0]?.line).toMatch(
      /^\[cc-client\] The response does not match the contract: data\.0\.badkey\[redacted\]: /,
    )
    expect(lines[0]?.line).toMatch(/ \(GET \/me, request r1\)$/)
  })

  it('strict: the issues, their paths cleaned, in the error', () => {
    const schema = z.object({ list: z.array(z.string()) })
    let error: (Error & { issues?: { path: unknown[] }[] }) | undefined
    try {
      checkSuccess(
        call(schema),
        { body: { list: [1] }, meta: undefined, response: new Response(), requestId: undefined, status: 200 },
        { context, validate: 'strict', logger: new LevelLogger('off'), secrets: [] },
      )
    } catch (thrown) {
      error = thrown as typeof error
    }
    expect(error?.issues?.map((issue) => issue.path)).toEqual([['list', 0]])
    expect(error?.message).toMatch(/^The response does not match the contract: list\.0: .* \(GET \/me\)$/)
  })

  it('strict: each key of the body in an issue path cleaned and on one line, indexes and the root as they are', () => {
    const strictError = (schema: z.ZodType, body: unknown) => {
      try {
        checkSuccess(
          call(schema),
          { body, meta: undefined, response: new Response(), requestId: undefined, status: 200 },
          { context, validate: 'strict', logger: new LevelLogger('off'), secrets: [KEY] },
        )
      } catch (thrown) {
        return thrown as Error & { issues: { path: unknown[] }[] }
      }
      throw new Error('no error')
    }
    const keys = z.record(z.string(), z.string())
    const dirty = strictError(keys, { [`bad\x1b[2Jkey\nforged${KEY}`]: 1 })
    expect(dirty.issues.map((issue) => issue.path)).toEqual([['badkey forged[redacted]']])
    expect(dirty.message).toMatch(
      /^The response does not match the contract: badkey forged\[redacted\]: [^\n]* \(GET \/me\)$/,
    )
    expect(strictError(z.array(z.string()), ['a', 2]).issues.map((issue) => issue.path)).toEqual([[1]])
    const root = strictError(z.object({ a: z.string() }), 'text')
    expect(root.issues.map((issue) => issue.path)).toEqual([[]])
    expect(root.message).toBe(
      'The response does not match the contract: Invalid input: expected object, received string (GET /me)',
    )
  })

  it('names the fields of the body by their paths, never by a form label', () => {
    let error: Error | undefined
    try {
      checkSuccess(
        call(z.object({ firstName: z.string() })),
        { body: { firstName: 1 }, meta: undefined, response: new Response(), requestId: undefined, status: 200 },
        { context, validate: 'strict', logger: new LevelLogger('off'), secrets: [] },
      )
    } catch (thrown) {
      error = thrown as Error
    }
    expect(error?.message).toMatch(/^The response does not match the contract: firstName: /)
  })

  it('a body that matches, or validation off: nothing said', () => {
    const { logger, lines } = collectingLogger()
    const how = { context, logger: new LevelLogger('debug', logger), secrets: [] }
    const parsed = { body: { a: 1 }, meta: undefined, response: new Response(), requestId: undefined, status: 200 }
    checkSuccess(call(z.object({ a: z.number() })), parsed, { ...how, validate: 'strict' })
    checkSuccess(call(z.object({ a: z.string() })), parsed, { ...how, validate: 'off' })
    expect(lines).toEqual([])
  })
})
