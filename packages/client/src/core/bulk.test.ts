import { describe, expect, it } from 'vitest'
import { asCcError, runPool } from './bulk.js'
import { CcError } from './errors.js'

describe('runPool', () => {
  it('keeps the input order, whatever order the work finishes in', async () => {
    const delays = [30, 5, 20, 0, 10]
    const results = await runPool(delays, 3, async (ms, index) => {
      await new Promise((resolve) => setTimeout(resolve, ms))
      return `${index}:${ms}`
    })
    expect(results).toEqual(['0:30', '1:5', '2:20', '3:0', '4:10'])
  })

  it('never runs more than `concurrency` at once, and uses them all', async () => {
    let running = 0
    let most = 0
    await runPool(
      Array.from({ length: 20 }, (_, i) => i),
      4,
      async () => {
        most = Math.max(most, ++running)
        await new Promise((resolve) => setTimeout(resolve, 1))
        running--
      },
    )
    expect(most).toBe(4)
  })

  it('starts no worker for an empty list', async () => {
    expect(await runPool([], 4, async () => 1)).toEqual([])
  })
})

describe('asCcError', () => {
  it('keeps a CcError, wraps anything else with the original as cause', () => {
    const ours = new CcError('ours')
    expect(asCcError(ours)).toBe(ours)
    const bug = new TypeError('a bug')
    const wrapped = asCcError(bug)
    expect(wrapped).toBeInstanceOf(CcError)
    expect(wrapped.message).toBe('Unexpected failure')
    expect(wrapped.cause).toBe(bug)
  })
})
