import { type CcClient, createClient } from '@cc/client'
import { createSandbox, type Sandbox } from '@cc/sandbox'
import { afterAll, beforeAll } from 'vitest'
import { killServer } from './tmux.js'

export interface LoopbackApi {
  /** The API the editor talks to over HTTP, with a key, as it would to the real one. */
  readonly sandbox: Sandbox
  /** How a test checks what landed. */
  readonly client: CcClient
}

/**
 * A real API on loopback in the test process, for the tests of one file: started before them, stopped after them
 * together with the tmux server the editors ran in.
 */
export function useLoopbackApi(): LoopbackApi {
  let api: LoopbackApi | undefined
  beforeAll(async () => {
    const sandbox = await createSandbox({ listen: { port: 0 }, seed: 1 })
    api = { sandbox, client: createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, logLevel: 'off' }) }
  })
  afterAll(async () => {
    killServer()
    await api?.sandbox.close()
  })
  const started = (): LoopbackApi => {
    if (!api) throw new Error('the loopback API starts in beforeAll: use it inside hooks and tests')
    return api
  }
  return {
    get sandbox() {
      return started().sandbox
    },
    get client() {
      return started().client
    },
  }
}
