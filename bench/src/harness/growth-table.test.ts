import { describe, expect, it } from 'vitest'
import { formatValue, growthColumns, growthRow, ratioSeries, ratioTo } from './growth-table.ts'
import { formatTable } from './table.ts'

const sizes = [1000, 10_000, 100_000]

describe('ratioTo', () => {
  it('divides by the base, and gives nothing without a usable base', () => {
    expect(ratioTo(30, 10)).toBe(3)
    expect(ratioTo(30, 0)).toBeNull()
    expect(ratioTo(null, 10)).toBeNull()
    expect(ratioTo(30, null)).toBeNull()
    expect(ratioTo(Number.NaN, 10)).toBeNull()
  })
})

describe('formatValue', () => {
  it('keeps three significant digits, and thousands apart', () => {
    expect([0.041234, 1.2875, 26.25, 262.4, 1204.4, null].map(formatValue)).toEqual([
      '0.0412',
      '1.29',
      '26.3',
      '262',
      '1\u2009204',
      '–',
    ])
  })
})

describe('a growth table', () => {
  it('has a value column per size and a ratio column per size after the first', () => {
    expect(growthColumns(sizes).map((c) => c.label)).toEqual([
      'figure',
      'unit',
      '1\u2009000',
      '10\u2009000',
      '100\u2009000',
      '10\u2009000 ÷ 1\u2009000',
      '100\u2009000 ÷ 1\u2009000',
    ])
  })

  it('shows each figure’s ratios to its own first value, and – where a size is missing', () => {
    const rows = [
      growthRow({ name: 'search p95', unit: 'ms CPU', sizes, values: [0.5, 0.75, 1.5] }),
      growthRow({ name: 'editor RSS', unit: 'MB', sizes, values: [120, null, 480] }),
    ]
    expect(formatTable(growthColumns(sizes), rows).split('\n').slice(2)).toEqual([
      'search p95  ms CPU    0.5    0.75      1.5            1.50             3.00',
      'editor RSS  MB        120       –      480               –             4.00',
    ])
  })
})

describe('ratioSeries', () => {
  it('is the figure over its sizes as ratios to its first value, missing values left out', () => {
    expect(ratioSeries({ name: 'p95', unit: 'ms', sizes, values: [2, null, 8] })).toEqual({
      name: 'p95',
      points: [
        { x: 1000, y: 1 },
        { x: 100_000, y: 4 },
      ],
    })
    expect(ratioSeries({ name: 'p95', unit: 'ms', sizes, values: [null, 1, 2] }, 'renamed')).toEqual({
      name: 'renamed',
      points: [],
    })
  })
})
