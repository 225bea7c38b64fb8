import { ApiError, apiError } from './errors.js'

/** Request bodies above this size get a 413. */
export const MAX_BODY_BYTES = 1024 * 1024

// Decoding without `stream: true` leaves no state behind, so one decoder serves every request.
const utf8 = new TextDecoder('utf-8', { fatal: true })

const tooLarge = () => apiError('payload_too_large', `Request body is larger than ${MAX_BODY_BYTES} bytes (1 MiB)`)

/** `application/json`, or any `+json` type, with any parameters. */
export function isJsonMediaType(contentType: string | null): boolean {
  if (contentType === null) return false
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)
}

/**
 * Reads and parses a JSON request body: 413 over 1 MiB (counted while reading, so a lying or missing
 * Content-Length does not help), 415 when it is not declared JSON, 400 when it is not valid JSON.
 *
 * `lengthFramed`: the transport ends the body at its declared Content-Length (an HTTP/1.1 server's
 * parser does), so a declared length of at most 1 MiB bounds the read and the body is read in one go.
 * In-process, a Request can declare one length and stream more, so the body is always counted.
 */
export async function readJsonBody(request: Request, lengthFramed = false): Promise<unknown> {
  const declared = request.headers.get('content-length')
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) throw tooLarge()
  if (!isJsonMediaType(request.headers.get('content-type'))) {
    throw apiError('unsupported_media_type', 'Request body must be JSON: send Content-Type: application/json')
  }
  const bytes = lengthFramed && declared !== null ? await readAll(request) : await readLimited(request)
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
    const detail = error instanceof SyntaxError ? `: ${error.message}` : ''
    throw apiError('bad_request', `Request body is not valid JSON${detail}`)
  }
}

/** The whole body at once: on Node's HTTP server this reads the socket directly, with no web stream. */
async function readAll(request: Request): Promise<Uint8Array> {
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await request.arrayBuffer())
  } catch {
    throw apiError('bad_request', 'Request body could not be read')
  }
  // Cannot happen when the transport frames the body by its length; checked so a bug cannot bypass the limit.
  if (bytes.byteLength > MAX_BODY_BYTES) throw tooLarge()
  return bytes
}

async function readLimited(request: Request): Promise<Uint8Array> {
  if (request.body === null) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => {})
        throw tooLarge()
      }
      chunks.push(value)
    }
  } catch (error) {
    if (error instanceof ApiError) throw error
    throw apiError('bad_request', 'Request body could not be read')
  }
  return Buffer.concat(chunks)
}
