import { API_VERSION } from '@cc/schema'
import { describe, expect, it } from 'vitest'
import { meta } from './meta.js'

/** Waits until the clock has moved on by at least `ms` milliseconds. */
async function laterBy(ms: number): Promise<void> {
  const start = Date.now()
  while (Date.now() - start < ms) await new Promise((resolve) => setTimeout(resolve, 1))
}

describe('meta', () => {
  it('gives the request id, the API version and the current time as ISO 8601', () => {
    const before = Date.now()
    const block = meta('r1')
    const after = Date.now()
    expect(block).toEqual({ requestId: 'r1', timestamp: expect.any(String), version: API_VERSION })
    expect(block.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(Date.parse(block.timestamp)).toBeGreaterThanOrEqual(before)
    expect(Date.parse(block.timestamp)).toBeLessThanOrEqual(after)
  })

  it('a later response has a later time, each the time it was made', async () => {
    const first = meta('r1')
    await laterBy(2)
    const before = Date.now()
    const second = meta('r2')
    const after = Date.now()
    expect(Date.parse(second.timestamp)).toBeGreaterThan(Date.parse(first.timestamp))
    expect(Date.parse(second.timestamp)).toBeGreaterThanOrEqual(before)
    expect(Date.parse(second.timestamp)).toBeLessThanOrEqual(after)
    expect(second.requestId).toBe('r2')
  })
})
