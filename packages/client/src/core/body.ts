import { raceSignal } from './abort.js'

/**
 * Reads a response body as text, bounded by `signal`: a stalled body rejects as soon as the signal aborts,
 * even when the stream itself ignores it (ky's own timeout stops at the headers).
 */
export async function readBody(response: Response, signal: AbortSignal): Promise<string> {
  const stream = response.body
  if (!stream) return ''
  const reader = stream.getReader()
  const decoder = new TextDecoder()
  let text = ''
  try {
    for (;;) {
      const { done, value } = await raceSignal(reader.read(), signal)
      if (done) break
      text += decoder.decode(value, { stream: true })
    }
  } catch (error) {
    reader.cancel().catch(() => undefined)
    throw error
  }
  // A cancelled stream ends "done": only a body that was not cut short counts.
  signal.throwIfAborted()
  return text + decoder.decode()
}

/** Frees a response nobody will read. */
export function discardBody(response: Response): void {
  response.body?.cancel().catch(() => undefined)
}
