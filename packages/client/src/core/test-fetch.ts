// Fakes for tests that never reach the network: a `fetch` that answers from a script, responses in the API's
// shapes, a logger that keeps its lines. Test-only (not built, not packed).
import type { ClientOptions } from './config.js'
import type { Logger } from './logger.js'

export interface LogLine {
  level: keyof Logger
  line: string
}

/** A logger that keeps every line. */
export function collectingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = []
  const keep = (level: keyof Logger) => (line: string) => {
    lines.push({ level, line })
  }
  return { logger: { error: keep('error'), warn: keep('warn'), info: keep('info'), debug: keep('debug') }, lines }
}

/** What a `fetch` saw: one entry per request sent. */
export interface SentRequest {
  method: string
  url: URL
  headers: Headers
  body: string
}

/** Wraps a fetch (the sandbox's, or one built here) and records every request it receives. */
export function recording(inner: (request: Request) => Promise<Response>) {
  const sent: SentRequest[] = []
  const fetch = async (request: Request): Promise<Response> => {
    sent.push({
      method: request.method,
      url: new URL(request.url),
      headers: new Headers(request.headers),
      body: await request.clone().text(),
    })
    return inner(request)
  }
  return { fetch, sent }
}

/** A `fetch` that answers with the given responses in order (the last one repeats). */
export function answering(...responses: (() => Response | Promise<Response>)[]) {
  let index = 0
  return recording(async () => {
    const make = responses[Math.min(index++, responses.length - 1)]
    if (!make) throw new Error('no response configured')
    return make()
  })
}

/** A JSON response with the envelope's `meta`. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers })
}

export const meta = (requestId = 'req_test_1') => ({
  requestId,
  timestamp: new Date(0).toISOString(),
  version: '1.0.0',
})

/** A valid contact as the API returns it. */
export const person = (id = 'jd79abc123def') => ({
  id,
  firstName: 'John',
  lastName: 'Doe',
  fullName: 'John Doe',
  emails: [{ value: 'john@example.com', type: 'home', isPrimary: true }],
  phones: [],
  createdAt: '2023-11-15T10:00:00Z',
})

/** An error body in the sandbox's format. */
export const errorBody = (code: string, message: string, requestId = 'req_err_1', issues?: unknown[]) => ({
  meta: meta(requestId),
  success: false,
  error: { code, message, ...(issues ? { issues } : {}) },
})

/** Options for a client that never reaches the network: answers come from `fetch`. */
export const offline = (fetch: (request: Request) => Promise<Response>, extra: ClientOptions = {}): ClientOptions => ({
  apiKey: 'ccmd_live_offline_key_0123456789',
  baseUrl: 'https://api.example.test/v1',
  fetch,
  backoff: { initialDelay: 1, maxDelay: 2 },
  ...extra,
})
