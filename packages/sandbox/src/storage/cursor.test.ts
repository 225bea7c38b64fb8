import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor } from './cursor.js'

/** A cursor-shaped string holding this JSON value. */
const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

describe('cursors', () => {
  it('round-trip every position from 0', () => {
    for (const position of [0, 1, 10, 2 ** 40, Number.MAX_SAFE_INTEGER]) {
      const cursor = encodeCursor(position)
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
      expect(decodeCursor(cursor)).toBe(position)
    }
  })

  it('are versioned JSON: another version, a missing or unsafe position is not ours', () => {
    expect(decodeCursor(forged({ v: 1, after: 7 }))).toBe(7)
    for (const value of [
      { v: 2, after: 7 },
      { v: '1', after: 7 },
      { after: 7 },
      { v: 1 },
      { v: 1, after: '7' },
      { v: 1, after: -1 },
      { v: 1, after: 1.5 },
      { v: 1, after: 2 ** 53 },
      null,
      7,
      'text',
      [1, 7],
    ]) {
      expect(decodeCursor(forged(value)), JSON.stringify(value)).toBeUndefined()
    }
    expect(decodeCursor(Buffer.from('{"v":1,').toString('base64url'))).toBeUndefined()
  })

  it('are base64url only, with at most two "=" of padding', () => {
    const cursor = encodeCursor(5)
    expect(decodeCursor(`${cursor}=`)).toBe(5)
    expect(decodeCursor(`${cursor}==`)).toBe(5)
    for (const bad of [`${cursor}===`, `!${cursor}`, `${cursor}!`, `${cursor.slice(0, 4)} ${cursor.slice(4)}`, '']) {
      expect(decodeCursor(bad), bad).toBeUndefined()
    }
  })

  it('are at most 200 characters', () => {
    const value = { v: 1, after: 5, pad: '' }
    value.pad = 'x'.repeat(150 - JSON.stringify(value).length)
    const longest = forged(value)
    expect(longest).toHaveLength(200)
    expect(decodeCursor(longest)).toBe(5)
    expect(decodeCursor(`${longest}=`)).toBeUndefined()
  })
})
