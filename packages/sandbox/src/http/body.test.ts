import { describe, expect, it } from 'vitest'
import { isJsonMediaType, MAX_BODY_BYTES, readJsonBody, readStreamLimited } from './body.js'
import { ApiError } from './errors.js'
import { WebRequest } from './web.js'

/** A POST with this body and these headers, as the pipeline reads it. */
const post = (
  body: string | Uint8Array | null,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
) =>
  new WebRequest(
    new Request('http://localhost/v1/people', { method: 'POST', headers, body, duplex: 'half' } as RequestInit),
  )

/** The ApiError a promise rejects with. */
async function rejection(pending: Promise<unknown>): Promise<ApiError> {
  const error = await pending.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`)
  return error
}

/** A stream of these chunks. */
const streamOf = (chunks: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk)
      controller.close()
    },
  })

describe('isJsonMediaType', () => {
  it('is application/json or any +json type, in any case, with parameters', () => {
    for (const type of [
      'application/json',
      'Application/JSON',
      ' application/json ; charset=utf-8',
      'application/problem+json',
      'application/vnd.cc.v1+json; q=1',
      'application/merge-patch+json',
    ]) {
      expect(isJsonMediaType(type), type).toBe(true)
    }
  })

  it('is nothing else', () => {
    for (const type of [
      undefined,
      '',
      'text/plain',
      'text/json',
      'application/jsonx',
      'application/json-seq',
      'application/+json',
      'application/vnd.cc+jsonx',
      'xapplication/json',
      'my-application/vnd+json',
      'application/x-www-form-urlencoded',
    ]) {
      expect(isJsonMediaType(type), type).toBe(false)
    }
  })
})

describe('readJsonBody', () => {
  it('parses a JSON body', async () => {
    expect(await readJsonBody(post('{"firstName":"Zoë"}'))).toEqual({ firstName: 'Zoë' })
    expect(await readJsonBody(post(' [1, 2] '))).toEqual([1, 2])
  })

  it('415 unless the body is declared JSON', async () => {
    for (const headers of [{}, { 'Content-Type': 'text/plain' }] as Record<string, string>[]) {
      const error = await rejection(readJsonBody(post('{}', headers)))
      expect(error.status).toBe(415)
      expect(error.code).toBe('unsupported_media_type')
      expect(error.message).toBe('Request body must be JSON: send Content-Type: application/json')
    }
  })

  it('413 from a declared length over 1 MiB, before anything is read; exactly 1 MiB is fine', async () => {
    const declared = (length: number) =>
      post('{"a":1}', { 'Content-Type': 'application/json', 'Content-Length': String(length) })
    const error = await rejection(readJsonBody(declared(MAX_BODY_BYTES + 1)))
    expect(error.status).toBe(413)
    expect(error.code).toBe('payload_too_large')
    expect(error.message).toBe('Request body is larger than 1048576 bytes (1 MiB)')
    // The declared size is checked before the media type.
    const notJson = post('{}', { 'Content-Type': 'text/plain', 'Content-Length': String(MAX_BODY_BYTES + 1) })
    expect((await rejection(readJsonBody(notJson))).status).toBe(413)
    expect(await readJsonBody(declared(MAX_BODY_BYTES))).toEqual({ a: 1 })
  })

  it('400 for an empty or blank body, saying what to send', async () => {
    for (const body of [null, '', '  \n\t ']) {
      const error = await rejection(readJsonBody(post(body)))
      expect(error.status).toBe(400)
      expect(error.code).toBe('bad_request')
      expect(error.message).toBe('Request body is empty: send a JSON object')
    }
  })

  it('400 for bytes that are not UTF-8', async () => {
    const error = await rejection(readJsonBody(post(new Uint8Array([0x7b, 0xff, 0x7d]))))
    expect(error.status).toBe(400)
    expect(error.message).toBe('Request body is not valid UTF-8')
    // The shared decoder keeps nothing of a rejected body.
    expect(await readJsonBody(post(new Uint8Array([0x22, 0xc3, 0xa9, 0x22])))).toBe('é')
  })

  it('400 for text that is not JSON, with the parser`s reason', async () => {
    const error = await rejection(readJsonBody(post('{"firstName": ')))
    expect(error.status).toBe(400)
    expect(error.code).toBe('bad_request')
    let reason = ''
    try {
      JSON.parse('{"firstName": ')
    } catch (e) {
      reason = (e as SyntaxError).message
    }
    expect(error.message).toBe(`Request body is not valid JSON: ${reason}`)
  })
})

describe('readStreamLimited', () => {
  it('reads no body as no bytes', async () => {
    expect(await readStreamLimited(null)).toEqual(new Uint8Array())
    expect(await readStreamLimited(streamOf([]))).toHaveLength(0)
  })

  it('joins the chunks in order', async () => {
    const bytes = await readStreamLimited(streamOf([new Uint8Array([1, 2]), new Uint8Array([3]), new Uint8Array([4])]))
    expect([...bytes]).toEqual([1, 2, 3, 4])
    expect([...(await readStreamLimited(streamOf([new Uint8Array([5, 6])])))]).toEqual([5, 6])
  })

  it('takes exactly 1 MiB, and 413 past it, cancelling the rest of the stream', async () => {
    const half = MAX_BODY_BYTES / 2
    expect(await readStreamLimited(streamOf([new Uint8Array(half), new Uint8Array(half)]))).toHaveLength(MAX_BODY_BYTES)
    let cancelled = false
    let pulls = 0
    // Endless for any reader that keeps its limit; a reader that does not fails at 8 MiB instead of filling memory.
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++
        if (pulls > 16) controller.error(new Error('read on past 8 MiB'))
        else controller.enqueue(new Uint8Array(half))
      },
      cancel() {
        cancelled = true
      },
    })
    const error = await rejection(readStreamLimited(endless))
    expect(error.status).toBe(413)
    expect(error.message).toBe('Request body is larger than 1048576 bytes (1 MiB)')
    expect(cancelled).toBe(true)
    expect(pulls).toBeLessThan(6)
  })

  it('400 when the stream fails', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([1]))
        controller.error(new Error('connection lost'))
      },
    })
    const error = await rejection(readStreamLimited(broken))
    expect(error.status).toBe(400)
    expect(error.code).toBe('bad_request')
    expect(error.message).toBe('Request body could not be read')
  })

  it('413 even when cancelling the stream fails', async () => {
    const stubborn = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(MAX_BODY_BYTES + 1))
      },
      cancel() {
        throw new Error('cannot cancel')
      },
    })
    expect((await rejection(readStreamLimited(stubborn))).status).toBe(413)
  })
})
