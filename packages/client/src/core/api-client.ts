import type { EndpointName, HttpMethod, Meta } from '@cc/schema'
import { ERROR_TEXT_MAX_CHARS, summarizeFieldErrors } from '@cc/schema'
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
import type { CallShaping } from './endpoint.js'
import { cleanHeaders, errorFromResponse } from './error-from-response.js'
import {
  AbortError,
  ApiError,
  type CcError,
  ConnectionError,
  NotFoundError,
  RateLimitError,
  type RequestContext,
  ResponseTooLargeError,
  type ResponseValidationError,
  TimeoutError,
  ValidationError,
} from './errors.js'
import { redactHeaders, serverLine } from './logger.js'
import { isApiNotFound, RouteMemory } from './missing-route.js'
import { RateLimitGate } from './rate-limit-gate.js'
import { checkSuccess, parseSuccess } from './read-success.js'
import { isReplayable, isRetryableAnswer, parseRetryAfter, retryDelay, serverRetryHint } from './retry.js'
import { Transport } from './transport.js'
import { resolveValidation, type Validation } from './validate-option.js'

/** One call, validated and ready to send. */
export interface PreparedCall {
  /** The operation in the `endpoints` table of `@cc/schema`. */
  endpoint: EndpointName
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
  /** `meta.requestId`, else the `X-Request-Id` header. */
  requestId: string | undefined
  /** How many HTTP attempts the call took. */
  attempts: number
  /**
   * A DELETE whose retry found nothing to delete after an earlier attempt may have deleted it (its answer lost):
   * `body` is `undefined`, `response` the 404.
   */
  alreadyGone?: true
}

/** A call's options, checked and over the client's: what `request` works with. */
export interface CallSettings {
  signal: AbortSignal | undefined
  timeout: number
  maxRetries: number
  maxResponseBytes: number
  /** Per-call headers, under the client's own. */
  headers: Record<string, string> | undefined
  /** Headers sent as given, over the client's own. */
  extraHeaders: Record<string, string> | undefined
  validation: Validation
  /** How `prepareCall` checks the input and what it adds to it. */
  shaping: CallShaping
}

/** A failed attempt: the error to throw if we give up, and whether another attempt may help. */
interface Failure {
  error: CcError
  retryable: boolean
  /** The server's requested wait, in ms. */
  retryAfter?: number | undefined
}

type Answer = { kind: 'response'; response: Response; text: string; truncated: boolean; elapsed: number }
type Attempt = Answer | ({ kind: 'failed' } & Failure)

