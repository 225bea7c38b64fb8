const utf8 = new TextDecoder()

/** A body over its limit: the reader has been cancelled, the rest was never read. */
export class BodyTooLarge extends Error {
  // Stryker disable next-line StringLiteral: the name never shows: ApiClient turns a BodyTooLarge into a ResponseTooLargeError
  override name = 'BodyTooLarge'
  readonly limit: number

  constructor(limit: number) {
    super(`The body is larger than ${limit} bytes`)
    this.limit = limit
  }
}

export interface ReadLimit {
  /** The most bytes read. */
  bytes: number
  /** Over the limit: `throw` a `BodyTooLarge`, or `truncate` (keep the first `bytes` and drop the rest). */
  over: 'throw' | 'truncate'
}

/** A body as text, and whether it was cut at the limit. */
export interface BodyText {
  text: string
  truncated: boolean
}

/**
 * Reads a response body as text, bounded by `signal` and by `limit`: a stalled body ends as soon as the signal
 * aborts, even when the stream itself ignores it (ky's own timeout stops at the headers), and a body never costs
 * more than `limit.bytes` of memory: a declared `Content-Length` over the limit fails before reading.
 */
export async function readBody(response: Response, signal: AbortSignal, limit: ReadLimit): Promise<BodyText> {
  const stream = response.body
  if (!stream) return { text: '', truncated: false }
  if (signal.aborted) {
    stream.cancel().catch(() => undefined)
    signal.throwIfAborted()
  }
  if (limit.over === 'throw' && Number(response.headers.get('content-length')) > limit.bytes) {
    stream.cancel().catch(() => undefined)
    throw new BodyTooLarge(limit.bytes)
  }
  const reader = stream.getReader()
  // Cancelling ends a pending read at once (as "done"), whatever the stream's source does: one listener per body.
  const onAbort = () => {
    reader.cancel(signal.reason).catch(() => undefined)
  }
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: an abort fires once, and finally removes the listener
  signal.addEventListener('abort', onAbort, { once: true })
  const chunks: Uint8Array[] = []
  let size = 0
  let truncated = false
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (size + value.byteLength > limit.bytes) {
        reader.cancel().catch(() => undefined)
        if (limit.over === 'throw') throw new BodyTooLarge(limit.bytes)
        chunks.push(value.subarray(0, limit.bytes - size))
        size = limit.bytes
        truncated = true
        break
      }
      chunks.push(value)
      size += value.byteLength
    }
  } catch (error) {
    // Stryker disable next-line CallExpression: the stream is done for already: read() rejected (it errored), or BodyTooLarge cancelled it
    reader.cancel().catch(() => undefined)
    throw error
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
  // A cancelled stream ends "done": only a body that was not cut short counts.
  signal.throwIfAborted()
  return { text: utf8.decode(joined(chunks, size)), truncated }
}

function joined(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const all = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    all.set(chunk, offset)
    offset += chunk.byteLength
  }
  return all
}

/** Frees a response nobody will read. */
export function discardBody(response: Response): void {
  response.body?.cancel().catch(() => undefined)
}
