import { describe, expect, it } from 'vitest'
import { PtyProcess, ptyAvailable } from './pty.ts'
import { measureInRounds } from './rounds.ts'

describe('measureInRounds', () => {
  it('keeps the samples of every round, without the warm-up, for every task', async () => {
    const calls = { a: 0, b: 0 }
    const measured = await measureInRounds(
      [
        { name: 'a', fn: () => calls.a++ },
        { name: 'b', fn: () => calls.b++ },
      ],
      { rounds: 3, time: 0, iterations: 20, warmupTime: 0, warmupIterations: 5 },
    )
    expect(measured.map((m) => m.name)).toEqual(['a', 'b'])
    for (const m of measured) {
      expect(m.roundMedians).toHaveLength(3)
      expect(m.samples.length).toBeGreaterThanOrEqual(3 * 20)
      expect(m.summary.n).toBe(m.samples.length)
      // Every call beyond the measured samples was warm-up (at least 5 per round).
      expect(calls[m.name as 'a' | 'b'] - m.samples.length).toBeGreaterThanOrEqual(3 * 5)
    }
  })

  it('stops with the task’s error instead of timing a broken task', async () => {
    const failing = {
      name: 'broken',
      fn: () => {
        throw new Error('boom')
      },
    }
    await expect(
      measureInRounds([failing], { rounds: 1, time: 0, iterations: 2, warmupTime: 0, warmupIterations: 0 }),
    ).rejects.toThrow(/boom/)
  })
})

describe.runIf(ptyAvailable() === undefined)('PtyProcess', () => {
  it('runs a program on a terminal of the given size and sees its output', async () => {
    const pty = new PtyProcess(['sh', '-c', 'stty size; read line; echo "got $line"'], {
      cols: 100,
      rows: 30,
      env: process.env,
    })
    await pty.waitFor((text) => text.includes('30 100'), 0, 10_000, 'the size')
    const mark = pty.mark()
    pty.write('hello\r')
    const shown = await pty.waitFor((text) => text.includes('got hello'), mark, 10_000, 'the echo')
    expect(shown).toBeGreaterThan(pty.startedAt)
    await pty.exited()
  })

  it('says what it waited for and what the screen showed when the program exits first', async () => {
    const pty = new PtyProcess(['echo', 'bye'], { cols: 80, rows: 24, env: process.env })
    await expect(pty.waitFor((text) => text.includes('never'), 0, 10_000, 'the prompt')).rejects.toThrow(
      /the prompt: the program exited first.*\n.*bye/s,
    )
  })
})
