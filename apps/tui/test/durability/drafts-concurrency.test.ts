import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { build } from 'esbuild'
import { expect, it } from 'vitest'
import { DraftStore } from '../../src/drafts/draft-store.js'

const WRITER = fileURLToPath(new URL('../support/draft-writer.ts', import.meta.url))
const WRITERS = 4
const DRAFTS_EACH = 40

it('loses no draft when several editors write the drafts file at the same time', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-tui-concurrent-'))
  // Worker threads run plain JavaScript: the writer and the store it uses, bundled from the sources.
  const script = join(dir, 'draft-writer.mjs')
  await build({
    entryPoints: [WRITER],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'esm',
    conditions: ['@cc/source'],
    logLevel: 'error',
  })
  const path = join(dir, 'state', 'drafts.json')
  const start = new Int32Array(new SharedArrayBuffer(4))
  const workers = Array.from(
    { length: WRITERS },
    (_, writer) => new Worker(script, { workerData: { path, writer, count: DRAFTS_EACH, start } }),
  )
  const finished = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve())
        worker.once('error', reject)
      }),
  )
  // Every writer is waiting at the start line: let them all go at once.
  await new Promise((resolve) => setTimeout(resolve, 300))
  Atomics.store(start, 0, 1)
  Atomics.notify(start, 0)
  await Promise.all(finished)
  await Promise.all(workers.map((worker) => worker.terminate()))

  const kept = new DraftStore(path).list().map((draft) => draft.contactId)
  const expected = Array.from({ length: WRITERS }, (_, w) =>
    Array.from({ length: DRAFTS_EACH }, (_, i) => `w${w}c${i}`),
  ).flat()
  expect(kept.sort()).toEqual(expected.sort())
  expect(readdirSync(join(dir, 'state')).sort()).toEqual(['drafts.json'])
})
