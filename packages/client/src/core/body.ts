const utf8 = new TextDecoder()

/**
 * Reads a response body as text, bounded by `signal`: a stalled body ends as soon as the signal aborts, even
 * when the stream itself ignores it (ky's own timeout stops at the headers).
 */
export async function readBody(response: Response, signal: AbortSignal): Promise<string> {
  const stream = response.body
  if (!stream) return ''
  if (signal.aborted) {
    stream.cancel().catch(() => undefined)
    signal.throwIfAborted()
  }
  const reader = stream.getReader()
  // Cancelling ends a pending read at once (as "done"), whatever the stream's source does: one listener per body.
  const onAbort = () => {
    reader.cancel(signal.reason).catch(() => undefined)
  }
  signal.addEventListener('abort', onAbort, { once: true })
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      size += value.byteLength
    }
  } catch (error) {
    reader.cancel().catch(() => undefined)
    throw error
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
  // A cancelled stream ends "done": only a body that was not cut short counts.
  signal.throwIfAborted()
  return utf8.decode(joined(chunks, size))
}

function joined(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array
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
