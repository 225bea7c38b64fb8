import type { HttpMethod, Meta } from '@cc/schema'
import { summarizeFieldErrors } from '@cc/schema'
import type * as core from 'zod/v4/core'
import { raceSignal, sleep } from './abort.js'
import { BodyTooLarge, discardBody, readBody } from './body.js'
import {
  INVALID_HEADERS,
  optionError,
  optionErrors,
  type RequestOptions,
  RequestOptionsSchema,
  type ResolvedConfig,
} from './config.js'
import { connectionError } from './connection-error.js'
import { errorFromResponse, MAX_ERROR_BODY } from './error-from-response.js'
import {
  AbortError,
  ApiError,
  type CcError,
  RateLimitError,
  type RequestContext,
  ResponseTooLargeError,
  TimeoutError,
  ValidationError,
} from './errors.js'
import { redactHeaders, serverLine } from './logger.js'
import { RateLimitGate } from './rate-limit-gate.js'
import { readSuccess } from './read-success.js'
import { isReplayable, isRetryableStatus, parseRetryAfter, retryDelay, serverRetryHint } from './retry.js'
import { Transport } from './transport.js'

/** One call, validated and ready to send. */
export interface PreparedCall {
  method: HttpMethod
  /** Encoded path below the base URL, e.g. `/people/jd79abc123def`. */
  path: string
  query?: Record<string, string> | undefined
  body?: unknown
  /** Sent as `Idempotency-Key` and reused by every attempt; makes a POST safe to retry. */
  idempotencyKey?: string | undefined
  /** The contract of the success body. */
  responseSchema: core.$ZodType
}

/** A success: the validated body and what came with it. */
export interface RawResult {
  body: unknown
  meta: Meta | undefined
  response: Response
  requestId: string | undefined
}

/** A failed attempt: the error to throw if we give up, and whether another attempt may help. */
interface Failure {
  error: CcError
  retryable: boolean
  /** The server's requested wait, in ms. */
  retryAfter?: number | undefined
}

type Attempt =
  | { kind: 'response'; response: Response; text: string; truncated: boolean }
  | ({ kind: 'failed' } & Failure)

/** Marks the per-attempt timer's abort, to tell it apart from the caller's. */
class AttemptTimeout extends Error {
  override name = 'AttemptTimeout'
}

/** What every attempt of one call sends, and how much of an answer it reads. */
interface Exchange {
  url: string
  headers: Readonly<Record<string, string>>
  /** The JSON text of the body, serialised once for all attempts. */
  body: string | undefined
  /** The largest success body read, in bytes. */
  maxResponseBytes: number
}

/**
 * Owns the life of a request: options, the shared rate-limit pause, ky as the transport (with its own retries
 * and timeout switched off), a per-attempt timeout that covers the body, retries with backoff, response
 * validation, mapping every failure to our errors, and logging with secrets removed.
 *
 * Retries live here rather than in ky: ky's timeout stops at the headers, its retry delays are not shared
 * between concurrent calls, and its errors carry the `Request` (and with it the Authorization header).
 *
 * Everything that is the same for every call (the transport, the headers) is built once per client: a call
 * with no per-call options does no work for them.
 */
