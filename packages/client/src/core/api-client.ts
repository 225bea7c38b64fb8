import type { HttpMethod, Meta } from '@cc/schema'
import ky, { type KyInstance } from 'ky'
import type * as core from 'zod/v4/core'
import { raceSignal, sleep } from './abort.js'
import { discardBody, readBody } from './body.js'
import { type RequestOptions, RequestOptionsSchema, type ResolvedConfig } from './config.js'
import { connectionError } from './connection-error.js'
import { errorFromResponse } from './error-from-response.js'
import {
  AbortError,
  ApiError,
  type CcError,
  RateLimitError,
  type RequestContext,
  TimeoutError,
  ValidationError,
} from './errors.js'
import { describeFieldErrors, toFieldErrors } from './issues.js'
import { redactHeaders } from './logger.js'
import { RateLimitGate } from './rate-limit-gate.js'
import { readSuccess } from './read-success.js'
import { backoffDelay, isReplayable, isRetryableStatus, parseRetryAfter, serverRetryHint } from './retry.js'

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

type Attempt = { kind: 'response'; response: Response; text: string } | ({ kind: 'failed' } & Failure)

/** Marks the per-attempt timer's abort, to tell it apart from the caller's. */
class AttemptTimeout extends Error {
  override name = 'AttemptTimeout'
}

/**
 * Owns the life of a request: options, the shared rate-limit pause, ky as the transport (with its own retries
 * and timeout switched off), a per-attempt timeout that covers the body, retries with backoff, response
 * validation, mapping every failure to our errors, and logging with secrets removed.
 *
 * Retries live here rather than in ky: ky's timeout stops at the headers, its retry delays are not shared
 * between concurrent calls, and its errors carry the `Request` (and with it the Authorization header).
 */
export class ApiClient {
  readonly #config: ResolvedConfig
  readonly #gate: RateLimitGate
  readonly #ky: KyInstance

  constructor(config: ResolvedConfig, gate: RateLimitGate = new RateLimitGate()) {
    this.#config = config
    this.#gate = gate
    const userFetch = config.fetch
    this.#ky = ky.create({
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
      fetch: (input, init) => userFetch(input instanceof Request ? input : new Request(input, init)),
    })
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
  async request(call: PreparedCall, options: RequestOptions = {}): Promise<RawResult> {
    const { signal } = options
    const maxRetries = options.maxRetries ?? this.#config.maxRetries
    const timeout = options.timeout ?? this.#config.timeout
    const headers = this.#headers(call, options)
    const where = { method: call.method, path: call.path }

    for (let attempt = 1; ; attempt++) {
      const context: RequestContext = { ...where, attempts: attempt }
      try {
        signal?.throwIfAborted()
        await this.#gate.wait(signal)
      } catch (reason) {
        throw new AbortError(where, reason)
      }
      const outcome = await this.#attempt(call, headers, timeout, signal, context, maxRetries + 1)
      if (outcome.kind === 'response' && outcome.response.ok) {
        return readSuccess(call, outcome.response, outcome.text, this.#config.validate, this.#config.logger)
      }
      const failure = outcome.kind === 'response' ? this.#failure(outcome.response, outcome.text, context) : outcome
      if (failure.error instanceof AbortError) throw failure.error
      const delay = this.#retryDelay(call, failure, attempt, maxRetries)
      if (delay === undefined) throw failure.error
      try {
        await sleep(delay, signal)
      } catch (reason) {
        throw new AbortError(where, reason)
      }
    }
  }

  /** The wait before the next attempt, or `undefined` to give up. A 429 also pauses every other request. */
  #retryDelay(call: PreparedCall, failure: Failure, attempt: number, maxRetries: number): number | undefined {
    const label = `${call.method} ${call.path}`
    const { error, retryAfter } = failure
    const delay = retryAfter ?? backoffDelay(attempt - 1, this.#config.backoff)
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
  #failure(response: Response, text: string, context: RequestContext): Failure {
    return {
      error: errorFromResponse(response, text, context, [this.#config.apiKey]),
      retryable: serverRetryHint(response.headers) ?? isRetryableStatus(response.status),
      retryAfter: parseRetryAfter(response.headers),
    }
  }

  /** The headers of every attempt of `call`; checks the per-call options on the way. */
  #headers(call: PreparedCall, options: RequestOptions): Headers {
    const checked = RequestOptionsSchema.safeParse(options)
    let fieldErrors = checked.success ? undefined : toFieldErrors(checked.error.issues)
    let headers = new Headers()
    try {
      headers = new Headers({ ...this.#config.headers, ...options.headers })
    } catch {
      fieldErrors ??= { headers: 'headers: must be valid HTTP header names and values' }
    }
    if (fieldErrors) {
      const issues = checked.success ? [] : checked.error.issues
      throw new ValidationError(`Invalid request options: ${describeFieldErrors(fieldErrors)}`, issues, fieldErrors)
    }
    headers.set('authorization', `Bearer ${this.#config.apiKey}`)
    headers.set('accept', 'application/json')
    if (call.idempotencyKey !== undefined) headers.set('idempotency-key', call.idempotencyKey)
    return headers
  }

  /** One HTTP exchange, bounded by `timeout` from the first byte sent to the last byte read. Logs one line. */
  async #attempt(
    call: PreparedCall,
    headers: Headers,
    timeout: number,
    signal: AbortSignal | undefined,
    context: RequestContext,
    attempts: number,
  ): Promise<Attempt> {
    const label = `${call.method} ${call.path}`
    const of = `attempt ${context.attempts}/${attempts}`
    const timer = new AbortController()
    const timeoutId = setTimeout(() => timer.abort(new AttemptTimeout()), timeout)
    const combined = signal ? AbortSignal.any([signal, timer.signal]) : timer.signal
    const started = performance.now()
    const elapsed = () => Math.round(performance.now() - started)
    this.#logHeaders(`${label} request`, headers)
    try {
      const sent = this.#ky(`${this.#config.baseUrl}${call.path}`, {
        method: call.method,
        headers,
        searchParams: call.query,
        json: call.body,
        signal: combined,
      })
      const response = await raceSignal(Promise.resolve(sent), combined, discardBody)
      const text = await readBody(response, combined)
      const requestId = response.headers.get('x-request-id')
      this.#config.logger.info(
        `${label} → ${response.status} in ${elapsed()} ms (${of}${requestId ? `, request ${requestId}` : ''})`,
      )
      this.#logHeaders(`${label} response`, response.headers)
      return { kind: 'response', response, text }
    } catch (error) {
      let failure: Failure
      let summary: string
      if (signal?.aborted) {
        failure = { error: new AbortError(context, signal.reason), retryable: false }
        summary = 'aborted'
      } else if (timer.signal.aborted) {
        failure = { error: new TimeoutError(timeout, context), retryable: true }
        summary = `timed out (${timeout} ms)`
      } else {
        const connection = connectionError(error, context, [this.#config.apiKey])
        failure = { error: connection.error, retryable: true }
        summary = `connection failed (${connection.detail})`
      }
      this.#config.logger.info(`${label} → ${summary} after ${elapsed()} ms (${of})`)
      return { kind: 'failed', ...failure }
    } finally {
      clearTimeout(timeoutId)
    }
  }

  #logHeaders(what: string, headers: Headers): void {
    const logger = this.#config.logger
    if (logger.enabled('debug')) logger.debug(`${what} headers ${JSON.stringify(redactHeaders(headers))}`)
  }
}
