import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError, createClient } from '../src/index.js'
import { meta } from './helpers.js'

const ID = 'jd79abc123def'
const KEY = 'ccmd_live_redirect_test_key_0123456789'

interface Received {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

const servers: { close: () => Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

/** A real HTTP server on loopback that records every request it receives and answers with `answer`. */
async function loopbackServer(answer: (request: IncomingMessage, response: ServerResponse) => void) {
  const received: Received[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      })
      answer(request, response)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  servers.push({ close })
  return { origin: `http://127.0.0.1:${port}`, received }
}

/** The server a redirect points to: it would accept the update, if anything reached it. */
const elsewhere = () =>
  loopbackServer((_, response) => {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ meta: meta(), success: true }))
  })

/** The API's server, answering every request with a redirect to `location`. */
const redirecting = (status: number, location: string) =>
  loopbackServer((_, response) => {
    response.writeHead(status, { location, 'content-type': 'text/html' })
    response.end(`<a href="${location}">moved</a>`)
  })

describe('redirects are never followed', () => {
  it.each([301, 302, 303, 307, 308])(
    'a %i to another origin: it receives nothing, and the call fails with an ApiError naming the Location',
    async (status) => {
      const target = await elsewhere()
      const api = await redirecting(status, `${target.origin}/v1/people/${ID}`)
      const cc = createClient({
        apiKey: KEY,
        baseUrl: `${api.origin}/v1`,
        headers: { 'x-app': 'crm-sync' },
        logLevel: 'off',
      })
      const error = await cc.people
        .update(ID, { email: 'jane@example.com', phone: '+15551234567' })
        .catch((e: unknown) => e)

      expect(target.received).toEqual([])
      expect(api.received).toHaveLength(1)
      expect(api.received[0]?.method).toBe('PUT')
      expect(error).toBeInstanceOf(ApiError)
      const apiError = error as ApiError
      expect(apiError.status).toBe(status)
      expect(apiError.attempts).toBe(1)
      expect(apiError.message).toBe(
        `${status} redirect to ${target.origin}/v1/people/${ID} not followed (PUT /people/${ID})`,
      )
    },
  )

  it('the Location is server text: no credentials, query or control characters from it reach the error', async () => {
    const target = await elsewhere()
    const host = target.origin.replace('http://', '')
    const api = await redirecting(307, `http://admin:hunter2@${host}/v1/\u009b[2Jpeople?token=s3cr3t#frag`)
    const cc = createClient({ apiKey: KEY, baseUrl: `${api.origin}/v1`, logLevel: 'off' })
    const error = (await cc.people.get(ID).catch((e: unknown) => e)) as ApiError

    expect(target.received).toEqual([])
    expect(error).toBeInstanceOf(ApiError)
    expect(error.message).toBe(`307 redirect to http://${host}/v1/%C2%9B[2Jpeople not followed (GET /people/${ID})`)
    expect(error.headers.location).toBe(`http://${host}/v1/%C2%9B[2Jpeople`)
    const everything = JSON.stringify(error) + String(error.stack)
    for (const secret of ['admin', 'hunter2', 's3cr3t', 'frag', '\u009b']) expect(everything).not.toContain(secret)
  })
})
