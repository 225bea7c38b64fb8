/** What one benchmark hands back to the runner: a table, the targets it checks, and anything that must fail the run. */

export interface Column {
  key: string
  label: string
  /** Fraction digits of a number cell. Default 0. */
  digits?: number
  /** Default: right when the column holds numbers, else left. Right suits numbers formatted as text. */
  align?: 'left' | 'right'
}

export type Cell = string | number | null
export type Row = Record<string, Cell>

export interface Target {
  /** What is compared, e.g. "update p50 vs raw fetch". */
  name: string
  /** The goal, e.g. "≤ 1.15×". */
  goal: string
  /** The measured value, e.g. "1.08×". */
  actual: string
  met: boolean
}

/** A chart drawn from the results, shown under the table in BENCHMARKS.md. */
export interface Chart {
  /** The image, relative to the repository root (where BENCHMARKS.md is). */
  file: string
  alt: string
  /** What the chart shows and how to read it: the paragraph under it. */
  caption: string
}

export interface BenchReport {
  columns: Column[]
  rows: Row[]
  targets: Target[]
  /** Method and caveats, printed under the table and kept in the JSON. */
  notes: string[]
  /** Broken invariants (a budget exceeded, an item lost): each fails the run. Missed targets do not. */
  failures: string[]
  chart?: Chart
  /** The raw measurements behind the table, kept in the JSON (e.g. to draw the chart again). */
  data?: Record<string, unknown>
  /** Set when the benchmark could not run here, with the reason. */
  skipped?: string
}

export function skippedReport(reason: string): BenchReport {
  return { columns: [], rows: [], targets: [], notes: [], failures: [], skipped: reason }
}

/** A target that compares a measured value with a bound. */
export function target(name: string, goal: string, actual: string, met: boolean): Target {
  return { name, goal, actual, met }
}

export const times = (value: number, digits = 2): string => (Number.isFinite(value) ? `${value.toFixed(digits)}×` : '–')
