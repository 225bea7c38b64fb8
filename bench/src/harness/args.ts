import { parseArgs } from 'node:util'

export interface RunArgs {
  quick: boolean
  updateBudget: boolean
  /** Benchmarks to run, by id or number; empty = all. */
  only: string[]
}

export const USAGE = `Usage: pnpm bench [--quick] [--update-budget] [benchmark ...]

  --quick          a few seconds per benchmark, to check they work (numbers mean nothing)
  --update-budget  record the measured consumer bundle size in bench/size-budget.json
  benchmark        ids or numbers to run (default: all)`

export function parseRunArgs(argv: readonly string[]): RunArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      'update-budget': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  })
  if (values.help) throw new UsageHelp()
  return { quick: values.quick, updateBudget: values['update-budget'], only: positionals }
}

export class UsageHelp extends Error {
  constructor() {
    super(USAGE)
  }
}

/** The benchmarks `only` names, in their order; throws naming what it does not know. */
export function selectBenchmarks<T extends { id: string; number: number }>(
  all: readonly T[],
  only: readonly string[],
): T[] {
  if (only.length === 0) return [...all]
  const unknown = only.filter((name) => !all.some((b) => b.id === name || String(b.number) === name))
  if (unknown.length > 0) {
    const known = all.map((b) => `${b.number} ${b.id}`).join(', ')
    throw new Error(`Unknown benchmark ${unknown.map((name) => `"${name}"`).join(', ')}; known: ${known}`)
  }
  return all.filter((b) => only.includes(b.id) || only.includes(String(b.number)))
}
