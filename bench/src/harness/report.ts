/** What one benchmark hands back to the runner: a table, the targets it checks, and anything that must fail the run. */

export interface Column {
  key: string
  label: string
  /** Fraction digits of a number cell. Default 0. */
  digits?: number
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

export interface BenchReport {
  columns: Column[]
  rows: Row[]
  targets: Target[]
  /** Method and caveats, printed under the table and kept in the JSON. */
  notes: string[]
  /** Broken invariants (a budget exceeded, an item lost): each fails the run. Missed targets do not. */
  failures: string[]
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
