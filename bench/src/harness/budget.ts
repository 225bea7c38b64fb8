import { readFileSync, writeFileSync } from 'node:fs'

/** `bench/size-budget.json`: the recorded size of the consumer bundle, and how far it may grow past it. */
export interface SizeBudget {
  /** Minified + gzipped bytes of the consumer bundle when the budget was recorded. */
  gzipBytes: number
  /** Allowed growth over `gzipBytes`, as a fraction: 0.1 = 10 %. */
  tolerance: number
}

export interface BudgetCheck {
  ok: boolean
  /** The largest size that still passes. */
  limit: number
  /** Growth over the recorded size, as a fraction (negative when smaller). */
  growth: number
  message: string
}

export function checkBudget(actualBytes: number, budget: SizeBudget): BudgetCheck {
  const limit = Math.floor(budget.gzipBytes * (1 + budget.tolerance))
  const growth = (actualBytes - budget.gzipBytes) / budget.gzipBytes
  const percent = `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %`
  const ok = actualBytes <= limit
  const message = ok
    ? `consumer bundle ${actualBytes} B gzip is within budget (${budget.gzipBytes} B recorded, ${percent}, limit ${limit} B)`
    : `consumer bundle ${actualBytes} B gzip is over budget: ${percent} over the recorded ${budget.gzipBytes} B ` +
      `(limit ${limit} B, +${budget.tolerance * 100} %). Shrink it, or if the growth is worth it, record the new ` +
      'size with `pnpm bench size --update-budget` and say why in the pull request.'
  return { ok, limit, growth, message }
}

export function parseBudget(json: unknown): SizeBudget {
  const value = json as Partial<SizeBudget> | null
  const bytes = value?.gzipBytes
  const tolerance = value?.tolerance
  if (typeof bytes !== 'number' || !Number.isInteger(bytes) || bytes <= 0) {
    throw new Error('size-budget.json: gzipBytes must be a positive whole number of bytes')
  }
  if (typeof tolerance !== 'number' || tolerance < 0 || tolerance > 1) {
    throw new Error('size-budget.json: tolerance must be a fraction between 0 and 1, e.g. 0.1 for 10 %')
  }
  return { gzipBytes: bytes, tolerance }
}

export const readBudget = (file: string): SizeBudget => parseBudget(JSON.parse(readFileSync(file, 'utf8')))

export function writeBudget(file: string, budget: SizeBudget): void {
  writeFileSync(file, `${JSON.stringify(budget, null, 2)}\n`)
}
