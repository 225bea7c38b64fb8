import { ApiErrorBody, type ErrorCode, errorCodes } from '@cc/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, MAX_BODY_BYTES, type Sandbox } from '../src/index.js'
import { call } from './call.js'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await createSandbox({ apiKeys: ['ccmd_test_first', 'ccmd_test_second'] })
})
afterAll(() => sandbox.close())

/** Every error: an ApiErrorBody whose meta.requestId is the X-Request-Id header. */
function expectError(res: Awaited<ReturnType<typeof call>>, status: number, code: ErrorCode) {
  expect(res.status).toBe(status)
  // The status of every code is the one the table in @cc/schema gives it.
  expect(errorCodes[code].status).toBe(status)
  const body = ApiErrorBody.parse(res.body)
  expect(body.error.code).toBe(code)
  expect(body.meta.requestId).toBe(res.headers.get('X-Request-Id'))
  return body
}

describe('authentication', () => {
  it('401 with WWW-Authenticate: Bearer for a missing, malformed or unknown key', async () => {
    const missing = await call(sandbox, 'GET', '/people', { key: null })
    expectError(missing, 401, 'unauthorized')
    expect(missing.headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
    const basic = await call(sandbox, 'GET', '/people', { key: null, headers: { Authorization: 'Basic abc' } })
    expectError(basic, 401, 'unauthorized')
    const unknown = await call(sandbox, 'GET', '/people', { key: 'ccmd_test_firs' })
    const body = expectError(unknown, 401, 'unauthorized')
    expect(unknown.headers.get('WWW-Authenticate')).toContain('invalid_token')
    expect(JSON.stringify(body)).not.toContain('ccmd_test_firs')
  })

  it('accepts every configured key, and apiKey is the first', async () => {
    expect(sandbox.apiKey).toBe('ccmd_test_first')
    expect((await call(sandbox, 'GET', '/me', { key: 'ccmd_test_second' })).status).toBe(200)
  })

  it('a generated key looks like the docs keys, with a test marker', async () => {
    const other = await createSandbox({ seed: false })
    expect(other.apiKey).toMatch(/^ccmd_test_[A-Za-z0-9_-]{32}$/)
    await other.close()
  })
})

describe('request errors', () => {
  it('400 for malformed JSON, an empty body and invalid UTF-8', async () => {
    const headers = { 'Content-Type': 'application/json' }
    const bad = await call(sandbox, 'POST', '/people', { rawBody: '{"firstName": ', headers })
    expect(expectError(bad, 400, 'bad_request').error.message).toMatch(/not valid JSON/)
    expectError(await call(sandbox, 'POST', '/people', { rawBody: '', headers }), 400, 'bad_request')
    const request = new Request(`${sandbox.url}/people`, {
      method: 'POST',
      headers: { ...headers, Authorization: `Bearer ${sandbox.apiKey}` },
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
    })
    expect((await sandbox.fetch(request)).status).toBe(400)
    // The decoder is shared between requests: a rejected body must not affect the next one.
    expect((await call(sandbox, 'POST', '/people', { body: { firstName: 'Zoë' } })).body.data.person.firstName).toBe(
      'Zoë',
    )
  })

  it('413 for an in-process body that streams on past its declared length', async () => {
    // Endless: only counting while reading can answer this one. A server that does not count fails at 8 MiB
    // (a 400 for an unreadable body) instead of filling memory.
    let pulls = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++
        if (pulls > 128) controller.error(new Error('read on past 8 MiB'))
        else controller.enqueue(new Uint8Array(64 * 1024).fill(0x20))
      },
    })
    const request = new Request(`${sandbox.url}/people`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': '20',
        Authorization: `Bearer ${sandbox.apiKey}`,
      },
      body: endless,
      duplex: 'half',
    } as RequestInit)
    expect(request.headers.get('Content-Length')).toBe('20')
    const res = await sandbox.fetch(request)
    expect(res.status).toBe(413)
    expect(ApiErrorBody.parse(await res.json()).error.code).toBe('payload_too_large')
  })

  it('415 for a body that is not declared JSON', async () => {
    const res = await call(sandbox, 'POST', '/people', {
      rawBody: 'firstName=Ada',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expectError(res, 415, 'unsupported_media_type')
    const charset = await call(sandbox, 'POST', '/people', {
      rawBody: '{"firstName":"Ada"}',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    })
    expect(charset.status).toBe(201)
  })

  it('413 for a body over 1 MiB, declared or streamed without a length', async () => {
    const big = JSON.stringify({ background: 'x'.repeat(MAX_BODY_BYTES) })
    const declared = await call(sandbox, 'POST', '/people', {
      rawBody: big,
      headers: { 'Content-Type': 'application/json' },
    })
    expectError(declared, 413, 'payload_too_large')
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(64 * 1024).fill(0x20))
        controller.close()
      },
    })
    const request = new Request(`${sandbox.url}/people`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sandbox.apiKey}` },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    const res = await sandbox.fetch(request)
    expect(res.status).toBe(413)
    expect(ApiErrorBody.parse(await res.json()).error.code).toBe('payload_too_large')
  })

  it('404 for an unknown route, 405 with Allow for a wrong method', async () => {
    expectError(await call(sandbox, 'GET', '/nothing-here'), 404, 'not_found')
    expectError(await call(sandbox, 'GET', '/people/abcdefgh1/notes'), 404, 'not_found')
    const wrong = await call(sandbox, 'PATCH', '/people/abcdefgh1234', { body: { firstName: 'A' } })
    expectError(wrong, 405, 'method_not_allowed')
    expect(wrong.headers.get('Allow')).toBe('GET, HEAD, PUT, DELETE')
    const deleteUsers = await call(sandbox, 'DELETE', '/users')
    expectError(deleteUsers, 405, 'method_not_allowed')
  })

  it('422 lists every offending field of the body, query and path together', async () => {
    const res = await call(sandbox, 'PUT', '/people/bad?x=1', { body: { price: -1, zipCode: '1234' } })
    const body = expectError(res, 422, 'validation_failed')
    expect(body.error.issues?.map((i) => i.path)).toEqual([['id'], ['price'], ['zipCode']])
    expect(body.error.message).toMatch(/^Invalid request: id: must be at least 8/)
  })

  it('422 names a declared header that breaks its rule, next to the problems of the body', async () => {
    // A Latin-1 character: a Request carries it, but servers read such bytes differently (ASSUMPTIONS.md#idempotency-key-value).
    const res = await call(sandbox, 'POST', '/people', {
      body: { firstName: '' },
      headers: { 'Idempotency-Key': 'clé-1' },
    })
    const body = expectError(res, 422, 'validation_failed')
    expect(body.error.issues).toEqual([
      { path: ['firstName'], message: 'must not be empty' },
      { path: ['Idempotency-Key'], message: 'must be printable ASCII, with no spaces at either end' },
    ])
    expect(body.error.message).toBe(
      'Invalid request: firstName: must not be empty; Idempotency-Key: must be printable ASCII, with no spaces at either end',
    )
  })

  it('takes an Idempotency-Key with spaces inside, and of any length: only a key fetch would change is refused', async () => {
    for (const key of ['has space', 'k'.repeat(1000)]) {
      const res = await call(sandbox, 'POST', '/people', {
        body: { firstName: 'Keyed' },
        headers: { 'Idempotency-Key': key },
      })
      expect(res.status, key.slice(0, 20)).toBe(201)
    }
  })

  it('rejects a body that is JSON but not an object', async () => {
    for (const raw of ['[]', 'null', '42', '"text"']) {
      const res = await call(sandbox, 'POST', '/people', {
        rawBody: raw,
        headers: { 'Content-Type': 'application/json' },
      })
      expect(expectError(res, 422, 'validation_failed').error.issues?.[0]?.path).toEqual([])
    }
  })
})
