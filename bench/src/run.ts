import { readFileSync, writeFileSync } from 'node:fs'
import { relative } from 'node:path'
import { benchmarks } from './benchmarks/all.ts'
import { parseRunArgs, selectBenchmarks, UsageHelp } from './harness/args.ts'
import { describeMachine, formatMachine } from './harness/machine.ts'
import { renderResults, replaceResults } from './harness/markdown.ts'
import { benchmarksMd, resultsDir, rootDir } from './harness/paths.ts'
import type { BenchReport } from './harness/report.ts'
import { readFullResults, writeResult } from './harness/results.ts'
import { formatTable } from './harness/table.ts'

let args: ReturnType<typeof parseRunArgs>
let selected: typeof benchmarks
try {
  args = parseRunArgs(process.argv.slice(2))
  selected = selectBenchmarks(benchmarks, args.only)
} catch (error) {
  console.error((error as Error).message)
  process.exit(error instanceof UsageHelp ? 0 : 2)
}

const mode = args.quick ? 'quick' : 'full'
const machine = describeMachine()
console.log(`benchmarks (${mode}) on ${formatMachine(machine)}`)
if (args.quick) console.log('quick mode: checks that every benchmark works; its numbers mean nothing')
else if (machine.load1 > 0.5 * machine.cores) console.log(`note: load ${machine.load1} — expect noisy numbers`)

const problems: string[] = []
const started = performance.now()
for (const benchmark of selected) {
  console.log(`\n== ${benchmark.number}. ${benchmark.title}`)
  const t0 = performance.now()
  let report: BenchReport
  try {
    report = await benchmark.run({
      quick: args.quick,
      updateBudget: args.updateBudget,
      log: (line) => console.log(`   ${line}`),
    })
  } catch (error) {
    console.error(error)
    problems.push(`${benchmark.id}: ${(error as Error).message}`)
    continue
  }
  const durationMs = Math.round(performance.now() - t0)
  if (report.skipped) console.log(`skipped: ${report.skipped}`)
  else console.log(formatTable(report.columns, report.rows))
  for (const t of report.targets)
    console.log(`${t.met ? 'target met   ' : 'TARGET MISSED'}  ${t.name}: ${t.actual} (goal ${t.goal})`)
  for (const note of report.notes) console.log(`note: ${note}`)
  for (const failure of report.failures) {
    console.error(`FAILED: ${failure}`)
    problems.push(`${benchmark.id}: ${failure}`)
  }
  const file = writeResult(resultsDir, {
    benchmark: benchmark.id,
    number: benchmark.number,
    title: benchmark.title,
    mode,
    date: new Date().toISOString(),
    durationMs,
    machine,
    ...report,
  })
  console.log(`(${(durationMs / 1000).toFixed(1)} s, ${relative(rootDir, file)})`)
}

if (!args.quick) {
  const document = readFileSync(benchmarksMd, 'utf8')
  writeFileSync(benchmarksMd, replaceResults(document, renderResults(readFullResults(resultsDir))))
  console.log(`\nresults section of ${relative(rootDir, benchmarksMd)} updated`)
}

const seconds = ((performance.now() - started) / 1000).toFixed(1)
if (problems.length > 0) {
  console.error(
    `\n${problems.length} benchmark problem(s) in ${seconds} s:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  )
  // exitCode, not exit(): let the output drain.
  process.exitCode = 1
} else {
  console.log(`\nall ${selected.length} benchmark(s) done in ${seconds} s`)
}
