import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { json, meta, offline } from '../core/test-fetch.js'
import { createClient } from '../index.js'

// `gc()` without starting the test runner with `--expose-gc`: the flag holds for contexts made after it is set.
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

/** Everything unreachable collected: a turn of the event loop first (WeakRef targets are kept until it), twice. */
async function collectAll(): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0))
    collectGarbage()
  }
}

const alive = (refs: readonly WeakRef<object>[]) => refs.filter((ref) => ref.deref() !== undefined).length

describe('people.updateManyStream memory', () => {
  it('lets go of every item and result it has handed over: a run of any length holds a bounded window', async () => {
    const total = 3000
    const checkAt = 2000
    const items: WeakRef<object>[] = []
    const results: WeakRef<object>[] = []
    async function* source() {
      for (let i = 0; i < total; i++) {
        const item = { id: `jd79item${String(i).padStart(5, '0')}`, patch: { price: i } }
        items.push(new WeakRef(item))
        yield item
      }
    }
    const fetch = async (request: Request) => {
      await request.arrayBuffer()
      return json(200, { meta: meta('req_upd'), success: true })
    }
    const cc = createClient(offline(fetch, { logLevel: 'off' }))
    let done = 0
    let ok = 0
    let stillHeld: { items: number; results: number } | undefined
    for await (const result of cc.people.updateManyStream(source(), { concurrency: 4 })) {
      results.push(new WeakRef(result))
      if (result.ok) ok++
      if (++done === checkAt) {
        await collectAll()
        // Well behind the window (4 in flight, 4 waiting): nothing of the first 1 500 may still be reachable.
        stillHeld = { items: alive(items.slice(0, 1500)), results: alive(results.slice(0, 1500)) }
      }
    }
    expect(ok).toBe(total)
    expect(stillHeld).toEqual({ items: 0, results: 0 })
  })
})