/** Marks the per-attempt timer's abort, to tell it apart from the caller's. */
class AttemptTimeout extends Error {
  // Stryker disable next-line StringLiteral: the name never shows: a timer's abort becomes a TimeoutError
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
  readonly #routes: RouteMemory
  readonly #transport: Transport
  /** The headers of a call without per-call headers or an idempotency key, without and with a JSON body. */
  readonly #headers: {
    readonly plain: Readonly<Record<string, string>>
    readonly json: Readonly<Record<string, string>>
  }
  /** The settings of a call without options (most calls). */
  readonly #defaults: CallSettings

  constructor(config: ResolvedConfig, gate: RateLimitGate = new RateLimitGate(), routes = new RouteMemory()) {
    this.#config = config
    this.#gate = gate
    this.#routes = routes
    this.#transport = new Transport(config.fetch)
    this.#headers = {
      plain: Object.freeze(this.#buildHeaders(new Headers(config.headers), false)),
      json: Object.freeze(this.#buildHeaders(new Headers(config.headers), true)),
    }
    this.#defaults = Object.freeze({
      signal: undefined,
      timeout: config.timeout,
      maxRetries: config.maxRetries,
      maxResponseBytes: config.maxResponseBytes,
      headers: undefined,
      extraHeaders: undefined,
      validation: Object.freeze({ request: config.validateRequest, response: config.validate }),
      shaping: Object.freeze({ rules: config.validateRequest }),
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

  /** The routes the server turned out not to have, for clients derived for the same URL. */
  get routes(): RouteMemory {
    return this.#routes
  }

  /** The client's logger (lines are scrubbed of the key). */
  get logger(): ResolvedConfig['logger'] {
    return this.#config.logger
  }

  /** A call's options checked and put over the client's. Throws `ValidationError` naming each bad option. */
  settings(options: RequestOptions | undefined): CallSettings {
    if (options === undefined) return this.#defaults
    checkRequestOptions(options)
    const validation = resolveValidation(this.#defaults.validation, options.validate)
    return {
      signal: options.signal,
      timeout: options.timeout ?? this.#config.timeout,
      maxRetries: options.maxRetries ?? this.#config.maxRetries,
      maxResponseBytes: options.maxResponseBytes ?? this.#config.maxResponseBytes,
      headers: options.headers,
      extraHeaders: options.extraHeaders,
      validation,
      shaping: { rules: validation.request, extraBody: options.extraBody, extraQuery: options.extraQuery },
    }
  }

  /**
   * Sends `call`, retrying as the policy allows. Resolves with the body (checked as `settings.validation.response`
   * says) or rejects with a `CcError`.
   */
  async request(prepared: PreparedCall, settings: CallSettings = this.#defaults): Promise<RawResult> {
    const { signal, maxRetries, timeout } = settings
    const call = withKeyFrom(prepared, settings.extraHeaders)
    // Stryker disable next-line ConditionalExpression: JSON.stringify(undefined) is undefined too
    const body = call.body === undefined ? undefined : JSON.stringify(call.body)
    const exchange: Exchange = {
      url: this.#url(call),
      headers: this.#headersFor(call, body !== undefined, settings),
      body,
      maxResponseBytes: settings.maxResponseBytes,
    }
    // Whether an earlier attempt may have done what the call asks, its answer lost: what a DELETE's 404 means then.
    let mayHaveApplied = false

    for (let attempt = 1; ; attempt++) {
      const context: RequestContext = { method: call.method, path: call.path, attempts: attempt }
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut: with no abort and no pause, throwIfAborted and wait() return at once
      if (signal?.aborted || this.#gate.remaining() > 0) {
        try {
          signal?.throwIfAborted()
          await this.#gate.wait(signal)
        } catch (reason) {
          throw new AbortError({ ...context, attempts: attempt - 1 }, reason)
        }
      }
      const outcome = await this.#attempt(call, exchange, timeout, signal, context, maxRetries + 1)
      let failure: Failure
      if (outcome.kind === 'response') {
        // A success returns; an error answer is logged with its request id, then decided on like any failure.
        if (outcome.response.ok) return this.#success(call, outcome, context, settings, maxRetries + 1)
        const answered = this.#failure(call, outcome, exchange.url, context)
        this.#logAnswer(call, outcome, context, maxRetries + 1, answered.error.requestId)
        if (call.method === 'DELETE' && mayHaveApplied && isApiNotFound(answered.error)) {
          return this.#alreadyGone(call, outcome, answered.error)
        }
        failure = answered
      } else {
        failure = outcome
      }
      // Stryker disable next-line ConditionalExpression: a shortcut: an AbortError is not retryable, so #retryDelay gives up and it is thrown below
      if (failure.error instanceof AbortError) throw failure.error
      mayHaveApplied ||= mayHaveBeenApplied(failure.error)
      const delay = this.#retryDelay(call, failure, attempt, maxRetries)
      if (delay === undefined) throw failure.error
      // An abort cuts the wait short: the next turn's check throws it as an AbortError, this attempt counted.
      await sleep(delay, signal).catch(() => {})
    }
  }

  /** A success answer: parsed, logged with its request id, checked against the contract. */
  #success(
    call: PreparedCall,
    answer: Answer,
    context: RequestContext,
    settings: CallSettings,
    attempts: number,
  ): RawResult {
    const secrets = [this.#config.apiKey]
    let parsed: ReturnType<typeof parseSuccess>
    try {
      parsed = parseSuccess(answer.response, answer.text, context, secrets)
    } catch (error) {
      this.#logAnswer(call, answer, context, attempts, (error as ResponseValidationError).requestId)
      throw error
    }
    this.#logAnswer(call, answer, context, attempts, parsed.requestId)
    const logger = this.#config.logger
    checkSuccess(call, parsed, { context, validate: settings.validation.response, logger, secrets })
    const { body, meta, response, requestId } = parsed
    return { body, meta, response, requestId, attempts: context.attempts }
  }

  /** The result of a DELETE whose retry found the resource gone: an earlier attempt deleted it. */
  #alreadyGone(call: PreparedCall, answer: Answer, error: ApiError): RawResult {
    this.#config.logger.info(
      `${call.method} ${call.path}: 404 after an attempt that may have deleted it; reported as deleted (already gone)`,
    )
    // Stryker disable next-line OptionalChaining: isApiNotFound has checked that the body is an object with meta
    const meta = (error.body as { meta?: Meta } | undefined)?.meta
    return {
      body: undefined,
      meta,
      response: answer.response,
      requestId: error.requestId,
      attempts: error.attempts,
      alreadyGone: true,
    }
  }

  /**
   * A `NotFoundError` for a success that found nothing (a fallback's search), in the words of the API's own 404:
   * `404 not_found: Contact … not found`, with the request id and headers of the answer that found nothing.
   */
  notFound(call: PreparedCall, raw: RawResult, what: string): NotFoundError {
    return new NotFoundError({
      method: call.method,
      path: call.path,
      attempts: raw.attempts,
      status: 404,
      code: 'not_found',
      serverMessage: `${what} not found`,
      requestId: raw.requestId,
      body: undefined,
      headers: cleanHeaders(raw.response.headers, [this.#config.apiKey]),
    })
  }

  /** One line per answer at `info`: status, time, attempt and the request id (`meta.requestId` first). */
  #logAnswer(
    call: PreparedCall,
    answer: Answer,
    context: RequestContext,
    attempts: number,
    requestId: string | undefined,
  ): void {
    const more = requestId ? `, request ${requestId}` : ''
    this.#config.logger.info(
      () =>
        `${call.method} ${call.path} → ${answer.response.status} in ${answer.elapsed} ms (attempt ${context.attempts}/${attempts}${more})`,
    )
  }

  /** The wait before the next attempt, or `undefined` to give up. A 429 also pauses every other request. */
  #retryDelay(call: PreparedCall, failure: Failure, attempt: number, maxRetries: number): number | undefined {
    const label = `${call.method} ${call.path}`
    const { error, retryAfter } = failure
    const delay = retryDelay(attempt - 1, retryAfter, this.#config.backoff)
    // Waiting longer than maxRetryAfter would look like a hang: such a call fails now, and the error says how long.
    // Stryker disable next-line ConditionalExpression: undefined > maxRetryAfter is false as well
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
  #failure(call: PreparedCall, answer: Answer, url: string, context: RequestContext): Failure & { error: ApiError } {
    const { response, text, truncated } = answer
    return {
      error: errorFromResponse(response, text, { context, secrets: [this.#config.apiKey], url, truncated }),
      retryable: serverRetryHint(response.headers) ?? isRetryableAnswer(call.method, response.status),
      retryAfter: parseRetryAfter(response.headers),
    }
  }

  #url(call: PreparedCall): string {
    const url = `${this.#config.baseUrl}${call.path}`
    const search = new URLSearchParams(call.query).toString()
    return search === '' ? url : `${url}?${search}`
  }

  /**
   * The headers of every attempt of `call`: the client's, then the call's own `headers`, then ours (Authorization,
   * Accept, Content-Type, Idempotency-Key), then the call's `extraHeaders`, which may replace all of ours but
   * Authorization (the options' check refuses it).
   */
  #headersFor(call: PreparedCall, json: boolean, settings: CallSettings): Readonly<Record<string, string>> {
    const { headers: own, extraHeaders } = settings
    // A call without options of its own sends the headers built with the client.
    let headers = json ? this.#headers.json : this.#headers.plain
    if (own !== undefined) {
      const merged = new Headers(this.#config.headers)
      // Checked by checkRequestOptions: names and values are valid, and none of them is Authorization.
      for (const [name, value] of Object.entries(own)) merged.set(name, value)
      headers = this.#buildHeaders(merged, json)
    }
    if (call.idempotencyKey !== undefined) headers = { ...headers, 'idempotency-key': call.idempotencyKey }
    if (extraHeaders !== undefined) {
      const built = new Headers(headers)
      for (const [name, value] of Object.entries(extraHeaders)) built.set(name, value)
      headers = Object.fromEntries(built)
    }
    return headers
  }

  /** `headers` (the client's, a call's own over them) with ours set: Authorization, Accept, Content-Type. */
  #buildHeaders(headers: Headers, json: boolean): Record<string, string> {
    headers.set('authorization', `Bearer ${this.#config.apiKey}`)
    headers.set('accept', 'application/json')
    if (json) headers.set('content-type', 'application/json')
    return Object.fromEntries(headers)
  }

  /**
   * One HTTP exchange, bounded by `timeout` from the first byte sent to the last byte read, and in size: a success
   * body by `maxResponseBytes` (over it, the attempt fails), an error body by `@cc/schema`'s `ERROR_TEXT_MAX_CHARS`
   * (the rest is dropped: the start says what went wrong). Logs a line for a failure without an answer.
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
    // Ends the attempt: on its timeout, or when the caller's signal aborts. Linked by hand rather than with
    // `AbortSignal.any`: Node keeps every `any` signal that ever had a listener alive as long as its sources, so a
    // long-lived caller signal (one per bulk run, one per app) would cost memory on every attempt.
    const timer = new AbortController()
    const timeoutId = setTimeout(() => timer.abort(new AttemptTimeout()), timeout)
    // Stryker disable next-line OptionalChaining: only ever called as the listener of a signal
    const onCallerAbort = () => timer.abort(signal?.reason)
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: an abort fires once, and finally removes the listener
    signal?.addEventListener('abort', onCallerAbort, { once: true })
    const combined = timer.signal
    const started = performance.now()
    // Log lines are built only when they are written.
    const line = (outcome: string) =>
      `${call.method} ${call.path} → ${outcome} after ${Math.round(performance.now() - started)} ms (attempt ${context.attempts}/${attempts})`
    this.#logHeaders(call, 'request', exchange.headers)
    let response: Response | undefined
    try {
      const { url, headers, body } = exchange
      const sent = this.#transport.send({ method: call.method, url, headers, body, signal: combined })
      response = await raceSignal(sent, combined, discardBody)
      const limit = response.ok
        ? { bytes: exchange.maxResponseBytes, over: 'throw' as const }
        : { bytes: ERROR_TEXT_MAX_CHARS, over: 'truncate' as const }
      const { text, truncated } = await readBody(response, combined, limit)
      this.#logHeaders(call, 'response', response.headers)
      // The line for an answer is logged once its body has given the request id.
      return { kind: 'response', response, text, truncated, elapsed: Math.round(performance.now() - started) }
    } catch (error) {
      let failure: Failure
      let summary: string
      if (signal?.aborted) {
        // Stryker disable next-line BooleanLiteral: request() throws an AbortError before it asks whether to retry
        failure = { error: new AbortError(context, signal.reason), retryable: false }
        summary = 'aborted'
      } else if (timer.signal.aborted) {
        // Aborted, and not by the caller: the attempt's own timeout.
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
      logger.info(() => line(summary))
      // Stryker disable next-line StringLiteral: request() only asks whether the kind is 'response'
      return { kind: 'failed', ...failure }
    } finally {
      clearTimeout(timeoutId)
      signal?.removeEventListener('abort', onCallerAbort)
    }
  }

  /** A debug line with `headers`, credentials redacted: built only when debug lines are written. */
  #logHeaders(call: PreparedCall, what: string, headers: Headers | Readonly<Record<string, string>>): void {
    this.#config.logger.debug(
      () => `${call.method} ${call.path} ${what} headers ${JSON.stringify(redactHeaders(new Headers(headers)))}`,
    )
  }
}

