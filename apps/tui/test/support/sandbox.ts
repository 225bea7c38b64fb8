import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@cc/client'
import { createSandbox, type Sandbox } from '@cc/sandbox'
import { DraftStore } from '../../src/drafts/draft-store.js'
import { type Session, sessionFor } from '../../src/services/session.js'

export interface TestWorld {
  sandbox: Sandbox
  session: Session
  drafts: DraftStore
  /**
   * Sends requests through `beforeFetch` first (to inject a fault for one kind of request, or to act as another
   * person at that moment: the request waits for it).
   */
  beforeFetch: { current?: ((request: Request) => void | Promise<void>) | undefined }
  close(): Promise<void>
}

/** An in-process sandbox with demo data, a client on it, and a drafts file in a fresh directory. */
export async function createWorld(): Promise<TestWorld> {
  const sandbox = await createSandbox({ seed: 1 })
  const beforeFetch: TestWorld['beforeFetch'] = {}
  const client = createClient({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.url,
    logLevel: 'off',
    fetch: async (request) => {
      await beforeFetch.current?.(request)
      return sandbox.fetch(request)
    },
  })
  const session = sessionFor(client, 'sandbox', 'SANDBOX · demo data')
  const drafts = new DraftStore(join(mkdtempSync(join(tmpdir(), 'cc-tui-test-')), 'drafts.json'), {
    debounceMs: 10,
    maxWaitMs: 20,
  })
  return {
    sandbox,
    session,
    drafts,
    beforeFetch,
    close: async () => {
      await session.close()
      await sandbox.close()
    },
  }
}