export class ApiClient {
  readonly #config: ResolvedConfig
  readonly #gate: RateLimitGate
  readonly #transport: Transport
  /** The headers of a call without per-call headers or an idempotency key, without and with a JSON body. */
  readonly #headers: {
    readonly plain: Readonly<Record<string, string>>
    readonly json: Readonly<Record<string, string>>
  }

  constructor(config: ResolvedConfig, gate: RateLimitGate = new RateLimitGate()) {
    this.#config = config
    this.#gate = gate
    this.#transport = new Transport(config.fetch)
    this.#headers = {
      plain: Object.freeze(this.#buildHeaders(new Headers(config.headers), false, undefined)),
      json: Object.freeze(this.#buildHeaders(new Headers(config.headers), true, undefined)),
    }
  }

  get config(): Readonly<Omit<ResolvedConfig, 'apiKey'>> {
    const { apiKey: _, ...rest } = this.#config
    return rest
  }

  /** The rate-limit pause, for clients derived with the same key and URL. */
  get gate(): RateLimitGate {
    return this.#gate
  }

  /** Sends `call`, retrying as the policy allows. Resolves with the validated body or rejects with a `CcError`. */
  async request(call: PreparedCall, options?: RequestOptions): Promise<RawResult> {
    if (options !== undefined && !isEmpty(options)) checkRequestOptions(options)
    const signal = options?.signal
    const maxRetries = options?.maxRetries ?? this.#config.maxRetries
    const timeout = options?.timeout ?? this.#config.timeout
    const body = call.body === undefined ? undefined : JSON.stringify(call.body)
    const exchange: Exchange = {
      url: this.#url(call),
      headers: this.#headersFor(call, body !== undefined, options?.headers),
      body,
      maxResponseBytes: options?.maxResponseBytes ?? this.#config.maxResponseBytes,
    }

    for (let attempt = 1; ; attempt++) {
      const context: RequestContext = { method: call.method, path: call.path, attempts: attempt }
      if (signal?.aborted || this.#gate.remaining() > 0) {
        try {
          signal?.throwIfAborted()
          await this.#gate.wait(signal)
        } catch (reason) {
          throw new AbortError({ ...context, attempts: attempt - 1 }, reason)
        }
      }
      const outcome = await this.#attempt(call, exchange, timeout, signal, context, maxRetries + 1)
      if (outcome.kind === 'response' && outcome.response.ok) {
        const { validate, logger, apiKey } = this.#config
        return readSuccess(call, outcome.response, outcome.text, { context, validate, logger, secrets: [apiKey] })
      }
      const failure = outcome.kind === 'response' ? this.#failure(outcome, exchange.url, context) : outcome
      if (failure.error instanceof AbortError) throw failure.error
      const delay = this.#retryDelay(call, failure, attempt, maxRetries)
      if (delay === undefined) throw failure.error
      try {
        await sleep(delay, signal)
      } catch (reason) {
        throw new AbortError(context, reason)
      }
    }
  }

  /** The wait before the next attempt, or `undefined` to give up. A 429 also pauses every other request. */
  #retryDelay(call: PreparedCall, failure: Failure, attempt: number, maxRetries: number): number | undefined {
    const label = `${call.method} ${call.path}`
    const { error, retryAfter } = failure
    const delay = retryDelay(attempt - 1, retryAfter, this.#config.backoff)
    // Waiting longer than maxRetryAfter would look like a hang: such a call fails now, and the error says how long.
    const tooLong = retryAfter !== undefined && retryAfter > this.#config.maxRetryAfter
    // The server is busy for everyone, whether or not this call has retries left.
    if (error instanceof RateLimitError && !tooLong) this.#gate.pause(delay)
    if (!failure.retryable || !isReplayable(call.method, call.idempotencyKey) || attempt > maxRetries) return undefined
    if (tooLong) {
      this.#config.logger.info(`${label}: the server asks to wait ${retryAfter} ms, over maxRetryAfter; giving up`)
      return undefined
    }
    const status = error instanceof ApiError ? error.status : error.name
    this.#config.logger.info(`${label}: retrying in ${Math.round(delay)} ms (${status})`)
    return delay
  }

  /** An error response as our error, with what the retry decision needs. */
  #failure(answer: Extract<Attempt, { kind: 'response' }>, url: string, context: RequestContext): Failure {
    const { response, text, truncated } = answer
    return {
      error: errorFromResponse(response, text, { context, secrets: [this.#config.apiKey], url, truncated }),
      retryable: serverRetryHint(response.headers) ?? isRetryableStatus(response.status),
      retryAfter: parseRetryAfter(response.headers),
    }
  }

  #url(call: PreparedCall): string {
    const url = `${this.#config.baseUrl}${call.path}`
    if (call.query === undefined) return url
    const search = new URLSearchParams(call.query).toString()
    return search === '' ? url : `${url}?${search}`
  }

  /** The headers of every attempt of `call`: the client's, then the call's own, then ours. */
  #headersFor(call: PreparedCall, json: boolean, extra: Record<string, string> | undefined): Record<string, string> {
    if (extra === undefined && call.idempotencyKey === undefined) return json ? this.#headers.json : this.#headers.plain
    const headers = new Headers(this.#config.headers)
    // Checked by checkRequestOptions: names and values are valid, and none of them is Authorization.
    if (extra) for (const [name, value] of Object.entries(extra)) headers.set(name, value)
    return this.#buildHeaders(headers, json, call.idempotencyKey)
  }

  #buildHeaders(headers: Headers, json: boolean, idempotencyKey: string | undefined): Record<string, string> {
    headers.set('authorization', `Bearer ${this.#config.apiKey}`)
    headers.set('accept', 'application/json')
    if (json) headers.set('content-type', 'application/json')
    if (idempotencyKey !== undefined) headers.set('idempotency-key', idempotencyKey)
    return Object.fromEntries(headers)
  }

  /**
   * One HTTP exchange, bounded by `timeout` from the first byte sent to the last byte read, and in size: a success
   * body by `maxResponseBytes` (over it, the attempt fails), an error body by `MAX_ERROR_BODY` (the rest is
   * dropped: the start says what went wrong). Logs one line.
   */
  async #attempt(
    call: PreparedCall,
    exchange: Exchange,
    timeout: number,
    signal: AbortSignal | undefined,
    context: RequestContext,
    attempts: number,
  ): Promise<Attempt> {
    const logger = this.#config.logger
    const timer = new AbortController()
    const timeoutId = setTimeout(() => timer.abort(new AttemptTimeout()), timeout)
    // Only a caller's signal needs combining; most calls have none.
    const combined = signal ? AbortSignal.any([signal, timer.signal]) : timer.signal
    const started = performance.now()
    // Log lines are built only when they are written.
    const line = (outcome: string, preposition: string, more = '') =>
      `${call.method} ${call.path} → ${outcome} ${preposition} ${Math.round(performance.now() - started)} ms (attempt ${context.attempts}/${attempts}${more})`
    if (logger.enabled('debug')) this.#logHeaders(call, 'request', new Headers(exchange.headers))
    let response: Response | undefined
    try {
      const { url, headers, body } = exchange
      const sent = this.#transport.send({ method: call.method, url, headers, body, signal: combined })
      response = await raceSignal(sent, combined, discardBody)
      const limit = response.ok
        ? { bytes: exchange.maxResponseBytes, over: 'throw' as const }
        : { bytes: MAX_ERROR_BODY, over: 'truncate' as const }
      const { text, truncated } = await readBody(response, combined, limit)
      if (logger.enabled('info')) {
        const requestId = response.headers.get('x-request-id')
        logger.info(line(String(response.status), 'in', requestId ? `, request ${requestId}` : ''))
      }
      if (logger.enabled('debug')) this.#logHeaders(call, 'response', response.headers)
      return { kind: 'response', response, text, truncated }
    } catch (error) {
      let failure: Failure
      let summary: string
      if (signal?.aborted) {
        failure = { error: new AbortError(context, signal.reason), retryable: false }
        summary = 'aborted'
      } else if (timer.signal.aborted) {
        failure = { error: new TimeoutError(timeout, context), retryable: true }
        summary = `timed out (${timeout} ms)`
      } else if (error instanceof BodyTooLarge && response) {
        // Asking again would bring the same answer.
        const requestId = serverLine(response.headers.get('x-request-id'), [this.#config.apiKey])
        const init = { ...context, status: response.status, requestId }
        failure = { error: new ResponseTooLargeError(error.limit, init), retryable: false }
        summary = `${response.status}, body over ${error.limit} bytes`
      } else {
        const connection = connectionError(error, context, [this.#config.apiKey])
        failure = { error: connection.error, retryable: true }
        summary = `connection failed (${connection.detail})`
      }
      if (logger.enabled('info')) logger.info(line(summary, 'after'))
      return { kind: 'failed', ...failure }
    } finally {
      clearTimeout(timeoutId)
    }
  }

  #logHeaders(call: PreparedCall, what: string, headers: Headers): void {
    const label = `${call.method} ${call.path} ${what}`
    this.#config.logger.debug(`${label} headers ${JSON.stringify(redactHeaders(headers))}`)
  }
}

/** `{}` needs no checking (most calls pass no options at all). */
function isEmpty(options: RequestOptions): boolean {
  if (typeof options !== 'object' || options === null) return false
  for (const _ in options) return false
  return true
}

/** Throws `ValidationError` naming each bad per-call option. */
function checkRequestOptions(options: RequestOptions): void {
  const checked = RequestOptionsSchema.safeParse(options)
  if (!checked.success) {
    const errors = optionErrors(checked.error.issues)
    throw new ValidationError(`Invalid request options: ${summarizeFieldErrors(errors)}`, checked.error.issues, errors)
  }
  try {
    if (options.headers) new Headers(options.headers)
  } catch {
    const errors = optionError('headers', INVALID_HEADERS)
    throw new ValidationError(`Invalid request options: ${summarizeFieldErrors(errors)}`, [], errors)
  }
}
