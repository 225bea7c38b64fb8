/** What the transport gives a request: a way to drop the connection (the 'reset' fault), and how it frames bodies. */
export interface Connection {
  /** Drop the connection without a response, after the handler has committed. */
  drop(): void
  /** True over HTTP: the server's parser ends a body at its declared Content-Length (see `readJsonBody`). */
  readonly lengthFramed: boolean
}

/** Hono environment of the sandbox app. */
export interface AppEnv {
  Bindings: { connection: Connection }
  Variables: {
    requestId: string
    /** A hash of the API key that authenticated the request: scopes idempotency and rate limits. */
    keyScope: string
  }
}
