// One editor of several writing drafts at once (a worker thread of `drafts-concurrency.test.ts`): it waits for
// the others at the start line, then keeps and flushes one draft after another.
import { parentPort, workerData } from 'node:worker_threads'
import { DraftStore } from '../../src/drafts/draft-store.js'
import { emptyForm } from '../../src/state/form.js'

const { path, writer, count, start } = workerData as { path: string; writer: number; count: number; start: Int32Array }
const store = new DraftStore(path, { lockTimeoutMs: 10_000 })
Atomics.wait(start, 0, 0)
for (let i = 0; i < count; i++) {
  store.put({
    contactId: `w${writer}c${i}`,
    title: `Writer ${writer}`,
    base: emptyForm(),
    values: { ...emptyForm(), city: `${i}` },
  })
  if (store.flush() === false) throw new Error(`writer ${writer}: ${JSON.stringify(store.health())}`)
}
parentPort?.postMessage('done')
