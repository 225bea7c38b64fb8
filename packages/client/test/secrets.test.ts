import { randomBytes } from 'node:crypto'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  type CcClient,
  CcError,
  type ClientOptions,
  ConflictError,
  ConnectionError,
  createClient,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
} from '../src/index.js'
import { answering, collectingLogger, errorBody, json, meta, person, useSandbox } from './helpers.js'

const KEY = `ccmd_live_${randomBytes(24).toString('base64url')}`
const { sandbox } = useSandbox({ apiKeys: [KEY] })
const { logger, lines } = collectingLogger()

/** A debug-level client on the sandbox, over loopback. */
function cc(extra: ClientOptions = {}): CcClient {
  return createClient({
    apiKey: KEY,
    baseUrl: sandbox().url,
    logger,
    logLevel: 'debug',
    backoff: { initialDelay: 1, maxDelay: 2 },
    ...extra,
  })
}

/** A debug-level client whose server says exactly `response`, echoing the request's headers back in its body. */
function echoing(status: number, extra: ClientOptions = {}): CcClient {
  return cc({
    baseUrl: 'https://api.example.test/v1',
    maxRetries: 0,
    fetch: async (request) =>
      json(
        status,
        { ...errorBody('echo', `you sent ${request.headers.get('authorization')}`), echo: [...request.headers] },
        {
          'x-echo-authorization': request.headers.get('authorization') ?? '',
        },
      ),
    ...extra,
  })
}

/** Every way an error can be turned into text. */
function renderings(error: unknown): string[] {
  const e = error as Error
  return [
    e.message,
    e.stack ?? '',
    String(e),
    inspect(e, { depth: 10 }),
    inspect(e, { depth: 10, customInspect: false, showHidden: true }),
    JSON.stringify(e),
    JSON.stringify({ ...e }),
  ]
}

async function failure(promise: Promise<unknown>): Promise<CcError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(CcError)
  return error as CcError
}

describe('the API key never shows', () => {
  it('in any error, in any rendering, or in any debug log line', async () => {
    const id = (await cc().people.list({ limit: 1 })).data[0]?.id ?? ''
    const s = sandbox()
    const errors: [new (...args: never[]) => CcError, CcError][] = []
    const expectError = async (Class: new (...args: never[]) => CcError, promise: Promise<unknown>) => {
      const error = await failure(promise)
      expect(error).toBeInstanceOf(Class)
      errors.push([Class, error])
    }

    await expectError(ValidationError, cc().people.update(id, { email: KEY }))
    await expectError(
      ValidationError,
      Promise.resolve().then(() => createClient({ apiKey: `${KEY}\n` })),
    )
    await expectError(BadRequestError, echoing(400).me())
    await expectError(AuthenticationError, cc({ apiKey: `${KEY}x` }).me())
    await expectError(PermissionDeniedError, echoing(403).me())
    await expectError(NotFoundError, cc().people.get('zzzzzzzzzzzz'))
    await cc().people.create({ email: 'same@example.com' }, { idempotencyKey: 'secrets-key' })
    await expectError(
      ConflictError,
      cc({ maxRetries: 0 }).people.create({ email: 'other@example.com' }, { idempotencyKey: 'secrets-key' }),
    )
    await expectError(UnprocessableEntityError, cc().deals.create({ title: 't', pipelineId: KEY }))
    s.queueFaults(['429'])
    await expectError(RateLimitError, cc({ maxRetries: 0 }).me())
    s.queueFaults(['500'])
    await expectError(InternalServerError, cc({ maxRetries: 0 }).me())
    await expectError(ApiError, echoing(418).me())
    s.queueFaults(['reset'])
    await expectError(ConnectionError, cc({ maxRetries: 0 }).me())
    await expectError(ConnectionError, cc({ baseUrl: 'http://127.0.0.1:1/v1', maxRetries: 0 }).me())
    s.setFaults({ rate: 0, kinds: ['slow-body'], latencyMs: 2_000 })
    s.queueFaults(['slow-body'])
    await expectError(TimeoutError, cc({ maxRetries: 0, timeout: 100 }).me())
    await expectError(AbortError, cc().me({ signal: AbortSignal.abort() }))
    const badBody = answering(() => json(200, { meta: meta(), data: { ...person(), emails: KEY } }))
    await expectError(ResponseValidationError, cc({ fetch: badBody.fetch, validate: 'strict' }).people.get(id))

    const classes = new Set(errors.map(([Class]) => Class))
    expect(classes.size).toBe(14)
    for (const [, error] of errors) {
      for (const text of renderings(error)) expect(text).not.toContain(KEY)
    }
    // The echoing server really did send the key back: it was scrubbed on the way in.
    const echoed = errors.find(([Class]) => Class === BadRequestError)?.[1] as BadRequestError
    expect(echoed.message).toContain('you sent Bearer [redacted]')
    expect(echoed.headers['x-echo-authorization']).toBe('[redacted]')

    expect(lines.filter((l) => l.level === 'debug').length).toBeGreaterThan(10)
    expect(lines.some((l) => l.line.includes('authorization'))).toBe(true)
    for (const { line } of lines) expect(line).not.toContain(KEY)
  })

  it('in results, pages, raw responses or the client itself', async () => {
    const client = cc()
    const page = await client.people.list({ limit: 2 })
    const { data, response, meta: responseMeta } = await client.people.get(page.data[0]?.id ?? '').withResponse()
    const users = await client.users.list()
    for (const value of [page, data, response, responseMeta, users, client, client.withOptions({ timeout: 5 })]) {
      expect(inspect(value, { depth: 10, showHidden: true })).not.toContain(KEY)
      expect(JSON.stringify(value) ?? '').not.toContain(KEY)
    }
    for (const { line } of lines) expect(line).not.toContain(KEY)
  })
})

