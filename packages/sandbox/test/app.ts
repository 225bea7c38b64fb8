import { type App, createApp } from '../src/http/app.js'
import { KeyRing } from '../src/http/auth.js'
import { FaultInjector } from '../src/http/faults.js'
import { WebRequest } from '../src/http/web.js'
import { profiles, type SandboxProfile } from '../src/profiles.js'
import { Store } from '../src/storage/store.js'

export const TEST_KEYS = ['ccmd_test_app', 'ccmd_test_other'] as const

export interface Sent {
  status: number
  headers: Record<string, string>
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are inspected field by field
  body: any
}

export interface SendOptions {
  body?: unknown
  headers?: Record<string, string>
  /** The API key to send (default: the first of `TEST_KEYS`). */
  key?: string
}

/**
 * The sandbox's pipeline over an empty in-memory store, without a sandbox around it: for route tests that look at
 * the store the route wrote (deals, which no operation returns). Close the store after.
 */
export function testApp(profile: SandboxProfile = 'sandbox') {
  const store = new Store()
  const app: App = createApp({
    profile: profiles[profile],
    store,
    keys: new KeyRing(TEST_KEYS),
    faults: new FaultInjector(false),
    rateLimiter: () => undefined,
    failedAuthLimiter: undefined,
    hostCheck: () => undefined,
    cors: undefined,
    openApiDocument: () => '{}',
    onInternalError: (error) => {
      throw error
    },
  })
  const send = async (method: string, path: string, options: SendOptions = {}): Promise<Sent> => {
    const headers = new Headers(options.headers)
    headers.set('Authorization', `Bearer ${options.key ?? TEST_KEYS[0]}`)
    if (options.body !== undefined) headers.set('Content-Type', 'application/json')
    const body = options.body === undefined ? null : JSON.stringify(options.body)
    const answer = await app(new WebRequest(new Request(`http://localhost/v1${path}`, { method, headers, body })))
    return {
      status: answer.status,
      headers: answer.headers,
      body: answer.body === null ? undefined : JSON.parse(answer.body),
    }
  }
  return { app, store, send }
}
