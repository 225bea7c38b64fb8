// The client's memory over one `people.updateManyStream` run of n items, in a process of its own:
// `node bulk-memory.ts <items> [natural|collected]` prints one JSON line, a `BulkMemory`. The items come from an async
// generator and `fetch` is a minimal in-process handler answering 200, so what grows is the client's, not a server's
// or a list's.
//
// `natural` leaves garbage collection to V8: its peaks are what a caller sees. `collected` stops ten times during the
// run to give the event loop a turn (finalizers run) and collect all garbage, then reads the heap: what the run still
// holds, garbage apart. Both are needed because undici frees what each `Request` with a signal leaves behind only
// through a FinalizationRegistry, and such objects outlive minor collections: they pile up in the old generation
// until a full collection, and a second one after their finalizers ran, so the uncollected heap grows with the run
// although nothing of it is reachable.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createClient } from '@cc/client'
import { processMemory } from '../harness/proc.ts'

export type BulkMode = 'natural' | 'collected'

export interface BulkMemory {
  items: number
  concurrency: number
  /** RSS before the run (client made, one warm-up run of 1 000 items done), MB. */
  beforeMb: number
  /** The process's peak RSS (VmHWM) at the end of the run, MB. */
  peakMb: number
  /** The largest V8 heap in use, sampled every 1 000 results, MB. */
  peakHeapMb: number
  /** RSS when the run is over, MB. */
  endMb: number
  /** Heap in use after the run, once the event loop had a turn and all garbage was collected, MB. */
  afterRunHeapMb: number
  /** `collected` only: the heap in use after a turn and a full collection, at each tenth of the run, MB. */
  collectedHeapMb: number[]
  mode: BulkMode
  seconds: number
}

const CONCURRENCY = 4 // updateManyStream's default: what a caller gets without choosing
const SAMPLE_EVERY = 1000
const API_KEY = 'ccmd_test_bulk_memory_probe_0123456789'
const BASE_URL = 'http://127.0.0.1:9/v1'

const idOf = (i: number) => `bulk${i.toString(36).padStart(9, '0')}`

async function* itemsUpTo(n: number) {
  for (let i = 0; i < n; i++) yield { id: idOf(i), patch: { price: 100_000 + (i % 1000), tags: ['Growth'] } }
}

/** Answers every `PUT /people/{id}` with 200 and the API's success body, counting what it was sent. */
function minimalHandler() {
  const answer = JSON.stringify({
    meta: { requestId: 'req_bulk_memory', timestamp: new Date(0).toISOString(), version: '1.0.0' },
    success: true,
  })
  const handler = {
    requests: 0,
    async fetch(request: Request): Promise<Response> {
      if (request.method !== 'PUT' || !request.url.startsWith(`${BASE_URL}/people/bulk`)) {
        return new Response('{}', { status: 404 })
      }
      await request.arrayBuffer()
      handler.requests++
      return new Response(answer, { status: 200, headers: { 'content-type': 'application/json' } })
    },
  }
  return handler
}

// `--expose-gc` set from inside: the probe is started by `runProbe` like any other script.
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

/** The heap in use once finalizers had their turn and all garbage is collected, MB. */
async function collectedHeapMb(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 0))
  collectGarbage()
  await new Promise((resolve) => setTimeout(resolve, 0))
  collectGarbage()
  return process.memoryUsage().heapUsed / 1e6
}

async function run(items: number, mode: BulkMode): Promise<BulkMemory> {
  const handler = minimalHandler()
  const cc = createClient({ apiKey: API_KEY, baseUrl: BASE_URL, fetch: handler.fetch, logLevel: 'off' })
  const seen = new Uint8Array(items)
  // A warm-up: the code paths compiled and the pools of ky and the client filled before the baseline is taken.
  for await (const result of cc.people.updateManyStream(itemsUpTo(Math.min(1000, items)))) {
    if (!result.ok) throw new Error(`warm-up item ${result.index} failed: ${result.error.message}`)
  }
  handler.requests = 0
  const beforeMb = processMemory('self').rssMb
  let peakHeap = 0
  let done = 0
  const collectEvery = Math.max(1, Math.floor(items / 10))
  const collected: number[] = []
  const started = performance.now()
  for await (const result of cc.people.updateManyStream(itemsUpTo(items), { concurrency: CONCURRENCY })) {
    if (!result.ok) throw new Error(`item ${result.index} failed: ${result.error.message}`)
    if (seen[result.index] === 1) throw new Error(`item ${result.index} came back twice`)
    seen[result.index] = 1
    if (++done % SAMPLE_EVERY === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
    if (mode === 'collected' && done % collectEvery === 0) collected.push(await collectedHeapMb())
  }
  const seconds = (performance.now() - started) / 1000
  if (done !== items || handler.requests !== items) {
    throw new Error(`${items} items: ${done} results, ${handler.requests} requests`)
  }
  const end = processMemory('self')
  const afterRunHeapMb = await collectedHeapMb()
  return {
    items,
    concurrency: CONCURRENCY,
    beforeMb,
    peakMb: end.peakMb,
    peakHeapMb: peakHeap / 1e6,
    endMb: end.rssMb,
    afterRunHeapMb,
    collectedHeapMb: collected,
    mode,
    seconds,
  }
}

const items = Number(process.argv[2])
const mode = (process.argv[3] ?? 'natural') as BulkMode
if (!Number.isInteger(items) || items < 1 || (mode !== 'natural' && mode !== 'collected')) {
  throw new Error('usage: node bulk-memory.ts <items> [natural|collected]')
}
process.stdout.write(`${JSON.stringify(await run(items, mode))}\n`)
