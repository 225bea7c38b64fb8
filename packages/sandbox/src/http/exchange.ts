/**
 * One request and its answer, as every transport hands them to the sandbox's pipeline: the web-standard
 * `sandbox.fetch` (`web.ts`) and Node's HTTP server (`../server/listen.ts`) each adapt their own objects to these,
 * so routing, validation and handlers exist once.
 */
export interface ApiRequest {
  /** As sent (Node and `Request` upper-case the standard methods). */
  readonly method: string
  /** The path, percent-encoded as sent, dot segments resolved; no query. */
  readonly path: string
  /** The query string without its `?` (`''` when there is none). */
  readonly query: string
  /** A request header by its lower-case name. */
  header(name: string): string | undefined
  /** The body, counted while it is read: a 413 `ApiError` past `MAX_BODY_BYTES`, a 400 when it cannot be read. */
  readBody(): Promise<Uint8Array>
  /** Aborts when the client goes away. */
  readonly signal: AbortSignal
  /** The peer's address over HTTP; `undefined` in-process, where every caller is one client. */
  readonly clientAddress: string | undefined
  /** Drops the connection without an answer (the `reset` fault), after the handler has committed. */
  drop(): void
  /** True once `drop` was called. */
  readonly dropped: boolean
}

/** The answer to an `ApiRequest`. Every body the sandbox sends is JSON text, or nothing. */
export interface ApiResponse {
  status: number
  headers: Record<string, string>
  body: string | null
  /** The `slow-body` fault: the headers go out at once, the body this many ms later. */
  bodyDelayMs?: number
  /** The request's id, for the request log: the `docs` profile gives it in `meta.requestId` only, not in a header. */
  requestId?: string
}
