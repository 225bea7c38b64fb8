import type { BenchReport } from './report.ts'

export interface BenchContext {
  /** Seconds instead of minutes: keeps the benchmarks working in CI. Numbers from it mean nothing. */
  quick: boolean
  /** `--update-budget`: the size benchmark records the measured size as the new budget. */
  updateBudget: boolean
  /** Prints a progress line. */
  log(line: string): void
}

export interface Benchmark {
  /** Short name, used on the command line and as the results file name. */
  id: string
  number: number
  title: string
  run(context: BenchContext): Promise<BenchReport>
}
