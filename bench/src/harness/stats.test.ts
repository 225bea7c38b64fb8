import { describe, expect, it } from 'vitest'
import { median, medianOfRounds, quantile, ratio, summarize } from './stats.ts'

describe('quantile', () => {
  it('interpolates between order statistics like numpy and tinybench (type 7)', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    expect(quantile(sorted, 0)).toBe(1)
    expect(quantile(sorted, 1)).toBe(10)
    expect(quantile(sorted, 0.5)).toBe(5.5)
    // numpy.percentile(range(1, 11), 99) == 9.91
    expect(quantile(sorted, 0.99)).toBeCloseTo(9.91, 10)
    expect(quantile(sorted, 0.95)).toBeCloseTo(9.55, 10)
  })

  it('takes the single sample of a one-sample set', () => {
    expect(quantile([42], 0.99)).toBe(42)
  })

  it('refuses no samples and quantiles outside [0, 1]', () => {
    expect(() => quantile([], 0.5)).toThrow(/no samples/)
    expect(() => quantile([1], 1.5)).toThrow(/between 0 and 1/)
    expect(() => quantile([1], Number.NaN)).toThrow(/between 0 and 1/)
  })
})

describe('summarize', () => {
  it('sorts a copy and leaves the samples as they were', () => {
    const samples = [5, 1, 4, 2, 3]
    const summary = summarize(samples)
    expect(samples).toEqual([5, 1, 4, 2, 3])
    expect(summary).toEqual({ n: 5, mean: 3, min: 1, median: 3, p95: 4.8, p99: expect.closeTo(4.96, 10), max: 5 })
  })

  it('keeps a slow outlier in p99 and out of the median', () => {
    const samples = [...Array.from({ length: 99 }, () => 1), 100]
    const summary = summarize(samples)
    expect(summary.median).toBe(1)
    expect(summary.p99).toBeCloseTo(1.99, 10)
    expect(summary.max).toBe(100)
  })

  it('median of an even count is the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})

describe('ratio', () => {
  it('says how many times the baseline a value is, and NaN without a baseline', () => {
    expect(ratio(3, 2)).toBe(1.5)
    expect(ratio(1, 0)).toBeNaN()
  })
})

describe('medianOfRounds', () => {
  it('takes the median of every number over the rounds, field by field, nested objects included', () => {
    const rounds = [
      { size: 1000, kind: 'a', cost: { p50: 3, p95: 9 } },
      { size: 1000, kind: 'b', cost: { p50: 1, p95: 30 } },
      { size: 1000, kind: 'c', cost: { p50: 2, p95: 10 } },
    ]
    expect(medianOfRounds(rounds)).toEqual({ size: 1000, kind: 'a', cost: { p50: 2, p95: 10 } })
    expect(medianOfRounds([{ n: 4 }, { n: 1 }])).toEqual({ n: 2.5 })
  })

  it('refuses no rounds', () => {
    expect(() => medianOfRounds([])).toThrow(/no rounds/)
  })
})
