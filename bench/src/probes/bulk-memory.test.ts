import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runProbe } from '../harness/child.ts'
import type { BulkMemory } from './bulk-memory.ts'

const probe = fileURLToPath(new URL('./bulk-memory.ts', import.meta.url))

describe('the updateManyStream memory probe', () => {
  it('streams every item once and reads the heap held at every tenth of a collected run', async () => {
    const result = await runProbe<BulkMemory>(probe, ['1500', 'collected'])
    expect(result).toMatchObject({ items: 1500, concurrency: 4, mode: 'collected' })
    expect(result.collectedHeapMb).toHaveLength(10)
    for (const mb of result.collectedHeapMb) expect(mb).toBeGreaterThan(0)
    expect(result.afterRunHeapMb).toBeGreaterThan(0)
    expect(result.peakMb).toBeGreaterThanOrEqual(result.beforeMb)
  }, 60_000)

  it('leaves collection to V8 in a natural run', async () => {
    const result = await runProbe<BulkMemory>(probe, ['1500'])
    expect(result).toMatchObject({ items: 1500, mode: 'natural', collectedHeapMb: [] })
  }, 60_000)

  it('refuses an unknown mode', async () => {
    await expect(runProbe(probe, ['10', 'sometimes'])).rejects.toThrow(/exit code 1/)
  }, 60_000)
})
