import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '@cc/client'
import { startSandboxProcess } from '../fixtures/sandbox-process.ts'
import { createTuiHome, TUI_CLI } from '../fixtures/tui.ts'
import type { Benchmark } from '../harness/benchmark.ts'
import { type Row, skippedReport, target } from '../harness/report.ts'
import { ratio } from '../harness/stats.ts'

/** As in the bulk benchmark: 10 % of requests fail with 429 or 503 and ask for a 50 ms wait. */
const FAULT_WAIT_MS = 50
const FAULTS = { rate: 0.1, kinds: ['429', '503'] as ('429' | '503')[], seed: 11, retryAfterMs: FAULT_WAIT_MS }

/** Preloaded into the import that reports its held heap. */
const HELD_HEAP_PROBE = fileURLToPath(new URL('../probes/held-heap.ts', import.meta.url))

const plan = (quick: boolean) => (quick ? { rows: 300, cliCreates: 5 } : { rows: 10_000, cliCreates: 100 })

/**
 * The file an agent would import: `count` new contacts, every third without an email (those only the idempotency
 * keys keep from being created twice), each named by `label` and its row so that it can be counted afterwards.
 */
function contactsCsv(dir: string, label: string, count: number): string {
  const lines = ['First Name,Last Name,E-mail,Mobile,City,Tags']
  for (let i = 0; i < count; i++) {
    const email = i % 3 === 0 ? '' : `${label}.${i}@example.com`
    lines.push(`${label},Row ${i},${email},+1555${String(1_000_000 + i).slice(1)},Austin,"Imported, Bench"`)
  }
  const path = join(dir, `${label}.csv`)
  writeFileSync(path, `${lines.join('\r\n')}\r\n`)
  return path
}

interface Run {
  code: number | null
  stderr: string
  /** VmHWM of the process, sampled until it ended (Linux); undefined elsewhere. */
  peakRssMb: number | undefined
}

/** Runs the built `cc-tui` to the end, sampling its peak resident memory; `nodeArgs` go before the script. */
function runCli(args: string[], env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, TUI_CLI, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    let peakKb: number | undefined
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    const sample = () => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
        if (match) peakKb = Math.max(peakKb ?? 0, Number(match[1]))
      } catch {
        // Not Linux, or the process is gone.
      }
    }
    const timer = setInterval(sample, 50)
    child.once('error', reject)
    child.once('exit', (code) => {
      clearInterval(timer)
      resolve({ code, stderr, peakRssMb: peakKb === undefined ? undefined : peakKb / 1024 })
    })
  })
}

interface Scenario {
  name: string
  how: string
  /** Rows sent; fewer than the file for the process-per-row loop. */
  rows: number
  seconds: number
  retries?: number
  peakRssMb?: number
  /** The largest heap in use after two full collections, sampled every 5 s (the held-heap run only). */
  heldHeapMb?: number
}

