import { expect, it } from 'vitest'
import { RowSet } from './row-set.js'

it('remembers row numbers, growing as needed', () => {
  const rows = new RowSet()
  for (const row of [1, 2, 9, 100_000, 2]) rows.add(row)
  expect(rows.size).toBe(4)
  expect([0, 1, 2, 3, 9, 99_999, 100_000, 100_001].map((row) => rows.has(row))).toEqual([
    false,
    true,
    true,
    false,
    true,
    false,
    true,
    false,
  ])
  rows.delete(9)
  rows.delete(10)
  expect([rows.has(9), rows.size]).toEqual([false, 3])
  expect(() => rows.add(-1)).toThrow(RangeError)
})
