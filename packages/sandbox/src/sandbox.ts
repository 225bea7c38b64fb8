import { randomUUID } from 'node:crypto'
import { buildOpenApiDocument, type OpenApiDocument } from '@cc/schema'
import type { Hono } from 'hono'
import { createApp } from './http/app.js'
import { generateTestKey, KeyRing } from './http/auth.js'
import type { AppEnv, Connection } from './http/context.js'
import { type ApiError, apiError } from './http/errors.js'
import { FaultInjector } from './http/faults.js'
import { RateLimiter } from './http/rate-limit.js'
import {
  type FaultOptions,
  FaultOptions as FaultOptionsSchema,
  parseOptions,
  type QueuedFault,
  QueuedFault as QueuedFaultSchema,
  type SandboxOptions,
  SandboxOptions as SandboxOptionsSchema,
} from './options.js'
import { DEFAULT_SEED, type DemoSeed, writeDemoData } from './seed/seed.js'
import type { Listener } from './server/listen.js'
import { Store } from './storage/store.js'

export const DEFAULT_HOST = '127.0.0.1'
export { DEFAULT_SEED }

/** A running sandbox. */
export interface Sandbox {
  /** `http://127.0.0.1:<port>/v1` when listening; `http://localhost/v1` in-process (only with `fetch`). */
  url: string
  /** The web-standard handler: pass it as a client's `fetch`. Bound; never throws except for 'reset' faults. */
  fetch(request: Request): Promise<Response>
  /** A key the sandbox accepts (the first of `apiKeys`). */
  apiKey: string
  setFaults(faults: FaultOptions | false): void
  /** The next requests get exactly these faults, in order (`'none'` lets one request through). */
  queueFaults(kinds: QueuedFault[]): void
  /** Back to the seeded state: all data replaced, rate-limit windows and queued faults cleared. */
  reset(): Promise<void>
  close(): Promise<void>
}

/** Starts a sandbox: opens (and seeds) the database, and listens when `listen` is given. */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const parsed = parseOptions(SandboxOptionsSchema, options, 'options')
  const store = new Store(parsed.dataDir)
  try {
    const instance = new LocalSandbox(store, parsed)
    await instance.start(parsed.listen)
    return instance
  } catch (error) {
    store.close()
    throw error
  }
}

const connectionReset = (): TypeError =>
  new TypeError('fetch failed', {
    cause: Object.assign(new Error('socket hang up (sandbox fault: reset)'), { code: 'ECONNRESET' }),
  })

class LocalSandbox implements Sandbox {
  url = 'http://localhost/v1'
  readonly apiKey: string
  readonly #store: Store
  readonly #seed: DemoSeed | false
  readonly #faults: FaultInjector
  readonly #rateLimiter: RateLimiter | undefined
  readonly #app: Hono<AppEnv>
  readonly #log: ((line: string) => void) | undefined
  #listener: Listener | undefined
  #openApi: OpenApiDocument | undefined
  #closed = false

  constructor(store: Store, options: ReturnType<typeof SandboxOptionsSchema.parse>) {
    this.#store = store
    this.#seed = options.seed ?? DEFAULT_SEED
    if (this.#seed !== false && store.isEmpty()) writeDemoData(store, this.#seed)
    const apiKeys = options.apiKeys ?? [generateTestKey()]
    this.apiKey = apiKeys[0] as string
    this.#faults = new FaultInjector(options.faults ?? false)
    this.#rateLimiter = options.rateLimit ? new RateLimiter(options.rateLimit) : undefined
    this.#log = options.log
    this.#app = createApp({
      store,
      keys: new KeyRing(apiKeys),
      faults: this.#faults,
      rateLimiter: () => this.#rateLimiter,
      openApiDocument: () => {
        this.#openApi ??= buildOpenApiDocument({ servers: [{ url: this.url, description: 'Local sandbox' }] })
        return this.#openApi
      },
      onInternalError: (error) => console.error('cc-sandbox: internal error', error),
    })
  }

  async start(listenOptions: { host?: string | undefined; port?: number | undefined } | undefined): Promise<void> {
    if (listenOptions === undefined) return
    const host = listenOptions.host ?? DEFAULT_HOST
    // Loaded only to listen: in-process users (the editor) do not pay for the Node HTTP adapter at start-up.
    const { listen } = await import('./server/listen.js')
    // Node's HTTP parser ends a body at its declared Content-Length: the body reader can rely on it.
    const transport = (drop: () => void) => ({ drop, lengthFramed: true })
    this.#listener = await listen(
      (request, drop) => this.#handle(request, transport(drop)),
      host,
      listenOptions.port ?? 0,
    )
    const shownHost = host.includes(':') ? `[${host}]` : host
    this.url = `http://${shownHost}:${this.#listener.port}/v1`
  }

  readonly fetch = async (request: Request): Promise<Response> => this.#handle(request, undefined)

  /** `transport` is the HTTP server's connection; without it (in-process), a drop rejects the fetch. */
  async #handle(request: Request, transport: Connection | undefined): Promise<Response> {
    const started = this.#log ? performance.now() : 0
    let dropped = false
    const connection: Connection = {
      drop: () => {
        dropped = true
        transport?.drop()
      },
      lengthFramed: transport?.lengthFramed ?? false,
    }
    let response: Response
    try {
      response = this.#closed
        ? errorResponse(apiError('service_unavailable', 'The sandbox is closed'))
        : await this.#app.fetch(request, { connection })
    } catch (error) {
      console.error('cc-sandbox: internal error', error)
      response = errorResponse(apiError('internal_error', 'Internal error in the sandbox'))
    }
    if (this.#log) {
      const ms = (performance.now() - started).toFixed(1)
      const status = dropped ? 'reset' : String(response.status)
      const line = `${request.method} ${logPath(request.url)} ${status} ${ms}ms ${response.headers.get('X-Request-Id') ?? '-'}`
      try {
        this.#log(line)
      } catch (error) {
        // A failing logger must not turn into a failed request.
        console.error('cc-sandbox: the log function threw', error)
      }
    }
    if (dropped && transport === undefined) {
      await response.body?.cancel().catch(() => {})
      throw connectionReset()
    }
    return response
  }

  setFaults(faults: FaultOptions | false): void {
    this.#faults.configure(faults === false ? false : parseOptions(FaultOptionsSchema, faults, 'faults'))
  }

  queueFaults(kinds: QueuedFault[]): void {
    this.#faults.enqueue(parseOptions(QueuedFaultSchema.array(), kinds, 'kinds'))
  }

  async reset(): Promise<void> {
    if (this.#closed) throw new Error('The sandbox is closed')
    this.#store.transaction(() => this.#store.clear())
    if (this.#seed !== false) writeDemoData(this.#store, this.#seed)
    this.#rateLimiter?.reset()
    this.#faults.clearQueue()
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#listener?.close()
    this.#store.close()
  }
}

/** An error answered outside the app (closed sandbox, a bug the app did not catch), with its own request id. */
function errorResponse(error: ApiError): Response {
  const requestId = randomUUID()
  return Response.json(error.body(requestId), { status: error.status, headers: { 'X-Request-Id': requestId } })
}

/** The path only: query strings may hold personal data, and are not needed to follow traffic. */
function logPath(url: string): string {
  const path = URL.parse(url)?.pathname ?? '?'
  return path.length > 200 ? `${path.slice(0, 200)}…` : path
}
