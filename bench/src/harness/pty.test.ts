import { describe, expect, it } from 'vitest'
import { PtyProcess, ptyAvailable } from './pty.ts'

// Writes `lines` numbered lines of 100 characters, then waits for a key before it ends.
const WRITER = `
const lines = Number(process.argv[1])
for (let i = 0; i < lines; i++) process.stdout.write(String(i).padStart(8, '0') + '.'.repeat(90) + '\\r\\n')
process.stdout.write('END\\r\\n')
process.stdin.setRawMode(true)
process.stdin.once('data', () => process.exit(0))
`

describe.runIf(ptyAvailable() === undefined)('PtyProcess', () => {
  it('waits on the text after a mark, and keeps only the tail of a long session', async () => {
    const lines = 30_000 // 3 MB of output
    const writer = new PtyProcess([process.execPath, '-e', WRITER, String(lines)], {
      cols: 200,
      rows: 24,
      env: process.env,
    })
    try {
      // From the start: what was let go of is not there any more, but the end is.
      await writer.waitFor((text) => text.includes('END'), 0, 60_000, 'the end of the output')
      const end = writer.mark()
      expect(end).toBeGreaterThan(lines * 100)
      const text = writer.text
      expect(text.length).toBeLessThan(2_100_000)
      expect(text).toContain(`${String(lines - 1).padStart(8, '0')}.`)
      expect(text).not.toContain(`${'0'.repeat(8)}.`)
      // A mark at the end: nothing after it yet.
      await expect(writer.waitFor((text) => text.length > 0, end, 200, 'more output')).rejects.toThrow(/not on the/)
    } finally {
      writer.write('q')
      await writer.stop()
    }
  }, 90_000)
})
