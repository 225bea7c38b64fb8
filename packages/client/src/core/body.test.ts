import { describe, expect, it } from 'vitest'
import { BodyTooLarge, readBody } from './body.js'

const never = new AbortController().signal

/** A response whose body arrives in the given chunks; counts how many were read. */
function chunked(chunks: string[], headers: Record<string, string> = {}) {
  const stats = { pulled: 0, cancelled: false }
  const encoder = new TextEncoder()
  const response = new Response(
    new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[stats.pulled++]
        if (chunk === undefined) controller.close()
        else controller.enqueue(encoder.encode(chunk))
      },
      cancel() {
        stats.cancelled = true
      },
    }),
    { headers },
  )
  return { response, stats }
}

describe('readBody', () => {
  it('reads a body within the limit whole', async () => {
    const { response } = chunked(['{"a":', '1}'])
    expect(await readBody(response, never, { bytes: 7, over: 'throw' })).toEqual({ text: '{"a":1}', truncated: false })
  })

  it('throws BodyTooLarge past the limit, and stops reading', async () => {
    const { response, stats } = chunked(['12345', '67890', 'abcde', 'fghij'])
    const error = await readBody(response, never, { bytes: 8, over: 'throw' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BodyTooLarge)
    expect((error as BodyTooLarge).limit).toBe(8)
    expect(stats.cancelled).toBe(true)
    expect(stats.pulled).toBeLessThan(4)
  })

  it('refuses a declared Content-Length over the limit without reading', async () => {
    const { response, stats } = chunked(['x'], { 'content-length': '100' })
    await expect(readBody(response, never, { bytes: 10, over: 'throw' })).rejects.toThrow(BodyTooLarge)
    expect(stats.cancelled).toBe(true)
  })

  it('or keeps the first bytes and says it cut the rest', async () => {
    const { response, stats } = chunked(['12345', '67890', 'abcde'], { 'content-length': '15' })
    expect(await readBody(response, never, { bytes: 8, over: 'truncate' })).toEqual({
      text: '12345678',
      truncated: true,
    })
    expect(stats.cancelled).toBe(true)
  })

  it('counts bytes, not characters: a cut inside a character leaves a replacement character', async () => {
    const { response } = chunked(['éé'])
    expect(await readBody(response, never, { bytes: 3, over: 'truncate' })).toEqual({
      text: 'é\ufffd',
      truncated: true,
    })
  })
})
