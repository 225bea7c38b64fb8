import { writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startSandboxProcess } from '../fixtures/sandbox-process.ts'
import {
  createTuiHome,
  isFirstInteractiveFrame,
  launchTui,
  quitTui,
  type TuiHome,
  tuiUnavailable,
} from '../fixtures/tui.ts'
import { listKeystrokes, scrollToEnd } from '../fixtures/tui-scroll.ts'
import type { Benchmark } from '../harness/benchmark.ts'
import { freePort, runProbe } from '../harness/child.ts'
import { type Figure, growthColumns, growthRow, ratioSeries, ratioTo } from '../harness/growth-table.ts'
import { collectedHeapMb } from '../harness/inspector.ts'
import { resultsDir, rootDir } from '../harness/paths.ts'
import { findDescendant, processMemory } from '../harness/proc.ts'
import { type Target, target, times } from '../harness/report.ts'
import { medianOfRounds, summarize } from '../harness/stats.ts'
import { formatCount, logLogChart } from '../harness/svg-chart.ts'
import type { BulkMemory } from '../probes/bulk-memory.ts'
import type { RequestKind, SandboxCosts } from '../probes/sandbox-costs.ts'

const sandboxProbe = fileURLToPath(new URL('../probes/sandbox-costs.ts', import.meta.url))
const bulkProbe = fileURLToPath(new URL('../probes/bulk-memory.ts', import.meta.url))

/** The issue's targets: reported, never asserted. */
const FULL_NAME_GROWTH = 2
const ONE_WORD_GROWTH = 10
const SANDBOX_RSS_MB = 300
/** "Bounded" made a number: after scrolling the largest account, at most this many times the smallest's RSS. */
const EDITOR_GROWTH = 1.25
/** "A bounded window" made a number: the heap a run holds (garbage collected) at the most items ÷ at the fewest. */
const BULK_HELD_GROWTH = 1.25
/** Keystroke to frame on the list scrolled to the last contact, p95 (as benchmark 6's typing target). */
const KEYSTROKE_P95_MS = 16
/** Pause between timed keystrokes: each meets an idle editor (as in benchmark 6). */
const KEY_PACE_MS = 40

const plan = (quick: boolean) =>
  quick
    ? {
        contacts: [100, 200, 400],
        items: [1000, 2000, 4000],
        samples: 20,
        warmUp: 5,
        rounds: 1,
        keys: { warmUp: 4, n: 20 },
      }
    : {
        contacts: [1000, 10_000, 100_000],
        items: [10_000, 100_000, 1_000_000],
        samples: 300,
        warmUp: 100,
        rounds: 3,
        keys: { warmUp: 20, n: 200 },
      }

/** Short names, for the chart's legend. */
const KIND_LINES: Record<RequestKind, string> = {
  'full name': 'full-name search',
  'one word': 'one-word search',
  email: 'email search',
  phone: 'phone search',
  'list page': 'list page',
  get: 'get',
  update: 'update',
}

const KIND_NAMES: Record<RequestKind, string> = {
  'full name': 'search by full name',
  'one word': 'search by one word (a common last name)',
  email: 'search by email',
  phone: 'search by phone',
  'list page': 'list page (100)',
  get: 'get',
  update: 'update',
}

interface EditorMemory {
  contacts: number
  /** RSS once the first page is on screen, MB. */
  firstPageMb: number
  /** RSS with every contact loaded and the last one highlighted, MB. */
  scrolledMb: number
  peakMb: number
  /** Heap in use scrolled to the last contact, all garbage collected (over the inspector), MB. */
  heldHeapMb: number
  /** VmRSS right after that collection, MB: what V8 gives back once its garbage is gone. */
  collectedMb: number
  /** Pages loaded by pressing End, and how long the scroll took. */
  presses: number
  scrollSeconds: number
  /** Up/Down on the list scrolled to the last contact: key written → frame with the new highlight, ms. */
  keyP50Ms: number
  keyP95Ms: number
  keys: number
}

