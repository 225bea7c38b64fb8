// Preloaded into a `cc-tui` process (`node --expose-gc --import held-heap.ts cli.js …`): every few seconds it gives
// the event loop a turn (finalizers run), collects all garbage twice, and appends the heap still in use, in MB, to the
// file `CC_BENCH_HELD_HEAP` names, one number a line. What the process holds, garbage apart: a run that kept
// something per row grows it; V8 sizing its young generation up (peak RSS) does not.
import { appendFileSync } from 'node:fs'

const file = process.env.CC_BENCH_HELD_HEAP
const collect = (globalThis as { gc?: () => void }).gc
const EVERY_MS = 5000

if (file && collect) {
  const sample = () => {
    collect()
    collect()
    appendFileSync(file, `${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(2)}\n`)
  }
  setInterval(sample, EVERY_MS).unref()
  process.once('exit', sample)
}
