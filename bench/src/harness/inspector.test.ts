import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { freePort } from './child.ts'
import { collectedHeapMb } from './inspector.ts'

// Keeps a million small objects it can reach, leaves four million as garbage, then waits.
const PROGRAM = `
const many = () => Array.from({ length: 1_000_000 }, (_, i) => ({ i }))
globalThis.kept = many()
let garbage = []
for (let i = 0; i < 4; i++) garbage.push(many())
garbage = undefined
console.log('ready', process.memoryUsage().heapUsed)
setInterval(() => {}, 1000)
`

describe('collectedHeapMb', () => {
  it('reads what the heap of another Node process holds, its garbage collected', async () => {
    const port = await freePort()
    const child = spawn(process.execPath, [`--inspect=127.0.0.1:${port}`, '-e', PROGRAM], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    try {
      const [ready] = (await once(child.stdout, 'data')) as [Buffer]
      const before = Number(ready.toString().split(' ')[1]) / 1e6
      const held = await collectedHeapMb(port)
      // The million objects kept (their array included: over 20 MB), not the four million let go of.
      expect(held).toBeGreaterThan(20)
      expect(held).toBeLessThan(before / 2)
      expect(child.exitCode).toBeNull()
    } finally {
      child.kill()
    }
  }, 60_000)

  it('says so when nothing listens on the port', async () => {
    await expect(collectedHeapMb(await freePort(), 2_000)).rejects.toThrow()
  })
})