/** Starts the built editor against a sandbox of `contacts` over loopback, scrolls to the last contact, reads its memory. */
async function measureEditor(
  home: TuiHome,
  contacts: number,
  keys: { warmUp: number; n: number },
  log: (line: string) => void,
): Promise<EditorMemory> {
  const sandbox = await startSandboxProcess({ contacts })
  try {
    // The inspector listens (nothing attaches before the end), so that the heap can be read with its garbage collected.
    const inspectPort = await freePort()
    const env = {
      ...home.env,
      CC_API_KEY: sandbox.apiKey,
      CC_BASE_URL: sandbox.url,
      NODE_OPTIONS: `--inspect=127.0.0.1:${inspectPort}`,
    }
    const tui = launchTui({ ...home, env }, [])
    try {
      await tui.waitFor(isFirstInteractiveFrame, 0, 60_000, 'the contacts list')
      // `script` runs a shell that execs the editor: the editor is the Node process below it.
      const pid = tui.pid === undefined ? undefined : findDescendant(tui.pid, process.execPath)
      if (pid === undefined) throw new Error('the editor’s process was not found below its terminal')
      const firstPageMb = processMemory(pid).rssMb
      let next = Math.max(1000, contacts / 10)
      const scroll = await scrollToEnd(tui, {
        pageTimeoutMs: 60_000,
        onProgress: (position) => {
          if (position.loaded < next) return
          next += Math.max(1000, contacts / 10)
          log(`  ${formatCount(position.loaded)} loaded, editor RSS ${processMemory(pid).rssMb.toFixed(0)} MB`)
        },
      })
      const after = processMemory(pid)
      if (scroll.loaded !== contacts) throw new Error(`the editor listed ${scroll.loaded} contacts, not ${contacts}`)
      // Then, with every contact scrolled past: keystrokes on the list, after a few not timed.
      const keyOptions = { paceMs: KEY_PACE_MS, timeoutMs: 10_000 }
      await listKeystrokes(tui, { ...keyOptions, count: keys.warmUp })
      const typing = summarize(await listKeystrokes(tui, { ...keyOptions, count: keys.n }))
      const heldHeapMb = await collectedHeapMb(inspectPort)
      const collectedMb = processMemory(pid).rssMb
      await quitTui(tui)
      return {
        contacts,
        firstPageMb,
        scrolledMb: after.rssMb,
        peakMb: after.peakMb,
        heldHeapMb,
        collectedMb,
        presses: scroll.presses,
        scrollSeconds: scroll.ms / 1000,
        keyP50Ms: typing.median,
        keyP95Ms: typing.p95,
        keys: typing.n,
      }
    } finally {
      await tui.stop()
    }
  } finally {
    await sandbox.stop()
  }
}

/** The editor's first launch in a home fills its compile cache: done once before measuring, so every size has it. */
async function warmEditor(home: TuiHome): Promise<void> {
  const sandbox = await startSandboxProcess()
  try {
    const tui = launchTui({ ...home, env: { ...home.env, CC_API_KEY: sandbox.apiKey, CC_BASE_URL: sandbox.url } }, [])
    try {
      await tui.waitFor(isFirstInteractiveFrame, 0, 60_000, 'the contacts list')
      await quitTui(tui)
    } finally {
      await tui.stop()
    }
  } finally {
    await sandbox.stop()
  }
}

/** Runs `measure` at every size, one after another; a size that fails is recorded and left out. */
async function atEverySize<T>(
  sizes: readonly number[],
  what: string,
  measure: (size: number) => Promise<T>,
  failures: string[],
  log: (line: string) => void,
): Promise<Array<T | undefined>> {
  const results: Array<T | undefined> = []
  for (const size of sizes) {
    log(`${what}: ${formatCount(size)}`)
    try {
      results.push(await measure(size))
    } catch (error) {
      failures.push(`${what} at ${formatCount(size)}: ${(error as Error).message}`)
      results.push(undefined)
    }
  }
  return results
}

