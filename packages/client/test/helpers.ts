import { createSandbox, type Sandbox, type SandboxOptions } from '@cc/sandbox'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { type BulkResult, type CcError, type ClientOptions, createClient } from '../src/index.js'

export * from '../src/core/test-fetch.js'

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
