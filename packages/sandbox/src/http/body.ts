import { ApiError, apiError } from './errors.js'
import type { ApiRequest } from './exchange.js'

/** Request bodies above this size get a 413. */
export const MAX_BODY_BYTES = 1024 * 1024

// Decoding without `stream: true` leaves no state behind, so one decoder serves every request.
const utf8 = new TextDecoder('utf-8', { fatal: true })

export const bodyTooLarge = (): ApiError =>
  apiError('payload_too_large', `Request body is larger than ${MAX_BODY_BYTES} bytes (1 MiB)`)

export const bodyUnreadable = (): ApiError => apiError('bad_request', 'Request body could not be read')

/** `application/json`, or any `+json` type, with any parameters. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false
  // Stryker disable next-line OptionalChaining,StringLiteral: split always gives a first element, so neither guard ever acts
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)
}

/**
 * Reads and parses a JSON request body: 413 over 1 MiB (a declared length says so at once; the transport counts
 * while reading, so a lying or missing Content-Length does not help), 415 when it is not declared JSON, 400 when it
 * is not valid JSON.
 */
export async function readJsonBody(request: ApiRequest): Promise<unknown> {
  // No Content-Length: NaN, which is over nothing.
  if (Number(request.header('content-length')) > MAX_BODY_BYTES) throw bodyTooLarge()
  if (!isJsonMediaType(request.header('content-type'))) {
    throw apiError('unsupported_media_type', 'Request body must be JSON: send Content-Type: application/json')
  }
  const bytes = await request.readBody()
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    throw apiError('bad_request', 'Request body is not valid UTF-8')
  }
  if (text.trim() === '') throw apiError('bad_request', 'Request body is empty: send a JSON object')
  try {
    return JSON.parse(text)
  } catch (error) {
    // Stryker disable next-line StringLiteral: JSON.parse of a string throws only SyntaxErrors
    const detail = error instanceof SyntaxError ? `: ${error.message}` : ''
    throw apiError('bad_request', `Request body is not valid JSON${detail}`)
  }
}

/** Reads a web stream to the end, at most `MAX_BODY_BYTES` (a Request may declare one length and stream more). */
export async function readStreamLimited(body: ReadableStream<Uint8Array> | null): Promise<Uint8Array> {
  if (body === null) return new Uint8Array()
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => {})
        throw bodyTooLarge()
      }
      chunks.push(value)
    }
  } catch (error) {
    if (error instanceof ApiError) throw error
    throw bodyUnreadable()
  }
  // Stryker disable next-line ConditionalExpression: one chunk is given as it is only to save a copy; concat gives the same bytes
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks)
}