/** Throws `ValidationError` naming each bad per-call option. */
function checkRequestOptions(options: RequestOptions): void {
  const checked = RequestOptionsSchema.safeParse(options)
  if (!checked.success) {
    const errors = optionErrors(checked.error.issues)
    throw new ValidationError(`Invalid request options: ${summarizeFieldErrors(errors)}`, checked.error.issues, errors)
  }
  for (const name of ['headers', 'extraHeaders'] as const) {
    try {
      new Headers(options[name])
    } catch {
      const errors = optionError(name, INVALID_HEADERS)
      throw new ValidationError(`Invalid request options: ${summarizeFieldErrors(errors)}`, [], errors)
    }
  }
}

/** `call` with the `Idempotency-Key` of `extraHeaders`, when they set one: retries depend on the key sent. */
function withKeyFrom(call: PreparedCall, extraHeaders: Record<string, string> = {}): PreparedCall {
  for (const name in extraHeaders) {
    if (name.toLowerCase() === 'idempotency-key') return { ...call, idempotencyKey: extraHeaders[name] }
  }
  return call
}

/**
 * Whether a failed attempt may have done what it asked: a connection that failed or timed out may have failed
 * after the server acted, and a 5xx may come after it acted. A 4xx (a 429 included) is a refusal.
 */
function mayHaveBeenApplied(error: CcError): boolean {
  return (
    error instanceof ConnectionError ||
    error instanceof TimeoutError ||
    (error instanceof ApiError && error.status >= 500)
  )
}
