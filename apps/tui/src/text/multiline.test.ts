import { describe, expect, it } from 'vitest'
import { applyMultilineOp, cursorRow, insertMultiline, layoutRows } from './multiline.js'

describe('multi-line buffer', () => {
  it('soft-wraps at spaces and hard-wraps long words', () => {
    const rows = layoutRows('aaa bbb ccc\ndddddddddd', 8)
    const text = 'aaa bbb ccc\ndddddddddd'
    expect(rows.map((r) => text.slice(r.start, r.end))).toEqual(['aaa bbb ', 'ccc', 'dddddddd', 'dd'])
    expect(rows.map((r) => r.soft)).toEqual([true, false, true, false])
    expect(layoutRows('', 10)).toEqual([{ start: 0, end: 0, soft: false }])
  })

  it('puts the cursor at a soft break on the next row', () => {
    const rows = layoutRows('aaa bbb ccc', 8)
    expect(cursorRow(rows, 7)).toBe(0)
    expect(cursorRow(rows, 8)).toBe(1)
    expect(cursorRow(rows, 11)).toBe(1)
  })

  it('moves up and down by visual rows, keeping the column', () => {
    const value = 'abcdef\nab\nabcdef'
    let s = { value, cursor: 4 }
    s = applyMultilineOp(s, 'down', 20)
    expect(s.cursor).toBe(9) // end of "ab"
    s = applyMultilineOp(s, 'down', 20)
    expect(s.cursor).toBe(14) // column 4 again
    s = applyMultilineOp(s, 'down', 20)
    expect(s.cursor).toBe(value.length) // the last row: to the end
    expect(applyMultilineOp({ value, cursor: 3 }, 'up', 20).cursor).toBe(0)
  })

  it('inserts new lines and cleans pasted text', () => {
    expect(applyMultilineOp({ value: 'ab', cursor: 1 }, 'newline', 10)).toEqual({ value: 'a\nb', cursor: 2 })
    expect(insertMultiline({ value: '', cursor: 0 }, 'x\r\ny\tz')).toEqual({ value: 'x\ny    z', cursor: 8 })
  })

  it('keeps word deletion inside the line', () => {
    expect(applyMultilineOp({ value: 'one\ntwo', cursor: 4 }, 'deleteWordLeft', 20)).toEqual({
      value: 'onetwo',
      cursor: 3,
    })
    expect(applyMultilineOp({ value: 'one\ntwo three', cursor: 7 }, 'deleteWordLeft', 20)).toEqual({
      value: 'one\n three',
      cursor: 4,
    })
    expect(applyMultilineOp({ value: 'one\ntwo', cursor: 3 }, 'deleteToEnd', 20)).toEqual({
      value: 'onetwo',
      cursor: 3,
    })
  })

  it('handles Home and End on the visual row', () => {
    const value = 'aaa bbb ccc'
    expect(applyMultilineOp({ value, cursor: 10 }, 'home', 8).cursor).toBe(8)
    expect(applyMultilineOp({ value, cursor: 2 }, 'end', 8).cursor).toBe(7)
  })
})
