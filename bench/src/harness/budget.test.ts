import { describe, expect, it } from 'vitest'
import { checkBudget, parseBudget, readBudget } from './budget.ts'
import { budgetFile } from './paths.ts'

const budget = { gzipBytes: 100_000, tolerance: 0.1 }

describe('checkBudget', () => {
  it('passes a bundle smaller than the recorded size', () => {
    const check = checkBudget(95_000, budget)
    expect(check.ok).toBe(true)
    expect(check.growth).toBeCloseTo(-0.05, 10)
    expect(check.message).toMatch(/within budget .*-5\.0 %/)
  })

  it('passes growth up to exactly 10 %', () => {
    expect(checkBudget(110_000, budget)).toMatchObject({ ok: true, limit: 110_000 })
  })

  it('fails one byte past 10 %, saying by how much and how to record a new budget', () => {
    const check = checkBudget(110_001, budget)
    expect(check.ok).toBe(false)
    expect(check.message).toContain('over budget: +10.0 %')
    expect(check.message).toContain('--update-budget')
  })

  it('honours another tolerance', () => {
    expect(checkBudget(102_001, { gzipBytes: 100_000, tolerance: 0.02 }).ok).toBe(false)
  })
})

describe('parseBudget', () => {
  it('reads the budget file in the repository', () => {
    const recorded = readBudget(budgetFile)
    expect(recorded.gzipBytes).toBeGreaterThan(0)
    expect(recorded.tolerance).toBe(0.1)
  })

  it('names the field that is wrong', () => {
    expect(() => parseBudget({ gzipBytes: '12 kB', tolerance: 0.1 })).toThrow(
      /gzipBytes must be a positive whole number/,
    )
    expect(() => parseBudget({ gzipBytes: 1000, tolerance: 10 })).toThrow(/tolerance must be a fraction/)
    expect(() => parseBudget(null)).toThrow(/gzipBytes/)
  })
})
