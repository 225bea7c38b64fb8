import { type CcClient, createClient } from '@cc/client'
import type { Connection } from '../config/connection.js'
import type { AppPaths } from '../config/paths.js'

/** A connected client, what the header says about it, and how to let go of it. */
export interface Session {
  client: CcClient
  mode: 'sandbox' | 'api'
  /** `SANDBOX · demo data`, or the API host. */
  label: string
  /**
   * Aborts when the session closes. Every request passes it, so that quitting ends requests still
   * in flight (a slow server, a retry waiting out `Retry-After`) instead of waiting for them.
   */
  signal: AbortSignal
  /** Aborts what is in flight, then lets go of the connection. */
  close(): Promise<void>
}

function session(
  client: CcClient,
  mode: Session['mode'],
  label: string,
  release: () => Promise<void> = async () => {},
): Session {
  const lifetime = new AbortController()
  return {
    client,
    mode,
    label,
    signal: lifetime.signal,
    close: async () => {
      if (lifetime.signal.aborted) return
      lifetime.abort(new Error('cc-tui is closing'))
      await release()
    },
  }
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
  return session(client, 'sandbox', 'SANDBOX · demo data', () => sandbox.close())
}

/** A client for a real API. Throws the client's `ValidationError` for a bad key or URL. */
function openApiSession(connection: Extract<Connection, { mode: 'api' }>): Session {
  const client = createClient({
    apiKey: connection.apiKey,
    ...(connection.baseUrl ? { baseUrl: connection.baseUrl } : {}),
    logLevel: 'off',
  })
  return session(client, 'api', new URL(client.baseUrl).host)
}

export async function openSession(connection: Connection, paths: Pick<AppPaths, 'sandboxDir'>): Promise<Session> {
  return connection.mode === 'sandbox' ? openSandboxSession(paths) : openApiSession(connection)
}

/** A session around a client someone else opened (tests, an embedding program); closing it aborts its requests. */
export function sessionFor(client: CcClient, mode: Session['mode'], label: string): Session {
  return session(client, mode, label)
}
