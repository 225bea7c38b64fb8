/** Descriptive statistics of one set of samples (milliseconds, requests/s, …: the unit of the samples). */
export interface Summary {
  n: number
  mean: number
  min: number
  median: number
  p95: number
  p99: number
  max: number
}

/**
 * The `q` quantile (0 ≤ q ≤ 1) of ascending `sorted` values, interpolating linearly between the two nearest
 * order statistics (Hyndman & Fan type 7, as numpy, R and tinybench compute it).
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of no samples')
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be between 0 and 1, got ${q}`)
  const position = (sorted.length - 1) * q
  const below = Math.floor(position)
  const above = Math.ceil(position)
  const low = sorted[below] as number
  const high = sorted[above] as number
  return low + (high - low) * (position - below)
}

const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b)

export function median(values: readonly number[]): number {
  return quantile(ascending(values), 0.5)
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = ascending(samples)
  if (sorted.length === 0) throw new RangeError('summary of no samples')
  const sum = sorted.reduce((total, value) => total + value, 0)
  return {
    n: sorted.length,
    mean: sum / sorted.length,
    min: sorted[0] as number,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted[sorted.length - 1] as number,
  }
}

/**
 * How many times `value` is `baseline`. For latencies (lower is better) above 1 means slower than the baseline; for
 * throughputs (higher is better) above 1 means faster. `NaN` when there is no baseline to compare with.
 */
export function ratio(value: number, baseline: number): number {
  if (baseline === 0) return Number.NaN
  return value / baseline
}

/**
 * Records of the same shape (one per round) as one: every number is the median of that number over the rounds,
 * field by field, nested objects included; anything else is taken from the first record.
 */
export function medianOfRounds<T>(rounds: readonly T[]): T {
  const first = rounds[0]
  if (first === undefined) throw new RangeError('median of no rounds')
  if (typeof first === 'number') return median(rounds as readonly number[]) as T
  if (first === null || typeof first !== 'object' || Array.isArray(first)) return first
  const merged: Record<string, unknown> = {}
  for (const key of Object.keys(first)) {
    merged[key] = medianOfRounds(rounds.map((round) => (round as Record<string, unknown>)[key]))
  }
  return merged as T
}
