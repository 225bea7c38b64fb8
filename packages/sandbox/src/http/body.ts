import { ApiError } from './errors.js'

/** Request bodies above this size get a 413. */
export const MAX_BODY_BYTES = 1024 * 1024

const tooLarge = () =>
  new ApiError(413, 'payload_too_large', `Request body is larger than ${MAX_BODY_BYTES} bytes (1 MiB)`)

/** `application/json`, or any `+json` type, with any parameters. */
export function isJsonMediaType(contentType: string | null): boolean {
  if (contentType === null) return false
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)
}

/**
 * Reads and parses a JSON request body: 413 over 1 MiB (counted while reading, so a lying or missing
 * Content-Length does not help), 415 when it is not declared JSON, 400 when it is not valid JSON.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = request.headers.get('content-length')
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) throw tooLarge()
  if (!isJsonMediaType(request.headers.get('content-type'))) {
    throw new ApiError(415, 'unsupported_media_type', 'Request body must be JSON: send Content-Type: application/json')
  }
  const bytes = await readLimited(request)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ApiError(400, 'bad_request', 'Request body is not valid UTF-8')
  }
  if (text.trim() === '') throw new ApiError(400, 'bad_request', 'Request body is empty: send a JSON object')
  try {
    return JSON.parse(text)
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : ''
    throw new ApiError(400, 'bad_request', `Request body is not valid JSON${detail}`)
  }
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
    throw new ApiError(400, 'bad_request', 'Request body could not be read')
  }
  return Buffer.concat(chunks)
}
