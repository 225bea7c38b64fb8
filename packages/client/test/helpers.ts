import { createSandbox, type Sandbox, type SandboxOptions } from '@cc/sandbox'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { type BulkResult, type CcError, type ClientOptions, createClient, type Logger } from '../src/index.js'

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

/**
 * One sandbox for the file (in-process and listening on loopback), reset to its seed after each test so tests
 * stay independent. Retries back off in milliseconds to keep the suite fast.
 */
export function useSandbox(options: SandboxOptions = {}) {
  const state: { sandbox?: Sandbox } = {}
  beforeAll(async () => {
    state.sandbox = await createSandbox({ listen: { port: 0 }, ...options })
  })
  afterEach(async () => {
    state.sandbox?.setFaults(false)
    await state.sandbox?.reset()
  })
  afterAll(async () => {
    await state.sandbox?.close()
  })
  const sandbox = (): Sandbox => {
    if (!state.sandbox) throw new Error('sandbox not started')
    return state.sandbox
  }
  return {
    sandbox,
    /** A client for the sandbox: over loopback HTTP, or in-process through `sandbox.fetch`. */
    client(transport: Transport, extra: ClientOptions = {}) {
      const s = sandbox()
      const base: ClientOptions =
        transport === 'loopback'
          ? { apiKey: s.apiKey, baseUrl: s.url }
          : { apiKey: s.apiKey, baseUrl: 'http://localhost/v1', fetch: s.fetch }
      return createClient({ backoff: { initialDelay: 5, maxDelay: 20 }, logLevel: 'off', ...base, ...extra })
    },
  }
}

export type Transport = 'in-process' | 'loopback'
export const transports: Transport[] = ['in-process', 'loopback']

/** Every contact, through the paginated list (the ground truth for "nothing lost, nothing duplicated"). */
export async function allContacts(cc: ReturnType<typeof createClient>) {
  const people = []
  for await (const person of cc.people.list({ limit: 100 })) people.push(person)
  return people
}

/** The error of a failed bulk result (fails the test when it succeeded). */
export function errorOf(result: BulkResult | undefined): CcError {
  if (!result || result.ok) throw new Error(`expected a failed result, got ${JSON.stringify(result)}`)
  return result.error
}
