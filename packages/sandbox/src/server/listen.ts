import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { bodyTooLarge, bodyUnreadable, MAX_BODY_BYTES } from '../http/body.js'
import type { ApiRequest, ApiResponse } from '../http/exchange.js'

/** Handles one request; never rejects (the sandbox answers its own failures). */
export type TransportHandler = (request: ApiRequest) => Promise<ApiResponse>

export interface Listener {
  host: string
  port: number
  /** The address the socket is bound to, as the system reports it (`127.0.0.1`, `::`, …). */
  address: string
  close(): Promise<void>
}

// Paths made only of characters a URL parser leaves alone, without dot segments: used as sent.
const PLAIN_PATH = /^\/[!$&-;=@-Z_a-z~]*$/
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/

/**
 * A request of Node's HTTP server as the pipeline reads requests: headers straight from Node's parsed object, the
 * body collected from the socket while counting, no web `Request` or stream in between.
 */
class NodeRequest implements ApiRequest {
  readonly method: string
  readonly path: string
  readonly query: string
  readonly clientAddress: string
  dropped = false
  readonly #incoming: IncomingMessage
  readonly #outgoing: ServerResponse
  #abort: AbortController | undefined

  constructor(incoming: IncomingMessage, outgoing: ServerResponse) {
    this.#incoming = incoming
    this.#outgoing = outgoing
    this.method = incoming.method ?? 'GET'
    this.clientAddress = incoming.socket.remoteAddress ?? ''
    const target = incoming.url ?? '/'
    const queryAt = target.indexOf('?')
    const path = queryAt === -1 ? target : target.slice(0, queryAt)
    if (PLAIN_PATH.test(path) && !DOT_SEGMENT.test(path)) {
      this.path = path
      this.query = queryAt === -1 ? '' : target.slice(queryAt + 1)
    } else {
      // What `new Request(url)` would make of it in-process: dot segments resolved, the rest percent-encoded. (Not
      // resolved against a base: `//x/y` is a path there, not a host.) An absolute-form target is a URL already.
      const url = URL.parse(target.startsWith('/') ? `http://sandbox${target}` : target)
      this.path = url?.pathname ?? target
      this.query = url?.search.slice(1) ?? ''
    }
  }

  header(name: string): string | undefined {
    const value = this.#incoming.headers[name]
    return Array.isArray(value) ? value.join(', ') : value
  }

  /** Created on first use: most requests never ask. */
  get signal(): AbortSignal {
    if (this.#abort === undefined) {
      const abort = new AbortController()
      this.#abort = abort
      if (this.#outgoing.closed) abort.abort()
      else this.#outgoing.once('close', () => abort.abort())
    }
    return this.#abort.signal
  }

  readBody(): Promise<Uint8Array> {
    const incoming = this.#incoming
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = []
      let size = 0
      const onData = (chunk: Buffer) => {
        size += chunk.byteLength
        if (size > MAX_BODY_BYTES) {
          incoming.off('data', onData)
          // The rest is never read: the connection closes after the 413.
          this.#outgoing.setHeader('Connection', 'close')
          reject(bodyTooLarge())
          return
        }
        chunks.push(chunk)
      }
      incoming.on('data', onData)
      incoming.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)))
      incoming.once('error', () => reject(bodyUnreadable()))
      incoming.once('close', () => {
        if (!incoming.complete) reject(bodyUnreadable())
      })
    })
  }

  drop(): void {
    this.dropped = true
    // RST rather than FIN: the client sees ECONNRESET, the response is lost.
    this.#incoming.socket.resetAndDestroy()
  }
}

function send(outgoing: ServerResponse, request: NodeRequest, answer: ApiResponse): void {
  if (request.dropped || outgoing.destroyed) return
  try {
    outgoing.writeHead(answer.status, answer.headers)
  } catch (error) {
    // Only a header Node refuses could get here: a bug, but one that must not take the server down.
    console.error('cc-sandbox: could not send a response', error)
    outgoing.destroy()
    return
  }
  const delay = answer.bodyDelayMs
  if (delay === undefined) {
    outgoing.end(answer.body ?? undefined)
    return
  }
  // The `slow-body` fault: the headers now, the body later (or never, if the client leaves first).
  outgoing.flushHeaders()
  const timer = setTimeout(() => outgoing.end(answer.body ?? undefined), delay)
  outgoing.once('close', () => clearTimeout(timer))
}

/** Serves `handler` over HTTP/1.1 on host:port (port 0 = a free port) with Node's own HTTP server. */
export async function listen(handler: TransportHandler, host: string, port: number): Promise<Listener> {
  const server = createServer((incoming, outgoing) => {
    const request = new NodeRequest(incoming, outgoing)
    handler(request).then(
      (answer) => send(outgoing, request, answer),
      () => outgoing.destroy(),
    )
  })
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Cannot listen on ${host}:${port}: the port is already in use`
            : `Cannot listen on ${host}:${port}: ${error.message}`,
          { cause: error },
        ),
      )
    }
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      resolve()
    })
  })
  const bound = server.address() as AddressInfo
  return {
    host,
    port: bound.port,
    address: bound.address,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
