import { spawnSync } from 'node:child_process'
import { createSandbox } from '@cc/sandbox'
import { createTuiHome, isFirstInteractiveFrame, launchTui, TUI_CLI, tuiUnavailable } from '../fixtures/tui.ts'
import type { Benchmark } from '../harness/benchmark.ts'
import { type Row, skippedReport, target } from '../harness/report.ts'
import { median, summarize } from '../harness/stats.ts'

const TARGET_P95_MS = 16
const LIMIT = 5000
/** Background fields in the form before it: Tab from the first field reaches it after this many presses. */
const TABS_TO_BACKGROUND = 13
/** Pause between keystrokes, a fast typist's pace: each keystroke meets an idle editor. */
const PACE_MS = 40

const plan = (quick: boolean) => (quick ? { warmup: 4, rounds: 1, keys: 10 } : { warmup: 30, rounds: 5, keys: 100 })

const counter = (length: number) => `${length}/${LIMIT}`
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The id of the first contact the editor lists: the demo data of seed 1 is the same everywhere. */
async function firstContactId(): Promise<string> {
  const sandbox = await createSandbox({ seed: 1 })
  try {
    const response = await sandbox.fetch(
      new Request(`${sandbox.url}/people?limit=1`, { headers: { authorization: `Bearer ${sandbox.apiKey}` } }),
    )
    const body = (await response.json()) as { data: Array<{ id: string }> }
    const id = body.data[0]?.id
    if (!id) throw new Error('the demo data has no contacts')
    return id
  } finally {
    await sandbox.close()
  }
}

export const tuiTyping: Benchmark = {
  id: 'tui-typing',
  number: 6,
  title: 'TUI typing: keystroke to re-rendered frame in a 5 000-character background field',
  async run({ quick, log }) {
    const unavailable = tuiUnavailable()
    if (unavailable) return skippedReport(unavailable)
    const { warmup, rounds, keys } = plan(quick)
    const home = createTuiHome()
    try {
      // A background one character short of the limit, written with the editor's own `set` command.
      const id = await firstContactId()
      const text = 'Prefers a quiet street near good schools; pre-approved; call after 5 pm. '
        .repeat(80)
        .slice(0, LIMIT - 1)
      const set = spawnSync(process.execPath, [TUI_CLI, 'set', id, `background=${text}`, '--sandbox'], {
        env: home.env,
        encoding: 'utf8',
      })
      if (set.status !== 0) throw new Error(`cc-tui set failed: ${set.stderr || set.stdout}`)

      const tui = launchTui(home)
      try {
        await tui.waitFor(isFirstInteractiveFrame, 0, 20_000, 'the contacts list')
        let mark = tui.mark()
        tui.write('\r')
        await tui.waitFor((screen) => screen.includes(counter(LIMIT - 1)), mark, 10_000, 'the editor')
        mark = tui.mark()
        tui.write('\t'.repeat(TABS_TO_BACKGROUND))
        await tui.waitFor((screen) => screen.includes('› Background'), mark, 10_000, 'the background field')
        await sleep(200)

        // Type a character (the field reaches 5 000) and delete it again, so every keystroke changes the counter.
        let length = LIMIT - 1
        const keystroke = async (): Promise<number> => {
          const typing = length < LIMIT
          length += typing ? 1 : -1
          const from = tui.mark()
          const sent = performance.now()
          tui.write(typing ? 'x' : '\x7f')
          const shown = await tui.waitFor(
            (screen) => screen.includes(counter(length)),
            from,
            5_000,
            `the counter ${counter(length)}`,
          )
          await sleep(PACE_MS)
          return shown - sent
        }
        for (let i = 0; i < warmup; i++) await keystroke()
        const samples: number[] = []
        const roundMedians: number[] = []
        for (let round = 0; round < rounds; round++) {
          const roundSamples: number[] = []
          for (let i = 0; i < keys; i++) roundSamples.push(await keystroke())
          samples.push(...roundSamples)
          roundMedians.push(median(roundSamples))
          log(`round ${round + 1}: median ${median(roundSamples).toFixed(1)} ms`)
        }
        const s = summarize(samples)
        const rows: Row[] = [
          {
            what: 'type or delete one character (field at 4 999–5 000)',
            median: s.median,
            p95: s.p95,
            p99: s.p99,
            max: s.max,
            rounds: roundMedians.map((ms) => ms.toFixed(1)).join(' '),
            n: s.n,
          },
        ]
        return {
          columns: [
            { key: 'what', label: 'keystroke' },
            { key: 'median', label: 'median ms', digits: 1 },
            { key: 'p95', label: 'p95 ms', digits: 1 },
            { key: 'p99', label: 'p99 ms', digits: 1 },
            { key: 'max', label: 'max ms', digits: 1 },
            { key: 'rounds', label: 'round medians ms' },
            { key: 'n', label: 'keystrokes' },
          ],
          rows,
          targets: [
            target('keystroke to frame, p95', `< ${TARGET_P95_MS} ms`, `${s.p95.toFixed(1)} ms`, s.p95 < TARGET_P95_MS),
          ],
          notes: [
            'Measured from outside: the editor runs on a real pseudo-terminal (util-linux `script`, CI=false) and has no timing hook. Each sample is the time from writing one key to the terminal to the output chunk that shows the background counter with the new length, i.e. input parsing, state update, render and the write to the terminal.',
            `The background holds ${LIMIT - 1} characters (set with \`cc-tui set\`); keys alternate between typing "x" and Backspace, ${PACE_MS} ms apart so each meets an idle editor. ${warmup} warm-up keystrokes excluded, then ${rounds} round(s) of ${keys}.`,
          ],
          failures: [],
        }
      } finally {
        await tui.stop()
      }
    } finally {
      home.dispose()
    }
  },
}
