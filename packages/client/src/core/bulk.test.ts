import { describe, expect, it } from 'vitest'
import { asCcError, runPool, streamPool } from './bulk.js'
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

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms))

/** An async source of `count` numbers that records how far it has been read and whether it was closed. */
function countingSource(count: number) {
  const state = { pulled: 0, closed: false, overlapping: false }
  let reading = false
  const source = {
    [Symbol.asyncIterator]() {
      return {
        async next(): Promise<IteratorResult<number>> {
          if (reading) state.overlapping = true
          reading = true
          await tick()
          reading = false
          return state.pulled < count ? { done: false, value: state.pulled++ } : { done: true, value: undefined }
        },
        async return(): Promise<IteratorResult<number>> {
          state.closed = true
          return { done: true, value: undefined }
        },
      }
    },
  }
  return { source, state }
}

describe('streamPool', () => {
  it('yields each result as it completes, with what the work returned', async () => {
    const delays = [30, 5, 20, 0, 10]
    const seen: string[] = []
    for await (const result of streamPool(delays, 5, async (ms, index) => {
      await tick(ms)
      return `${index}:${ms}`
    })) {
      seen.push(result)
    }
    expect(seen).toEqual(['3:0', '1:5', '4:10', '2:20', '0:30'])
  })

  it('holds a bounded window: the source is never more than 2 × concurrency items ahead of the consumer', async () => {
    const { source, state } = countingSource(200)
    const concurrency = 4
    let consumed = 0
    let mostAhead = 0
    for await (const _ of streamPool(source, concurrency, async (n) => n)) {
      consumed++
      mostAhead = Math.max(mostAhead, state.pulled - consumed)
      // A slow consumer: the workers must wait for it rather than read on.
      await tick(1)
    }
    expect(consumed).toBe(200)
    expect(mostAhead).toBeLessThanOrEqual(2 * concurrency)
    expect(state.overlapping).toBe(false)
  })

  it('stopping early aborts the work in flight, waits for it and closes the source', async () => {
    const { source, state } = countingSource(1_000)
    const stop = new AbortController()
    let running = 0
    const work = async (n: number) => {
      running++
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 50)
        stop.signal.addEventListener('abort', () => {
          clearTimeout(timer)
          resolve(undefined)
        })
      })
      running--
      return n
    }
    let taken = 0
    for await (const _ of streamPool(source, 3, work, stop)) if (++taken === 5) break
    expect(stop.signal.aborted).toBe(true)
    expect(running).toBe(0)
    expect(state.closed).toBe(true)
    expect(state.pulled).toBeLessThanOrEqual(5 + 2 * 3)
  })

  it('a source that throws: no more is read, the results in flight come first, then its error', async () => {
    async function* failing() {
      yield 1
      yield 2
      throw new Error('the file is unreadable')
    }
    const seen: number[] = []
    const run = async () => {
      for await (const result of streamPool(failing(), 2, async (n) => {
        await tick(5)
        return n
      })) {
        seen.push(result)
      }
    }
    await expect(run()).rejects.toThrow('the file is unreadable')
    expect(seen.sort()).toEqual([1, 2])
  })

  it('gives the event loop a turn now and then, even when every step is a promise (an in-process server)', async () => {
    let timerRan = false
    setTimeout(() => {
      timerRan = true
    }, 0)
    let ranBeforeTheEnd = false
    let count = 0
    for await (const _ of streamPool(
      Array.from({ length: 2_000 }, (_, i) => i),
      4,
      async (n) => n,
    )) {
      if (++count === 2_000) ranBeforeTheEnd = timerRan
    }
    expect(ranBeforeTheEnd).toBe(true)
  })

  it('takes any iterable: a generator is read lazily', async () => {
    let made = 0
    function* items() {
      for (let i = 0; i < 50; i++) {
        made++
        yield i
      }
    }
    const results = streamPool(items(), 2, async (n) => n * 2)
    expect(made).toBe(0)
    const all: number[] = []
    for await (const result of results) all.push(result)
    expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i * 2))
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
