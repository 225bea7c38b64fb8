import {
  COLS,
  createTuiHome,
  isFirstInteractiveFrame,
  launchTui,
  quitTui,
  ROWS,
  tuiUnavailable,
} from '../fixtures/tui.ts'
import type { Benchmark } from '../harness/benchmark.ts'
import { PtyProcess } from '../harness/pty.ts'
import { type Row, skippedReport, target } from '../harness/report.ts'
import { summarize } from '../harness/stats.ts'

const TARGET_MS = 300
const FRAME_TIMEOUT = 20_000

const plan = (quick: boolean) => (quick ? { rounds: 1, launches: 2 } : { rounds: 3, launches: 7 })

export const tuiStart: Benchmark = {
  id: 'tui-start',
  number: 5,
  title: 'TUI start: launch to the first interactive frame on a terminal vs `node -e 0`',
  async run({ quick, log }) {
    const unavailable = tuiUnavailable()
    if (unavailable) return skippedReport(unavailable)
    const { rounds, launches } = plan(quick)
    const home = createTuiHome()
    try {
      const startTui = async () => {
        const tui = launchTui(home)
        try {
          const shown = await tui.waitFor(isFirstInteractiveFrame, 0, FRAME_TIMEOUT, 'the contacts list')
          return shown - tui.startedAt
        } finally {
          await quitTui(tui)
        }
      }
      const startNode = async () => {
        const node = new PtyProcess([process.execPath, '-e', '0'], { cols: COLS, rows: ROWS, env: home.env })
        return (await node.exited()) - node.startedAt
      }
      // The first launch creates and seeds the sandbox database: reported on its own, not in the median.
      const first = await startTui()
      log(`first launch (creates the demo database): ${first.toFixed(0)} ms`)
      const tuiSamples: number[] = []
      const nodeSamples: number[] = []
      await startNode()
      for (let round = 0; round < rounds; round++) {
        for (let i = 0; i < launches; i++) {
          // Alternate, so that both see the same machine.
          nodeSamples.push(await startNode())
          tuiSamples.push(await startTui())
        }
        log(
          `round ${round + 1}: ${tuiSamples
            .slice(-launches)
            .map((ms) => ms.toFixed(0))
            .join(' ')} ms`,
        )
      }
      const tui = summarize(tuiSamples)
      const node = summarize(nodeSamples)
      const rows: Row[] = [
        {
          what: 'cc-tui --sandbox → first interactive frame',
          median: tui.median,
          p95: tui.p95,
          max: tui.max,
          vsNode: tui.median / node.median,
          n: tui.n,
        },
        { what: 'node -e 0 → exit', median: node.median, p95: node.p95, max: node.max, vsNode: 1, n: node.n },
        {
          what: 'cc-tui first launch (creates the demo database)',
          median: first,
          p95: null,
          max: null,
          vsNode: first / node.median,
          n: 1,
        },
      ]
      return {
        columns: [
          { key: 'what', label: 'launch' },
          { key: 'median', label: 'median ms', digits: 0 },
          { key: 'p95', label: 'p95 ms', digits: 0 },
          { key: 'max', label: 'max ms', digits: 0 },
          { key: 'vsNode', label: 'vs node -e 0', digits: 1 },
          { key: 'n', label: 'launches' },
        ],
        rows,
        targets: [
          target(
            'cc-tui median launch to first interactive frame',
            `≤ ${TARGET_MS} ms`,
            `${tui.median.toFixed(0)} ms`,
            tui.median <= TARGET_MS,
          ),
        ],
        notes: [
          `Each launch runs on a new ${COLS}×${ROWS} pseudo-terminal (util-linux \`script\`), CI=false, with the embedded sandbox in a temporary home. Timed from spawning the terminal to the output chunk that completes the first frame with the contacts list, its selection marker and key hints; \`node -e 0\` is timed from the same spawn to its exit.`,
          `${rounds} round(s) of ${launches} launches each, alternating with node -e 0; the very first launch (which creates the SQLite database and writes the demo data) is reported apart.`,
        ],
        failures: [],
      }
    } finally {
      home.dispose()
    }
  },
}
