import type { HttpMethod } from '@cc/schema'
import ky, { type KyInstance } from 'ky'

/** A web-standard `fetch` that takes a `Request`: `sandbox.fetch`, or one with a proxy dispatcher. */
export type FetchFunction = (request: Request) => Promise<Response>

/** One HTTP exchange, ready to send. */
export interface Outgoing {
  method: HttpMethod
  url: string
  headers: Readonly<Record<string, string>>
  /** JSON text, or `undefined` for none. */
  body: string | undefined
  /** Ends the exchange: the attempt's timeout, or the caller's signal. */
  signal: AbortSignal
}

/**
 * ky as the transport: one instance per client, with its retries, timeout and HTTP errors switched off (the
 * client owns those, see `ApiClient`).
 *
 * The body and the signal join ky's `Request` only in ky's `fetch` step, for speed: a body handed to ky becomes
 * a stream that ky cancels once the fetch has read it (the stream is locked by then, so every call makes and
 * throws away a `TypeError`), and Node's `fetch` copies a `Request` that has a body through a `TransformStream`;
 * a signal handed to ky is combined with ky's own controller by `AbortSignal.any`. The request that reaches
 * `fetch` is the same either way.
 */
export class Transport {
  readonly #ky: KyInstance
  readonly #fetch: FetchFunction | undefined

  /** `fetch`: the caller's, or `undefined` for the platform's (looked up per call, so a test can replace it). */
  constructor(fetch: FetchFunction | undefined) {
    this.#fetch = fetch
    this.#ky = ky.create({ retry: 0, timeout: false, throwHttpErrors: false })
  }

  /**
   * Resolves with the response as soon as its headers arrive; the body is the caller's to read. A redirect is
   * never followed (`redirect: 'manual'`): it would take the headers and the body, personal data included, to
   * wherever the `Location` says, and its answer would count as the API's.
   */
  send(outgoing: Outgoing): Promise<Response> {
    const init: RequestInit = { body: outgoing.body, signal: outgoing.signal, redirect: 'manual' }
    const custom = this.#fetch
    return this.#ky(outgoing.url, {
      method: outgoing.method,
      headers: outgoing.headers,
      // ky hands its fetch a `Request` (never a URL): only the body and the signal are added to it.
      fetch: custom
        ? (request) => custom(new Request(request as Request, init))
        : (request) => globalThis.fetch(request, init),
    })
  }
}