describe('a server that echoes the key in disguise', () => {
  /** `text` with every character of the key written as a JSON escape, which `JSON.parse` turns back into the key. */
  const jsonEscaped = (text: string) =>
    text.replaceAll(KEY, [...KEY].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''))

  it('has it scrubbed after parsing: JSON escapes, or invisible characters inside it, do not get it through', async () => {
    const disguised = `${KEY.slice(0, 4)}\u200b${KEY.slice(4, 9)}\u2060${KEY.slice(9)}`
    const raw = jsonEscaped(
      JSON.stringify({
        ...errorBody('echo', `you sent ${KEY}`),
        echo: { [KEY]: KEY, invisible: disguised, list: [`Bearer ${KEY}`] },
      }),
    ).replace('"invisible":"', `"invisible":"${'\\u200b'}`)
    expect(raw).not.toContain(KEY)
    const cc = createClient({
      apiKey: KEY,
      baseUrl: 'https://api.example.test/v1',
      maxRetries: 0,
      logger,
      logLevel: 'debug',
      fetch: async () => new Response(raw, { status: 400, headers: { 'content-type': 'application/json' } }),
    })
    const error = (await failure(cc.me())) as BadRequestError
    expect(error).toBeInstanceOf(BadRequestError)
    for (const text of renderings(error)) expect(text).not.toContain(KEY)
    expect(error.message).toBe('400 echo: you sent [redacted] (GET /me, request req_err_1)')
    expect(error.body).toMatchObject({ echo: { '[redacted]': '[redacted]', invisible: '[redacted]' } })
    for (const { line } of lines) expect(line).not.toContain(KEY)
  })
})

describe('an error body cut at 64 KiB', () => {
  it('keeps no part of a key that straddles the cut', async () => {
    const cut = 64 * 1024
    const text = `${'x'.repeat(cut - 20)}${KEY} and more`
    const cc = createClient({
      apiKey: KEY,
      baseUrl: 'https://api.example.test/v1',
      maxRetries: 0,
      logLevel: 'off',
      fetch: async () => new Response(text, { status: 500 }),
    })
    const error = (await failure(cc.me())) as InternalServerError
    expect(error).toBeInstanceOf(InternalServerError)
    expect(error.body).toBe('x'.repeat(cut - 20))
    for (const rendering of renderings(error)) expect(rendering).not.toContain(KEY.slice(0, 20))
  })
})
