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
  /** The options and the draws they seed; undefined while faults are off. */
  #drawing: { options: FaultOptions; random: Random } | undefined
  readonly #queue: QueuedFault[] = []

  constructor(options: FaultOptions | false) {
    this.configure(options)
  }

  configure(options: FaultOptions | false): void {
    this.#drawing = options === false ? undefined : { options, random: createRandom(options.seed ?? 1) }
  }

  enqueue(kinds: readonly QueuedFault[]): void {
    this.#queue.push(...kinds)
  }

  clearQueue(): void {
    this.#queue.length = 0
  }

  get latencyMs(): number {
    return this.#drawing?.options.latencyMs ?? DEFAULT_LATENCY_MS
  }

  /** Headers of an injected 429/503: the standard header in whole seconds, and the exact wait in ms. */
  get retryAfterHeaders(): Record<string, string> {
    const ms = this.#drawing?.options.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS
    return { 'Retry-After': String(Math.ceil(ms / 1000)), 'retry-after-ms': String(ms) }
  }

  /** The fault for the next request, if any. */
  next(): FaultKind | undefined {
    const queued = this.#queue.shift()
    if (queued === 'none') return undefined
    if (queued !== undefined) return queued
    const drawing = this.#drawing
    if (drawing === undefined) return undefined
    const roll = drawing.random.next()
    const kind = drawing.random.pick(drawing.options.kinds)
    return roll < drawing.options.rate ? kind : undefined
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
