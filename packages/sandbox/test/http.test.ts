import { ApiErrorBody, ListPeopleResponse, MeResponse, UpsertContactResponse } from '@cc/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from '../src/index.js'
import { call } from './call.js'

describe('over loopback HTTP', () => {
  let sandbox: Sandbox
  const lines: string[] = []
  beforeAll(async () => {
    sandbox = await createSandbox({ listen: { port: 0 }, log: (line) => lines.push(line) })
  })
  afterAll(() => sandbox.close())

  it('listens on 127.0.0.1 by default, on a free port, with /v1 in the URL', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
    expect(sandbox.url).not.toMatch(/:0\//)
  })

  it('serves the same API as the in-process fetch', async () => {
    const res = await call(sandbox, 'GET', '/people?limit=3', {}, true)
    expect(res.headers.get('X-Request-Id')).toBe(res.body.meta.requestId)
    expect(ListPeopleResponse.parse(res.body).data).toHaveLength(3)
    const created = await call(sandbox, 'POST', '/people', { body: { firstName: 'Wire' } }, true)
    expect(created.status).toBe(201)
    const inProcess = await call(sandbox, 'GET', `/people/${created.body.data.id}`)
    expect(inProcess.body.data.firstName).toBe('Wire')
  })

  it('answers 413 from the declared length over HTTP', async () => {
    const res = await call(
      sandbox,
      'POST',
      '/people',
      { rawBody: 'x'.repeat(1024 * 1024 + 1), headers: { 'Content-Type': 'application/json' } },
      true,
    )
    expect(res.status).toBe(413)
  })

  it('reads bodies with a declared length or streamed without one, 413 over 1 MiB either way', async () => {
    const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${sandbox.apiKey}` }
    const streamOf = (chunks: Uint8Array[]) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk)
          controller.close()
        },
      })
    const post = (body: string | ReadableStream<Uint8Array>) =>
      fetch(`${sandbox.url}/people`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit)
    const declared = await post(JSON.stringify({ firstName: 'Declared', background: 'é'.repeat(1000) }))
    expect(declared.status).toBe(201)
    expect(UpsertContactResponse.parse(await declared.json()).data.person.background).toBe('é'.repeat(1000))
    const text = new TextEncoder().encode(JSON.stringify({ firstName: 'Streamed' }))
    const streamed = await post(streamOf([text.slice(0, 5), text.slice(5)]))
    expect(streamed.status).toBe(201)
    expect(UpsertContactResponse.parse(await streamed.json()).data.person.firstName).toBe('Streamed')
    const tooLarge = await post(streamOf(Array.from({ length: 17 }, () => new Uint8Array(64 * 1024).fill(0x20))))
    expect(tooLarge.status).toBe(413)
    expect(ApiErrorBody.parse(await tooLarge.json()).error.code).toBe('payload_too_large')
  })

  it('logs one line per request with method, path, status, duration and request id, never the key', async () => {
    const before = lines.length
    const res = await call(sandbox, 'GET', '/me?secret=1', {}, true)
    MeResponse.parse(res.body)
    const line = lines.slice(before).at(-1) ?? ''
    expect(line).toMatch(/^GET \/v1\/me 200 \d+(\.\d+)?ms [0-9a-f-]{36}$/)
    expect(line).toContain(res.headers.get('X-Request-Id'))
    expect(lines.join('\n')).not.toContain(sandbox.apiKey)
    expect(line).not.toContain('secret')
  })

  it('serves the OpenAPI document without a key', async () => {
    const res = await fetch(sandbox.url.replace(/\/v1$/, '/openapi.json'))
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> }
    expect(doc.openapi).toMatch(/^3\.1/)
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/people', '/people/{id}', '/deals/{id}/move']))
  })
})

describe('lifecycle', () => {
  it('close() stops listening and later requests get a 503 in-process', async () => {
    const sandbox = await createSandbox({ listen: { port: 0 }, seed: false })
    const url = sandbox.url
    await sandbox.close()
    await expect(fetch(`${url}/me`)).rejects.toThrow()
    const res = await call(sandbox, 'GET', '/me')
    expect(res.status).toBe(503)
    expect(ApiErrorBody.parse(res.body).meta.requestId).toBe(res.headers.get('X-Request-Id'))
    await sandbox.close() // twice is fine
  })

  it('in-process only without listen, with a placeholder URL', async () => {
    const sandbox = await createSandbox({ seed: false })
    expect(sandbox.url).toBe('http://localhost/v1')
    await sandbox.close()
  })

  it('fails clearly when the port is taken', async () => {
    const first = await createSandbox({ listen: { port: 0 }, seed: false })
    const port = Number(new URL(first.url).port)
    await expect(createSandbox({ listen: { port }, seed: false })).rejects.toThrow(/already in use/)
    await first.close()
  })

  it('rejects unknown options by name', async () => {
    await expect(createSandbox({ prot: 1 } as never)).rejects.toThrow(/Invalid sandbox options/)
  })
})
