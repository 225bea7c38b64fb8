import { bodyUnreadable, readStreamLimited } from './body.js'
import type { ApiRequest, ApiResponse } from './exchange.js'
import { delayBody } from './faults.js'

/** A web-standard `Request` (in-process `sandbox.fetch`) as the pipeline reads requests. */
export class WebRequest implements ApiRequest {
  readonly method: string
  readonly path: string
  readonly query: string
  readonly signal: AbortSignal
  readonly clientAddress = undefined
  /** Set by the `reset` fault: `sandbox.fetch` then rejects as a dropped connection would. */
  dropped = false
  readonly #request: Request

  constructor(request: Request) {
    this.#request = request
    this.method = request.method
    this.signal = request.signal
    // `Request` has already parsed and normalised its URL.
    const url = new URL(request.url)
    this.path = url.pathname
    this.query = url.search.slice(1)
  }

  header(name: string): string | undefined {
    return this.#request.headers.get(name) ?? undefined
  }

  async readBody(): Promise<Uint8Array> {
    if (this.#request.bodyUsed) throw bodyUnreadable()
    return readStreamLimited(this.#request.body)
  }

  drop(): void {
    this.dropped = true
  }
}

/** The pipeline's answer as a web-standard `Response`. */
export function toWebResponse(answer: ApiResponse): Response {
  const init = { status: answer.status, headers: answer.headers }
  if (answer.bodyDelayMs === undefined || answer.body === null) return new Response(answer.body, init)
  const body = new Response(answer.body).body
  return new Response(delayBody(body, answer.bodyDelayMs), init)
}
