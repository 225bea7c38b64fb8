import { type CcClient, createClient } from '@cc/client'
import type { Connection } from '../config/connection.js'
import type { AppPaths } from '../config/paths.js'

/** A connected client, what the header says about it, and how to let go of it. */
export interface Session {
  client: CcClient
  mode: 'sandbox' | 'api'
  /** `SANDBOX · demo data`, or the API host. */
  label: string
  close(): Promise<void>
}

/** Open the embedded sandbox (persistent demo data in the user data dir) and a client on it, in-process. */
export async function openSandboxSession(paths: Pick<AppPaths, 'sandboxDir'>): Promise<Session> {
  // Loaded only on this path: it brings in node:sqlite and the HTTP stack.
  const { createSandbox } = await import('@cc/sandbox')
  const sandbox = await createSandbox({ dataDir: paths.sandboxDir, seed: 1 })
  const client = createClient({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.url,
    fetch: sandbox.fetch,
    logLevel: 'off',
  })
  return { client, mode: 'sandbox', label: 'SANDBOX · demo data', close: () => sandbox.close() }
}

/** A client for a real API. Throws the client's `ValidationError` for a bad key or URL. */
export function openApiSession(connection: Extract<Connection, { mode: 'api' }>): Session {
  const client = createClient({
    apiKey: connection.apiKey,
    ...(connection.baseUrl ? { baseUrl: connection.baseUrl } : {}),
    logLevel: 'off',
  })
  return { client, mode: 'api', label: new URL(client.baseUrl).host, close: async () => {} }
}

export async function openSession(connection: Connection, paths: Pick<AppPaths, 'sandboxDir'>): Promise<Session> {
  return connection.mode === 'sandbox' ? openSandboxSession(paths) : openApiSession(connection)
}
