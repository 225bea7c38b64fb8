import { CcError } from './errors.js'

/**
 * The outcome of one item of a bulk call: it never throws, each item says how it went. `index` is the item's
 * position in the input (0 for the first).
 */
export type BulkResult =
  | { index: number; id: string; ok: true; requestId: string | undefined }
  | { index: number; id: string; ok: false; error: CcError }

export interface BulkProgress {
  /** Items with a result so far. */
  done: number
  /** How many items there are: known for an array, `undefined` for any other iterable. */
  total: number | undefined
  succeeded: number
  failed: number
  /** The result that just arrived. */
  result: BulkResult
}

/** Items for a bulk call: an array, any other iterable (a generator), or an async iterable (a stream of rows). */
export type BulkSource<T> = Iterable<T> | AsyncIterable<T>

/**
 * Retries per item of a bulk update unless the caller passes `maxRetries` (or the client's is higher). A bulk job
 * should ride out the transient 429s and 5xx that a single call's 2 retries would leave failing about one item in
 * a thousand at a 10 % fault rate; with 6, one in ten million. The waits are the server's (`Retry-After`) or the
 * backoff's, shared by all workers on a 429.
 */
export const BULK_MAX_RETRIES = 6

/**
 * A run gives the event loop a turn after this many results. Against a server that answers in-process (the
 * sandbox's `fetch`), every step is a promise and nothing else would ever run: not the timers (timeouts, a 429
 * pause), not I/O, not the finalizers `fetch` relies on to free what each request leaves behind.
 */
const YIELD_EVERY = 256

/** Anything thrown, as a `CcError` (a non-CcError means a bug: it stays reachable as `cause`). */
export function asCcError(error: unknown): CcError {
  return error instanceof CcError ? error : new CcError('Unexpected failure', { cause: error })
}

export function isBulkSource(value: unknown): value is BulkSource<unknown> {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false
  const source = value as Record<symbol, unknown>
  return typeof source[Symbol.asyncIterator] === 'function' || typeof source[Symbol.iterator] === 'function'
}

/**
 * Runs `work` over the items of `source`, at most `concurrency` at a time, and yields each result as soon as it is
 * known (in the order they complete). Memory stays bounded whatever the source's length: an item is pulled only
 * when a worker is free and fewer than `concurrency` results wait for the consumer, so at most `concurrency` items
 * are in flight, and items in flight and results waiting are fewer than 2 × `concurrency` together (each worker
 * checks for room before it pulls, and its result joins the others after its work); nothing keeps the items or
 * results already handed over.
 *
 * `work` must not throw. When the consumer stops early (`break`), `stop` is aborted (to end the work in flight),
 * the workers are waited for and the source is closed. When the source throws, no more items are pulled; the
 * results of the items in flight are yielded, then its error is thrown.
 */
export async function* streamPool<I, R>(
  source: BulkSource<I>,
  concurrency: number,
  work: (item: I, index: number) => Promise<R>,
  stop?: AbortController,
): AsyncGenerator<R, void, undefined> {
  const iterator: Iterator<I> | AsyncIterator<I> =
    Symbol.asyncIterator in source
      ? (source as AsyncIterable<I>)[Symbol.asyncIterator]()
      : (source as Iterable<I>)[Symbol.iterator]()
  let nextIndex = 0
  let exhausted = false
  let failure: { error: unknown } | undefined
  let stopped = false
  let finished = false
  const ready: R[] = []
  let wakeConsumer: (() => void) | undefined
  let waitingForRoom: (() => void)[] = []
  const makeRoom = () => {
    const waiting = waitingForRoom
    waitingForRoom = []
    for (const resume of waiting) resume()
  }

  // An async iterator need not take overlapping `next()` calls: pulls go one after another.
  let pulling: Promise<unknown> = Promise.resolve()
  const pull = (): Promise<{ item: I; index: number } | undefined> => {
    const next = pulling.then(async () => {
      if (exhausted || stopped) return undefined
      try {
        const step = await iterator.next()
        if (step.done) {
          exhausted = true
          return undefined
        }
        return { item: step.value, index: nextIndex++ }
      } catch (error) {
        exhausted = true
        failure ??= { error }
        return undefined
      }
    })
    pulling = next
    return next
  }

  const worker = async () => {
    for (;;) {
      while (ready.length >= concurrency && !stopped) await new Promise<void>((resume) => waitingForRoom.push(resume))
      // Once stopped, `pull` reads no more: the worker ends.
      const next = await pull()
      if (next === undefined) return
      ready.push(await work(next.item, next.index))
      wakeConsumer?.()
    }
  }
  const workers = Promise.all(Array.from({ length: concurrency }, worker)).then(() => {
    finished = true
    wakeConsumer?.()
  })

  let sinceTurn = 0
  try {
    for (;;) {
      if (ready.length > 0) {
        const result = ready.shift() as R
        makeRoom()
        yield result
        if (++sinceTurn === YIELD_EVERY) {
          sinceTurn = 0
          await new Promise((resolve) => setTimeout(resolve, 0))
        }
        continue
      }
      if (finished) break
      await new Promise<void>((resume) => {
        wakeConsumer = resume
      })
      wakeConsumer = undefined
    }
    if (failure) throw failure.error
  } finally {
    if (!finished) {
      // The consumer left early: end the work in flight and wait for it, so that nothing runs after the loop.
      stopped = true
      stop?.abort(new CcError('The bulk run was stopped: its results are no longer read'))
      makeRoom()
      await workers
    }
    if (!exhausted) await iterator.return?.()
  }
}

/**
 * `streamPool` collected: one result per item, in input order (not the order the work finishes in). The array is
 * the only thing that grows with the input.
 */
export async function runPool<I, R>(
  items: BulkSource<I>,
  concurrency: number,
  work: (item: I, index: number) => Promise<R>,
  stop?: AbortController,
): Promise<R[]> {
  const results: R[] = []
  const indexed = async (item: I, index: number) => ({ index, value: await work(item, index) })
  for await (const { index, value } of streamPool(items, concurrency, indexed, stop)) results[index] = value
  return results
}
