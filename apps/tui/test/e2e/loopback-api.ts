import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type CcClient, createClient } from '@cc/client'
import { createSandbox, type Sandbox } from '@cc/sandbox'
import { afterAll, beforeAll } from 'vitest'
import { killServer } from './tmux.js'

export interface LoopbackApi {
  /** The API the editor talks to over HTTP, with a key, as it would to the real one. */
  readonly sandbox: Sandbox
  /** How a test checks what landed. */
  readonly client: CcClient
  /**
   * The sandbox's database file, when it keeps one (`{ onDisk: true }`): for what the API has no endpoint to read
   * back (activities), opened read-only beside the sandbox.
   */
  readonly databaseFile: string
}

export interface LoopbackOptions {
  /** Keep the data in a database file of its own (`databaseFile`). */
  onDisk?: boolean
  /** Gets the sandbox's line per request (method, path, status). */
  log?: (line: string) => void
}

/**
 * A real API on loopback in the test process, for the tests of one file: started before them, stopped after them
 * together with the tmux server the editors ran in.
 */
export function useLoopbackApi(options: LoopbackOptions = {}): LoopbackApi {
  let api: LoopbackApi | undefined
  beforeAll(async () => {
    const dataDir = options.onDisk ? mkdtempSync(join(tmpdir(), 'cc-tui-e2e-api-')) : undefined
    const sandbox = await createSandbox({
      listen: { port: 0 },
      seed: 1,
      ...(dataDir ? { dataDir } : {}),
      ...(options.log ? { log: options.log } : {}),
    })
    api = {
      sandbox,
      client: createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, logLevel: 'off' }),
      databaseFile: dataDir ? join(dataDir, 'sandbox.db') : '',
    }
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
    get databaseFile() {
      const file = started().databaseFile
      if (!file) throw new Error('the loopback API keeps no database file: useLoopbackApi({ onDisk: true })')
      return file
    },
  }
}
