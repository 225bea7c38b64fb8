import {
  DEFAULT_LATENCY_MS,
  DEFAULT_RETRY_AFTER_MS,
  type FaultKind,
  type FaultOptions,
  type QueuedFault,
} from '../options.js'
import { createRandom, type Random } from '../seed/random.js'

/**
 * Decides which requests get a fault. Queued faults (for tests) come first, in order; otherwise a
 * seeded draw picks `rate` of the requests and a kind for each, so a run is repeatable.
 */
export class FaultInjector {
  #options: FaultOptions | false = false
  #random: Random = createRandom(1)
  readonly #queue: QueuedFault[] = []

  constructor(options: FaultOptions | false) {
    this.configure(options)
  }

  configure(options: FaultOptions | false): void {
    this.#options = options
    this.#random = createRandom(options === false ? 1 : (options.seed ?? 1))
  }

  enqueue(kinds: readonly QueuedFault[]): void {
    this.#queue.push(...kinds)
  }

  clearQueue(): void {
    this.#queue.length = 0
  }

  get latencyMs(): number {
    // Stryker disable next-line ConditionalExpression,BooleanLiteral: false has no latencyMs either, so the default comes back
    return this.#options === false ? DEFAULT_LATENCY_MS : (this.#options.latencyMs ?? DEFAULT_LATENCY_MS)
  }

  /** Headers of an injected 429/503: the standard header in whole seconds, and the exact wait in ms. */
  get retryAfterHeaders(): Record<string, string> {
    // Stryker disable next-line ConditionalExpression,BooleanLiteral: false has no retryAfterMs either, so the default comes back
    const ms = this.#options === false ? DEFAULT_RETRY_AFTER_MS : (this.#options.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS)
    return { 'Retry-After': String(Math.ceil(ms / 1000)), 'retry-after-ms': String(ms) }
  }

  /** The fault for the next request, if any. */
  next(): FaultKind | undefined {
    const queued = this.#queue.shift()
    if (queued === 'none') return undefined
    if (queued !== undefined) return queued
    const options = this.#options
    // Stryker disable next-line ConditionalExpression: a draw is never below a rate of 0, so without the shortcut no fault comes either
    if (options === false || options.rate === 0) return undefined
    const roll = this.#random.next()
    const kind = this.#random.pick(options.kinds)
    return roll < options.rate ? kind : undefined
  }
}

/** A copy of `body` that waits `ms` before its first byte (headers are already on their way). */
export function delayBody(body: ReadableStream<Uint8Array> | null, ms: number): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  let waited = false
  let timer: NodeJS.Timeout | undefined
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!waited) {
        waited = true
        await new Promise<void>((resolve) => {
          timer = setTimeout(resolve, ms)
        })
      }
      if (body === null) return controller.close()
      reader ??= body.getReader()
      const { done, value } = await reader.read()
      if (done) controller.close()
      else controller.enqueue(value)
    },
    cancel(reason) {
      clearTimeout(timer)
      return reader ? reader.cancel(reason) : body?.cancel(reason)
    },
  })
}

/** Waits `ms`, or less when `signal` aborts (a client that gave up should not keep a handler busy). */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const timer = setTimeout(done, ms)
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: done removes the listener itself, so once changes nothing
    signal?.addEventListener('abort', done, { once: true })
    function done() {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
  })
