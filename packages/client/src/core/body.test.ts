import { getEventListeners } from 'node:events'
import { describe, expect, it } from 'vitest'
import { BodyTooLarge, discardBody, readBody } from './body.js'

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

  it('reads a body without a stream as empty', async () => {
    expect(await readBody(new Response(null, { status: 204 }), never, { bytes: 10, over: 'throw' })).toEqual({
      text: '',
      truncated: false,
    })
  })

  it('a declared Content-Length of exactly the limit is read', async () => {
    const { response } = chunked(['1234', '5678'], { 'content-length': '8' })
    expect(await readBody(response, never, { bytes: 8, over: 'throw' })).toEqual({ text: '12345678', truncated: false })
  })

  it('joins many chunks in order', async () => {
    const { response } = chunked(['a', 'bc', 'def', 'g'])
    expect(await readBody(response, never, { bytes: 100, over: 'throw' })).toEqual({
      text: 'abcdefg',
      truncated: false,
    })
  })

  it('a signal that has already aborted: nothing is read, the stream is cancelled, the reason is thrown', async () => {
    const { response, stats } = chunked(['never read'])
    const reason = new Error('caller gave up')
    await expect(readBody(response, AbortSignal.abort(reason), { bytes: 100, over: 'throw' })).rejects.toBe(reason)
    expect(stats.pulled).toBe(0)
    expect(stats.cancelled).toBe(true)
  })

  it('a stalled body ends as soon as the signal aborts, even if its stream ignores cancellation', async () => {
    const controller = new AbortController()
    const stalled = new Response(
      new ReadableStream<Uint8Array>({
        start(stream) {
          stream.enqueue(new TextEncoder().encode('{"meta":'))
        },
      }),
    )
    const reading = readBody(stalled, controller.signal, { bytes: 100, over: 'throw' })
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1)
    const reason = new Error('timed out')
    controller.abort(reason)
    await expect(reading).rejects.toBe(reason)
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
  })

  it('leaves no listener on the signal once the body is read', async () => {
    const controller = new AbortController()
    const { response } = chunked(['ok'])
    await readBody(response, controller.signal, { bytes: 100, over: 'throw' })
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
  })

  it('a stream that fails: its error is thrown', async () => {
    const failure = new Error('connection reset')
    const stats = { pulls: 0 }
    const response = new Response(
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (stats.pulls++ === 0) controller.enqueue(new TextEncoder().encode('part'))
          else throw failure
        },
      }),
    )
    await expect(readBody(response, never, { bytes: 100, over: 'throw' })).rejects.toBe(failure)
  })
})

describe('discardBody', () => {
  it('cancels a body nobody will read', () => {
    const { response, stats } = chunked(['unread'])
    discardBody(response)
    expect(stats.cancelled).toBe(true)
  })

  it('a response without a body is fine', () => {
    expect(() => discardBody(new Response(null, { status: 204 }))).not.toThrow()
  })
})

describe('readBody: more limits and aborts', () => {
  it('says the limit in the message of BodyTooLarge', async () => {
    const { response } = chunked(['12345', '67890'])
    await expect(readBody(response, never, { bytes: 8, over: 'throw' })).rejects.toThrow(
      'The body is larger than 8 bytes',
    )
  })

  it('a signal that has already aborted wins over a declared Content-Length over the limit', async () => {
    const { response, stats } = chunked(['12345'], { 'content-length': '5000' })
    const reason = new Error('stop')
    await expect(readBody(response, AbortSignal.abort(reason), { bytes: 8, over: 'throw' })).rejects.toBe(reason)
    expect(stats.pulled).toBe(0)
  })
})
