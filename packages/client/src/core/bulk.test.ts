import { describe, expect, it } from 'vitest'
import { asCcError, isBulkSource, runPool, streamPool } from './bulk.js'
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

  it('holds a bounded window: the source is always fewer than 2 × concurrency items ahead of the consumer', async () => {
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
    expect(mostAhead).toBeLessThan(2 * concurrency)
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

  it('a source that throws: that very error is thrown, and the source is not read again', async () => {
    const unreadable = new Error('line 3 is unreadable')
    let calls = 0
    // Throws on its third read, but would go on giving items if asked again.
    const source = {
      [Symbol.iterator]: () => ({
        next(): IteratorResult<number> {
          calls++
          if (calls === 3) throw unreadable
          return calls <= 6 ? { done: false, value: calls } : { done: true, value: undefined }
        },
      }),
    }
    const seen: number[] = []
    const run = async () => {
      for await (const result of streamPool(source, 2, async (n) => {
        await tick(5)
        return n
      })) {
        seen.push(result)
      }
    }
    expect(
      await run().then(
        () => 'no error',
        (error: unknown) => error,
      ),
    ).toBe(unreadable)
    expect(calls).toBe(3)
    expect(seen.sort()).toEqual([1, 2])
  })

  it('a fast source is read only as far ahead of a slow consumer as the window: one result for concurrency 1', async () => {
    const ahead = async (concurrency: number) => {
      let made = 0
      function* items() {
        for (let i = 0; i < 40; i++) {
          made++
          yield i
        }
      }
      let consumed = 0
      let most = 0
      for await (const _ of streamPool(items(), concurrency, async (n) => n)) {
        most = Math.max(most, made - ++consumed)
        await tick(1)
      }
      expect(consumed).toBe(40)
      return most
    }
    // One result waits for the consumer; the next item is read only once it is taken.
    expect(await ahead(1)).toBe(1)
    expect(await ahead(4)).toBeLessThanOrEqual(2 * 4)
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

describe('isBulkSource', () => {
  it('an array, any iterable or async iterable; nothing else', () => {
    async function* rows() {}
    function* items() {}
    expect([[], new Set([1]), items(), rows()].every(isBulkSource)).toBe(true)
    const iterableFunction = Object.assign(() => {}, { [Symbol.iterator]: function* () {} })
    expect(isBulkSource(iterableFunction)).toBe(true)
    expect(
      [null, undefined, 5, 'text', {}, { length: 2 }, () => {}, { [Symbol.iterator]: 'no' }].some(isBulkSource),
    ).toBe(false)
  })
})

describe('streamPool, ending', () => {
  it('stopping early says why, in the reason it aborts with', async () => {
    const stop = new AbortController()
    for await (const _ of streamPool([1, 2, 3, 4], 1, async (n) => n, stop)) break
    expect(stop.signal.reason).toBeInstanceOf(CcError)
    expect((stop.signal.reason as CcError).message).toBe('The bulk run was stopped: its results are no longer read')
  })

  it('a run read to its end, or ended by its source, aborts nothing', async () => {
    const stop = new AbortController()
    for await (const _ of streamPool([1, 2, 3], 2, async (n) => n, stop)) {
      // read to the end
    }
    expect(stop.signal.aborted).toBe(false)
    async function* failing() {
      yield 1
      throw new Error('the file is unreadable')
    }
    const drain = async () => {
      for await (const _ of streamPool(failing(), 2, async (n) => n, stop)) {
        // read until the source fails
      }
    }
    await expect(drain()).rejects.toThrow('the file is unreadable')
    expect(stop.signal.aborted).toBe(false)
  })

  it('stopping while the workers wait for room ends them all: the loop is left at once', async () => {
    let started = 0
    const work = async (n: number) => {
      started++
      return n
    }
    const leave = async () => {
      for await (const _ of streamPool([1, 2, 3, 4, 5, 6], 2, work)) {
        // Meanwhile the workers fill the window and wait for the consumer to make room.
        await tick(5)
        break
      }
      return 'left'
    }
    expect(await Promise.race([leave(), tick(1_000).then(() => 'still waiting')])).toBe('left')
    expect(started).toBeLessThan(6)
  })

  it('once stopped, the source is not read again, even by a read that was already waiting its turn', async () => {
    const stop = new AbortController()
    let readsAfterStop = 0
    let pulled = 0
    const source = {
      [Symbol.asyncIterator]: () => ({
        async next(): Promise<IteratorResult<number>> {
          if (stop.signal.aborted) readsAfterStop++
          await tick()
          return pulled < 50 ? { done: false, value: pulled++ } : { done: true, value: undefined }
        },
      }),
    }
    for await (const _ of streamPool(source, 3, async (n) => n, stop)) break
    expect(stop.signal.aborted).toBe(true)
    expect(readsAfterStop).toBe(0)
    expect(pulled).toBeLessThan(50)
  })

  it('a source read to its end is not closed again; one left early is, sync or async', async () => {
    const closed: string[] = []
    const source = (name: string) => ({
      *[Symbol.iterator]() {
        try {
          yield 1
          yield 2
          yield 3
        } finally {
          closed.push(name)
        }
      },
    })
    const { source: counted, state } = countingSource(3)
    for await (const _ of streamPool(counted, 2, async (n) => n)) {
      // read to the end
    }
    expect(state.closed).toBe(false)
    for await (const _ of streamPool(source('whole'), 2, async (n) => n)) {
      // read to the end
    }
    for await (const _ of streamPool(source('left'), 1, async (n) => n)) break
    expect(closed).toEqual(['whole', 'left'])
  })

  it('a source without return() can be left early', async () => {
    let next = 0
    const bare = { [Symbol.iterator]: () => ({ next: () => ({ done: false, value: next++ }) }) }
    const seen: number[] = []
    for await (const n of streamPool(bare, 2, async (value) => value)) if (seen.push(n) === 3) break
    expect(seen).toHaveLength(3)
  })

  it('a turn every 256 results, not more', async () => {
    let turns = 0
    let running = true
    const count = () => {
      turns++
      if (running) setTimeout(count, 0)
    }
    setTimeout(count, 0)
    let results = 0
    let turnsAt300 = -1
    let timerAfter300 = false
    for await (const _ of streamPool(
      Array.from({ length: 2_048 }, (_, i) => i),
      4,
      async (n) => n,
    )) {
      if (++results === 300) {
        turnsAt300 = turns
        setTimeout(() => {
          timerAfter300 = results < 2_048
        }, 0)
      }
    }
    running = false
    expect(turnsAt300).toBeGreaterThanOrEqual(1)
    expect(timerAfter300).toBe(true)
    expect(turns).toBeLessThanOrEqual(2_048 / 256 + 1)
  })
})