export const growth: Benchmark = {
  id: 'growth',
  number: 9,
  title: 'Growth: sandbox requests and memory, editor memory and updateManyStream memory as the account grows',
  async run({ quick, log }) {
    const { contacts, items, samples, warmUp, rounds, keys } = plan(quick)
    const failures: string[] = []
    const notes: string[] = []

    // 1. The sandbox, in-process, each size in a process of its own; in rounds, the sizes in a rotated order, so that a
    // busy stretch of the machine does not land on one size only. Each figure is the median over the rounds.
    const sandboxRounds: SandboxCosts[][] = contacts.map(() => [])
    for (let round = 0; round < rounds; round++) {
      for (const i of contacts.map((_, j) => (j + round) % contacts.length)) {
        const size = contacts[i] as number
        log(`sandbox, contacts: ${formatCount(size)} (round ${round + 1} of ${rounds})`)
        try {
          const result = await runProbe<SandboxCosts>(sandboxProbe, [String(size), String(samples), String(warmUp)])
          sandboxRounds[i]?.push(result)
          log(
            `  seeded in ${result.seed.cpuSeconds.toFixed(1)} s CPU; RSS ${result.memory.endMb.toFixed(0)} MB; ` +
              `full-name p95 ${result.requests['full name'].cpu.p95.toFixed(2)} ms CPU`,
          )
        } catch (error) {
          failures.push(`sandbox at ${formatCount(size)} contacts: ${(error as Error).message}`)
        }
      }
    }
    const sandbox = sandboxRounds.map((results) => (results.length > 0 ? medianOfRounds(results) : undefined))

    // 2. The editor, scrolled through every contact of a sandbox of each size.
    let editor: Array<EditorMemory | undefined> = contacts.map(() => undefined)
    const unavailable = tuiUnavailable()
    if (unavailable) notes.push(`Editor not measured: ${unavailable}.`)
    else {
      const home = createTuiHome()
      try {
        if (!quick) await warmEditor(home)
        editor = await atEverySize(
          contacts,
          'editor, contacts',
          async (size) => {
            const result = await measureEditor(home, size, keys, log)
            log(
              `  scrolled in ${result.scrollSeconds.toFixed(0)} s (${result.presses} pages); ` +
                `RSS ${result.scrolledMb.toFixed(0)} MB, peak ${result.peakMb.toFixed(0)} MB; ` +
                `heap held ${result.heldHeapMb.toFixed(0)} MB; keystroke p95 ${result.keyP95Ms.toFixed(1)} ms`,
            )
            return result
          },
          failures,
          log,
        )
      } finally {
        home.dispose()
      }
    }

    // 3. updateManyStream against a minimal in-process handler: garbage collection left to V8 (what a caller sees),
    // then again with a full collection at every tenth of the run (what the run holds, garbage apart).
    const bulk = await atEverySize(
      items,
      'updateManyStream, items',
      async (size) => {
        const result = await runProbe<BulkMemory>(bulkProbe, [String(size), 'natural'])
        log(`  ${result.seconds.toFixed(1)} s; peak RSS ${result.peakMb.toFixed(0)} MB`)
        return result
      },
      failures,
      log,
    )
    const bulkCollected = await atEverySize(
      items,
      'updateManyStream, items, collected every tenth',
      async (size) => {
        const result = await runProbe<BulkMemory>(bulkProbe, [String(size), 'collected'])
        log(
          `  ${result.seconds.toFixed(1)} s; heap held ${result.collectedHeapMb.map((mb) => mb.toFixed(0)).join(' ')} MB`,
        )
        return result
      },
      failures,
      log,
    )

    // The table: one row per figure.
    const figure = <T>(
      name: string,
      unit: string,
      sizes: readonly number[],
      results: ReadonlyArray<T | undefined>,
      value: (result: T) => number,
    ): Figure => ({ name, unit, sizes, values: results.map((r) => (r === undefined ? null : value(r))) })
    const kinds = Object.keys(sandbox.find((r) => r)?.requests ?? KIND_NAMES) as RequestKind[]
    const request = (kind: RequestKind, q: 'p50' | 'p95') =>
      figure(`${KIND_NAMES[kind]} ${q}`, 'ms CPU', contacts, sandbox, (r) => r.requests[kind].cpu[q])
    const itemsLabel = items.map(formatCount).join(' / ')
    const figures = {
      requests: kinds.flatMap((kind) => [request(kind, 'p50'), request(kind, 'p95')]),
      sandboxSeeded: figure('sandbox RSS after seeding', 'MB', contacts, sandbox, (r) => r.memory.afterSeedMb),
      sandboxEnd: figure('sandbox RSS after the requests', 'MB', contacts, sandbox, (r) => r.memory.endMb),
      sandboxPeak: figure('sandbox peak RSS (VmHWM)', 'MB', contacts, sandbox, (r) => r.memory.peakMb),
      editorFirst: figure('editor RSS with the first page', 'MB', contacts, editor, (r) => r.firstPageMb),
      editorScrolled: figure('editor RSS scrolled to the last contact', 'MB', contacts, editor, (r) => r.scrolledMb),
      editorPeak: figure('editor peak RSS (VmHWM)', 'MB', contacts, editor, (r) => r.peakMb),
      editorHeld: figure(
        'editor heap held scrolled to the last contact (collected)',
        'MB',
        contacts,
        editor,
        (r) => r.heldHeapMb,
      ),
      editorCollected: figure(
        'editor RSS scrolled to the last contact, after a full collection',
        'MB',
        contacts,
        editor,
        (r) => r.collectedMb,
      ),
      editorKeyP50: figure(
        'editor keystroke → frame p50, scrolled to the last contact',
        'ms',
        contacts,
        editor,
        (r) => r.keyP50Ms,
      ),
      editorKeyP95: figure(
        'editor keystroke → frame p95, scrolled to the last contact',
        'ms',
        contacts,
        editor,
        (r) => r.keyP95Ms,
      ),
      bulkPeak: figure(`updateManyStream peak RSS, ${itemsLabel} items`, 'MB', items, bulk, (r) => r.peakMb),
      bulkHeap: figure(`updateManyStream peak heap used, ${itemsLabel} items`, 'MB', items, bulk, (r) => r.peakHeapMb),
      bulkHeld: figure(
        `updateManyStream heap held during the run (collected), ${itemsLabel} items`,
        'MB',
        items,
        bulkCollected,
        (r) => Math.max(...r.collectedHeapMb),
      ),
    }
    const rows = [
      ...figures.requests,
      figures.sandboxSeeded,
      figures.sandboxEnd,
      figures.sandboxPeak,
      figures.editorFirst,
      figures.editorScrolled,
      figures.editorPeak,
      figures.editorHeld,
      figures.editorCollected,
      figures.editorKeyP50,
      figures.editorKeyP95,
      figures.bulkPeak,
      figures.bulkHeap,
      figures.bulkHeld,
    ].map(growthRow)

    // The chart: p95 of every request, and the memory figures that matter most, each as a ratio to its first value.
    const first = contacts[0] as number
    const last = contacts.at(-1) as number
    const chartFile = join(resultsDir, quick ? 'growth.quick.svg' : 'growth.svg')
    const svg = logLogChart({
      title: 'How costs grow with the account: each figure ÷ its value at the smallest size',
      xLabel: 'contacts in the account (updateManyStream: items), log scale',
      yLabel: 'ratio to the smallest size, log scale',
      series: [
        ...kinds.map((kind) => ratioSeries(request(kind, 'p95'), `${KIND_LINES[kind]} p95`)),
        ratioSeries(figures.sandboxEnd, 'sandbox RSS'),
        ratioSeries(figures.editorScrolled, 'editor RSS, scrolled to end'),
        ratioSeries(figures.editorHeld, 'editor heap held (scrolled)'),
        ratioSeries(figures.bulkPeak, 'updateManyStream peak RSS'),
        ratioSeries(figures.bulkHeld, 'updateManyStream heap held'),
      ],
      guides: [
        {
          name: 'proportional to size',
          points: [
            { x: first, y: 1 },
            { x: last, y: last / first },
          ],
        },
        {
          name: 'constant',
          points: [
            { x: first, y: 1 },
            { x: Math.max(last, items.at(-1) as number), y: 1 },
          ],
        },
      ],
    })
    writeFileSync(chartFile, svg)
    log(`chart: ${relative(rootDir, chartFile)}`)

    const at = (f: Figure, i: number) => f.values[i] ?? null
    const lastIndex = contacts.length - 1
    const growthTarget = (name: string, f: Figure, bound: number): Target => {
      const ratio = ratioTo(at(f, lastIndex), at(f, 0))
      return target(
        `${name}, ${formatCount(last)} ÷ ${formatCount(first)} contacts`,
        `≤ ${bound}×`,
        ratio === null ? '–' : times(ratio),
        ratio !== null && ratio <= bound,
      )
    }
    const fullName = figures.requests.find((f) => f.name === `${KIND_NAMES['full name']} p95`) as Figure
    const oneWord = figures.requests.find((f) => f.name === `${KIND_NAMES['one word']} p95`) as Figure
    const holding = at(figures.sandboxEnd, lastIndex)
    const keyP95 = at(figures.editorKeyP95, lastIndex)
    const held = ratioTo(at(figures.bulkHeld, items.length - 1), at(figures.bulkHeld, 0))
    const targets = [
      growthTarget('full-name search p95 (CPU)', fullName, FULL_NAME_GROWTH),
      growthTarget('one-word search p95 (CPU)', oneWord, ONE_WORD_GROWTH),
      target(
        `sandbox RSS holding ${formatCount(last)} contacts (after the requests)`,
        `< ${SANDBOX_RSS_MB} MB`,
        holding === null ? '–' : `${holding.toFixed(0)} MB`,
        holding !== null && holding < SANDBOX_RSS_MB,
      ),
      growthTarget('editor RSS scrolled to the last contact (bounded)', figures.editorScrolled, EDITOR_GROWTH),
      growthTarget('editor heap held scrolled to the last contact (bounded)', figures.editorHeld, EDITOR_GROWTH),
      target(
        `editor keystroke → frame p95 with ${formatCount(last)} contacts scrolled past`,
        `< ${KEYSTROKE_P95_MS} ms`,
        keyP95 === null ? '–' : `${keyP95.toFixed(1)} ms`,
        keyP95 !== null && keyP95 < KEYSTROKE_P95_MS,
      ),
      target(
        `updateManyStream heap held during the run (bounded), ${formatCount(items.at(-1) as number)} ÷ ${formatCount(items[0] as number)} items`,
        `≤ ${BULK_HELD_GROWTH}×`,
        held === null ? '–' : times(held),
        held !== null && held <= BULK_HELD_GROWTH,
      ),
    ]

    const wallP95 = kinds
      .map((kind) => {
        const r = ratioTo(sandbox[lastIndex]?.requests[kind].wall.p95, sandbox[0]?.requests[kind].wall.p95)
        return `${kind} ${r === null ? '–' : times(r, 1)}`
      })
      .join(', ')
    const seeding = sandbox
      .map((r, i) => `${formatCount(contacts[i] as number)}: ${r ? `${r.seed.cpuSeconds.toFixed(1)} s` : '–'}`)
      .join(', ')
    const scrolling = editor
      .map((r, i) => `${formatCount(contacts[i] as number)}: ${r ? `${r.scrollSeconds.toFixed(0)} s` : '–'}`)
      .join(', ')
    notes.push(
      `Columns are contacts in the account; the updateManyStream rows are items instead (${itemsLabel}), and their ratios are to ${formatCount(items[0] as number)} items. Each size runs in fresh processes, so no memory carries over.`,
      `Sandbox: \`createSandbox({ seed: { contacts } })\` in a child process of its own, requests in-process through \`sandbox.fetch\` (no HTTP): a walk through every page first, then per kind ${warmUp} warm-up and ${samples} measured requests spread over the account (names, emails and phones of about a thousand contacts taken from the walk, the five most frequent last names among them, random list cursors; update sets the price). Times are the process's CPU time per request (\`process.cpuUsage\`): on this busy 2-core machine the wall clock mostly measures other processes' turns. ${rounds} round(s), each size once per round in a rotated order; every sandbox figure is the median over the rounds. Every answer is checked (the person searched for is found, and so on). Wall-clock p95 ratios at ${formatCount(last)}, for comparison: ${wallP95}. Seeding took ${seeding} of CPU (median). RSS from /proc/self/status (VmRSS after seeding and after the requests; VmHWM for the peak).`,
      `Editor: the built \`cc-tui\` on a ${'120×40'} pseudo-terminal (util-linux \`script\`), pointed at a sandbox of that size in another process over loopback (\`CC_BASE_URL\`, \`CC_API_KEY\`: \`--sandbox\` takes no size). End is pressed, the list loads its next page of 50, and the next End waits for the footer to show it, until the last contact is highlighted; then VmRSS and VmHWM of the editor's process are read from /proc. Scrolling took ${scrolling}. Then, on the last contact, Up and Down in turn (\`k\`, \`j\`), ${KEY_PACE_MS} ms apart: ${keys.warmUp} not timed, then ${keys.n} timed from writing the key to the output chunk whose footer shows the row it moved to (input, state, render and the write to the terminal, as in benchmark 6). Last, "heap held": the editor runs with \`--inspect\` on loopback (nothing attaches until then), and over the inspector protocol two full collections run in it before \`process.memoryUsage().heapUsed\` is read: what the editor holds, garbage apart; VmRSS is read again right after.`,
      `updateManyStream: \`createClient({ fetch })\` with a handler in the same process that reads each request and answers 200 with the API's success body (no server, no database), the items from an async generator, default concurrency (${bulk.find((r) => r)?.concurrency ?? 4}); after a warm-up run of 1 000 items. Peak RSS is the process's VmHWM at the end; peak heap is the largest \`heapUsed\` sampled every 1 000 results (garbage not yet collected included). "Heap held" comes from a second run of each size that stops at every tenth of it, gives the event loop a turn (finalizers run) and collects all garbage twice (\`gc()\`), then reads \`heapUsed\`: the largest of the ten. Every item must come back once and ok.`,
    )

    return {
      columns: growthColumns(contacts),
      rows,
      targets,
      notes,
      failures,
      chart: {
        file: relative(rootDir, chartFile),
        alt: 'Growth of each figure as a ratio to its value at the smallest size, against contacts on a log scale',
        caption:
          `Each line is one figure divided by its own value at the smallest size (${formatCount(first)} contacts; ${formatCount(items[0] as number)} items for updateManyStream), so every line starts at 1×; both axes are logarithmic. ` +
          'A flat line at 1× (dotted) means the cost does not grow with the account; a line along the dashed diagonal grows in proportion to it (ten times the contacts, ten times the cost); anything between grows more slowly than the account. ' +
          'Request lines are p95 CPU time in the sandbox; the memory lines are resident memory (RSS) of the sandbox holding the account, of the editor after scrolling through every contact, the peak of a process streaming updates through `updateManyStream`; the heap lines are what the editor and that process hold once their garbage is collected.',
      },
      data: { contacts, items, sandbox, sandboxRounds, editor, bulk, bulkCollected },
    }
  },
}
