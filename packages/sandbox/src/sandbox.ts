import { randomUUID } from 'node:crypto'
import { buildOpenApiDocument } from '@cc/schema'
import { type App, createApp, withRequestId } from './http/app.js'
import { generateTestKey, KeyRing } from './http/auth.js'
import { CorsPolicy } from './http/cors.js'
import { apiError } from './http/errors.js'
import type { ApiRequest, ApiResponse } from './http/exchange.js'
import { FaultInjector } from './http/faults.js'
import { HostCheck, isLoopback } from './http/host-check.js'
import { FailedAuthLimiter, RateLimiter } from './http/rate-limit.js'
import { toWebResponse, WebRequest } from './http/web.js'
import {
  DEFAULT_FAILED_AUTH_LIMIT,
  type FaultOptions,
  FaultOptions as FaultOptionsSchema,
  parseOptions,
  type QueuedFault,
  QueuedFault as QueuedFaultSchema,
  type SandboxOptions,
  SandboxOptions as SandboxOptionsSchema,
} from './options.js'
import { DEFAULT_PROFILE, type Profile, profiles, type SandboxProfile } from './profiles.js'
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
  /** How closely it plays the API: `sandbox` (every operation, our rules and extras) or `docs` (only the docs). */
  readonly profile: SandboxProfile
  setFaults(faults: FaultOptions | false): void
  /** The next requests get exactly these faults, in order (`'none'` lets one request through). */
  queueFaults(kinds: QueuedFault[]): void
  /** Back to the seeded state: all data replaced, rate-limit and failed-auth windows and queued faults cleared. */
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
  readonly profile: SandboxProfile
  readonly #profile: Profile
  readonly #store: Store
  readonly #seed: DemoSeed | false
  readonly #faults: FaultInjector
  readonly #rateLimiter: RateLimiter | undefined
  readonly #failedAuthLimiter: FailedAuthLimiter | undefined
  #hostCheck: HostCheck | undefined
  readonly #app: App
  readonly #log: ((line: string) => void) | undefined
  #listener: Listener | undefined
  #openApi: string | undefined
  #closed = false

  constructor(store: Store, options: ReturnType<typeof SandboxOptionsSchema.parse>) {
    this.#store = store
    this.profile = options.profile ?? DEFAULT_PROFILE
    this.#profile = profiles[this.profile]
    this.#seed = options.seed ?? DEFAULT_SEED
    if (this.#seed !== false && store.isEmpty()) writeDemoData(store, this.#seed)
    const apiKeys = options.apiKeys ?? [generateTestKey()]
    this.apiKey = apiKeys[0] as string
    this.#faults = new FaultInjector(options.faults ?? false)
    this.#rateLimiter = options.rateLimit ? new RateLimiter(options.rateLimit) : undefined
    const failedAuthLimit = options.failedAuthLimit ?? DEFAULT_FAILED_AUTH_LIMIT
    this.#failedAuthLimiter = failedAuthLimit ? new FailedAuthLimiter(failedAuthLimit) : undefined
    this.#log = options.log
    const profile = this.#profile
    this.#app = createApp({
      profile,
      store,
      keys: new KeyRing(apiKeys),
      faults: this.#faults,
      rateLimiter: () => this.#rateLimiter,
      failedAuthLimiter: this.#failedAuthLimiter,
      hostCheck: () => this.#hostCheck,
      cors: options.cors && options.cors.length > 0 ? new CorsPolicy(options.cors) : undefined,
      openApiDocument: () => {
        // What the profile serves and checks: the `docs` profile's document has only the documented operations and rules.
        this.#openApi ??= JSON.stringify(
          buildOpenApiDocument({
            servers: [{ url: this.url, description: 'Local sandbox' }],
            rules: profile.rules,
            undocumented: profile.undocumented,
          }),
        )
        return this.#openApi
      },
      onInternalError: (error) => console.error('cc-sandbox: internal error', error),
    })
  }

  async start(
    listenOptions: { host?: string | undefined; port?: number | undefined; hosts?: string[] | undefined } | undefined,
  ): Promise<void> {
    if (listenOptions === undefined) return
    const host = listenOptions.host ?? DEFAULT_HOST
    // Loaded only to listen: in-process users (the editor) do not pay for the Node HTTP adapter at start-up.
    const { listen } = await import('./server/listen.js')
    this.#listener = await listen((request) => this.#handle(request), host, listenOptions.port ?? 0)
    this.#hostCheck = HostCheck.forBinding(host, this.#listener.address, listenOptions.hosts)
    if (!isLoopback(this.#listener.address)) warnPlainHttp(host, this.#listener.port)
    const shownHost = host.includes(':') ? `[${host}]` : host
    this.url = `http://${shownHost}:${this.#listener.port}/v1`
  }

  /** The web-standard path: the same pipeline as the HTTP server, with `Request` and `Response` around it. */
  readonly fetch = async (request: Request): Promise<Response> => {
    const incoming = new WebRequest(request)
    const answer = await this.#handle(incoming)
    // In-process, a dropped connection is a rejected fetch.
    if (incoming.dropped) throw connectionReset()
    return toWebResponse(answer)
  }

  /** Every request, from either transport: the pipeline, the closed state, the request log. Never rejects. */
  async #handle(request: ApiRequest): Promise<ApiResponse> {
    const started = this.#log ? performance.now() : 0
    let response: ApiResponse
    try {
      response = this.#closed ? this.#failure('service_unavailable', 'The sandbox is closed') : await this.#app(request)
    } catch (error) {
      console.error('cc-sandbox: internal error', error)
      response = this.#failure('internal_error', 'Internal error in the sandbox')
    }
    if (this.#log) {
      const ms = (performance.now() - started).toFixed(1)
      const status = request.dropped ? 'reset' : String(response.status)
      const line = `${request.method} ${logPath(request.path)} ${status} ${ms}ms ${response.requestId ?? '-'}`
      try {
        this.#log(line)
      } catch (error) {
        // A failing logger must not turn into a failed request.
        console.error('cc-sandbox: the log function threw', error)
      }
    }
    return response
  }

  /** An error answered outside the pipeline (a closed sandbox, a bug), as the pipeline would answer it. */
  #failure(code: 'service_unavailable' | 'internal_error', message: string): ApiResponse {
    const requestId = randomUUID()
    return withRequestId(apiError(code, message).response(requestId), requestId, this.#profile)
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
    this.#failedAuthLimiter?.reset()
    this.#faults.clearQueue()
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#listener?.close()
    this.#store.close()
  }
}

/** Code of the process warning for a sandbox other machines can reach (the CLI shows it as a banner). */
export const PLAIN_HTTP_WARNING = 'CC_SANDBOX_PLAIN_HTTP'

function warnPlainHttp(host: string, port: number): void {
  process.emitWarning(
    `listening on ${host}:${port} over plain HTTP, reachable from other machines. API keys and contact data cross ` +
      'the network unencrypted, and anyone who can reach this port can try keys. Bind 127.0.0.1 (the default) ' +
      'unless other machines must reach the sandbox, and then only on a network you trust.',
    { type: 'SecurityWarning', code: PLAIN_HTTP_WARNING },
  )
}

/** The path only: query strings may hold personal data, and are not needed to follow traffic. */
function logPath(path: string): string {
  return path.length > 200 ? `${path.slice(0, 200)}…` : path
}
