import { CcError } from './errors.js'

/** The outcome of one item of a bulk call: it never throws, each item says how it went. */
export type BulkResult =
  | { id: string; ok: true; requestId: string | undefined }
  | { id: string; ok: false; error: CcError }

export interface BulkProgress {
  /** Items with a result so far. */
  done: number
  total: number
  succeeded: number
  failed: number
  /** The result that just arrived. */
  result: BulkResult
}

/**
 * Retries per item of a bulk update unless the caller passes `maxRetries` (or the client's is higher). A bulk job
 * should ride out the transient 429s and 5xx that a single call's 2 retries would leave failing about one item in
 * a thousand at a 10 % fault rate; with 6, one in ten million. The waits are the server's (`Retry-After`) or the
 * backoff's, shared by all workers on a 429.
 */
export const BULK_MAX_RETRIES = 6

/** Anything thrown, as a `CcError` (a non-CcError means a bug: it stays reachable as `cause`). */
export function asCcError(error: unknown): CcError {
  return error instanceof CcError ? error : new CcError('Unexpected failure', { cause: error })
}

/** Runs `work` over `items` with at most `concurrency` at a time; results keep the input order. `work` must not throw. */
export async function runPool<I, R>(
  items: readonly I[],
  concurrency: number,
  work: (item: I, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index] as I, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  return results
}