export const importBenchmark: Benchmark = {
  id: 'import',
  number: 8,
  title: 'Import: cc-tui import of 10 000 rows vs a loop of create, with and without 10 % 429/503 faults',
  async run({ quick, log }) {
    if (!existsSync(TUI_CLI))
      return skippedReport('apps/tui/dist/cli.js is missing: build the editor first (`pnpm build`)')
    const { rows: count, cliCreates } = plan(quick)
    const dir = mkdtempSync(join(tmpdir(), 'cc-bench-import-'))
    const home = createTuiHome()
    const sandbox = await startSandboxProcess()
    const env = { ...home.env, CC_BASE_URL: sandbox.url, CC_API_KEY: sandbox.apiKey }
    const client = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, logLevel: 'off' })
    const failures: string[] = []
    const scenarios: Scenario[] = []

    /** How many contacts of `label` each row became: every row must be there exactly once. */
    const check = async (label: string, rows: number, what: string) => {
      const copies = new Array<number>(rows).fill(0)
      for await (const person of client.people.list({ limit: 100 })) {
        if (person.firstName === label) {
          const row = Number(person.lastName?.replace('Row ', ''))
          copies[row] = (copies[row] ?? 0) + 1
        }
      }
      const missing = copies.filter((n) => n === 0).length
      const twice = copies.filter((n) => n > 1).length
      if (missing > 0 || twice > 0)
        failures.push(`${what}: ${missing} rows missing, ${twice} rows created more than once`)
      log(`${what}: ${rows - missing - twice} of ${rows} rows exactly once`)
    }

    const importRun = async (name: string, label: string, faults: boolean, concurrency: number, held = false) => {
      await sandbox.command({ reset: true })
      const file = contactsCsv(dir, label, count)
      if (faults) await sandbox.command({ setFaults: FAULTS })
      const heldFile = join(dir, `${label}.held`)
      const t0 = performance.now()
      const run = await runCli(
        ['import', file, '--yes', '--concurrency', String(concurrency)],
        held ? { ...env, CC_BENCH_HELD_HEAP: heldFile } : env,
        held ? ['--expose-gc', '--import', HELD_HEAP_PROBE] : [],
      )
      const seconds = (performance.now() - t0) / 1000
      if (faults) await sandbox.command({ setFaults: false })
      if (run.code !== 0)
        failures.push(`${name}: exit ${run.code}: ${run.stderr.trim().split('\n').slice(-2).join(' ')}`)
      const samples = held && existsSync(heldFile) ? readFileSync(heldFile, 'utf8').trim().split('\n').map(Number) : []
      const heldHeapMb = samples.length > 0 ? Math.max(...samples) : undefined
      if (held) log(`${name}: heap held ${samples.join(', ')} MB`)
      log(`${name}: ${(count / seconds).toFixed(0)} rows/s, peak RSS ${run.peakRssMb?.toFixed(0) ?? '?'} MB`)
      await check(label, count, name)
      scenarios.push({
        name,
        how: `cc-tui import --concurrency ${concurrency}`,
        rows: count,
        seconds,
        ...(run.peakRssMb === undefined ? {} : { peakRssMb: run.peakRssMb }),
        ...(heldHeapMb === undefined ? {} : { heldHeapMb }),
      })
    }

    try {
      // A plain loop: what a script would do with the client, one create after the other.
      await sandbox.command({ reset: true })
      const loopLabel = 'LoopCreate'
      const lines = readFileSync(contactsCsv(dir, loopLabel, count), 'utf8')
        .trim()
        .split('\r\n')
        .slice(1)
      let t0 = performance.now()
      for (const [i, line] of lines.entries()) {
        const [firstName, lastName, email, phone] = line.split(',') as [string, string, string, string]
        await client.people.create({
          firstName,
          lastName,
          ...(email ? { email } : {}),
          phone,
          city: 'Austin',
          tags: ['Imported', 'Bench'],
        })
        if (i % 2000 === 1999) log(`loop of create: ${i + 1} rows`)
      }
      scenarios.push({
        name: 'loop of cc.people.create',
        how: 'client, one at a time',
        rows: count,
        seconds: (performance.now() - t0) / 1000,
      })
      await check(loopLabel, count, 'loop of create')

      // A shell loop of `cc-tui create`: one process per row, on a sample (a process start dominates).
      await sandbox.command({ reset: true })
      t0 = performance.now()
      for (const line of lines.slice(0, cliCreates)) {
        const [firstName, lastName, email, phone] = line.split(',') as [string, string, string, string]
        const run = await runCli(
          [
            'create',
            `firstName=${firstName}`,
            `lastName=${lastName}`,
            ...(email ? [`email=${email}`] : []),
            `phone=${phone}`,
          ],
          env,
        )
        if (run.code !== 0) failures.push(`cc-tui create: exit ${run.code}: ${run.stderr.trim()}`)
      }
      scenarios.push({
        name: 'loop of cc-tui create',
        how: 'one process per row',
        rows: cliCreates,
        seconds: (performance.now() - t0) / 1000,
      })

      await importRun('cc-tui import', 'Import', false, 8)
      await importRun('cc-tui import', 'ImportOne', false, 1)
      await importRun('cc-tui import, 10 % faults', 'ImportFaults', true, 8)
      await importRun('cc-tui import, heap held', 'ImportHeld', false, 8, true)
    } finally {
      await sandbox.stop()
      home.dispose()
      rmSync(dir, { recursive: true, force: true })
    }

    const loopRate = (scenarios[0]?.rows ?? 0) / (scenarios[0]?.seconds ?? 1)
    const rows: Row[] = scenarios.map((scenario) => ({
      scenario: scenario.name,
      how: scenario.how,
      rows: scenario.rows,
      perSecond: scenario.rows / scenario.seconds,
      vsLoop: ratio(scenario.rows / scenario.seconds, loopRate),
      peakRss: scenario.peakRssMb ?? null,
      heldHeap: scenario.heldHeapMb ?? null,
    }))
    const faulted = scenarios.find((scenario) => scenario.name.includes('faults'))
    return {
      columns: [
        { key: 'scenario', label: 'scenario' },
        { key: 'how', label: 'how' },
        { key: 'rows', label: 'rows' },
        { key: 'perSecond', label: 'rows/s' },
        { key: 'vsLoop', label: 'vs loop of create', digits: 2 },
        { key: 'peakRss', label: 'peak RSS MB' },
        { key: 'heldHeap', label: 'heap held MB' },
      ],
      rows,
      targets: [
        target(
          'with 10 % 429/503 faults, every row lands exactly once',
          'all',
          faulted
            ? failures.some((f) => f.includes('faults'))
              ? 'some missing or twice'
              : `${count} of ${count}`
            : '–',
          faulted !== undefined && !failures.some((f) => f.includes('faults')),
        ),
      ],
      notes: [
        `Sandbox (in memory, seeded, reset before each scenario) in a child process; a CSV of ${count} new contacts (every third without an email), each scenario its own names. cc-tui is the built dist/cli.js in a child process, its time from launch to exit (reading and checking the file twice, the journal included). Peak RSS is the process's VmHWM, sampled every 50 ms.`,
        `Heap held: the first import again (concurrency 8, no faults) with every 5 s a turn of the event loop and two full collections (--expose-gc), the largest heap still in use: what the import keeps, garbage apart. Peak RSS grows with the first thousands of rows to a plateau while the heap held stays flat: V8 grows its young generation to its largest size because each request's objects outlive minor collections (undici frees them through finalizers), not because rows are kept.`,
        `The loop of cc-tui create runs ${cliCreates} rows, one process each: what a shell script of create commands costs per row. Faults: ${FAULTS.rate * 100} % of requests answered 429 or 503 asking for ${FAULT_WAIT_MS} ms (as in benchmark 4); the import's own retries (6 per row). After each scenario every contact is read back: each row must be there exactly once.`,
      ],
      failures,
    }
  },
}
