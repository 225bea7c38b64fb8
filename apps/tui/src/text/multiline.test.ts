import { describe, expect, it } from 'vitest'
import { applyMultilineOp, cursorRow, insertMultiline, isLineOp, layoutRows, type MultilineOp } from './multiline.js'

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

const texts = (value: string, width: number) => layoutRows(value, width).map((r) => value.slice(r.start, r.end))

describe('wrapping', () => {
  it('keeps a line exactly as wide as the box on one row', () => {
    expect(texts('abcd', 4)).toEqual(['abcd'])
    expect(texts('abcde', 4)).toEqual(['abcd', 'e'])
  })

  it('breaks after the last space that fits, and hard-breaks a word with no space before it', () => {
    expect(texts('aaaa bbbb', 4)).toEqual(['aaaa', ' bbb', 'b'])
    expect(texts('ab cd ef', 6)).toEqual(['ab cd ', 'ef'])
    expect(texts('a bcdef', 5)).toEqual(['a ', 'bcdef'])
  })

  it('wraps at least one character a row, whatever the width', () => {
    expect(texts('ab', 0)).toEqual(['a', 'b'])
    expect(texts('abcd', 2.9)).toEqual(['ab', 'cd'])
  })

  it('puts a cursor past the end of the text on the last row', () => {
    expect(cursorRow(layoutRows('ab\ncd', 10), 9)).toBe(1)
  })
})

describe('moving and editing in rows', () => {
  const at = (value: string, cursor: number) => ({ value, cursor })

  it('keeps the column from the row it started on, and stops short of a soft row’s end', () => {
    expect(applyMultilineOp(at('abcdef\nabcdef', 9), 'up', 20)).toEqual({ value: 'abcdef\nabcdef', cursor: 2, goal: 2 })
    expect(applyMultilineOp(at('a bcdef', 6), 'up', 5).cursor).toBe(1)
  })

  it('goes to the very end from the last row, and a page up from the top to the very start', () => {
    expect(applyMultilineOp(at('ab\ncd', 4), 'down', 10)).toEqual(at('ab\ncd', 5))
    expect(applyMultilineOp(at('ab\ncd', 4), 'pageUp', 10)).toEqual({ value: 'ab\ncd', cursor: 1, goal: 1 })
    expect(applyMultilineOp(at('ab\ncd', 1), 'pageUp', 10)).toEqual(at('ab\ncd', 0))
    expect(applyMultilineOp(at('a\nb\nc\nd', 0), 'pageDown', 10, 2)).toEqual({
      value: 'a\nb\nc\nd',
      cursor: 4,
      goal: 0,
    })
  })

  it('moves by character and word across lines', () => {
    const value = 'one two\nthree'
    expect(applyMultilineOp(at(value, 8), 'left', 20)).toEqual(at(value, 7))
    expect(applyMultilineOp(at(value, 7), 'right', 20)).toEqual(at(value, 8))
    expect(applyMultilineOp(at(value, 8), 'wordLeft', 20)).toEqual(at(value, 4))
    expect(applyMultilineOp(at(value, 3), 'wordRight', 20)).toEqual(at(value, 7))
  })

  it('deletes a character either side, a line break too', () => {
    expect(applyMultilineOp(at('ab\ncd', 3), 'deleteLeft', 20)).toEqual(at('abcd', 2))
    expect(applyMultilineOp(at('ab\ncd', 2), 'deleteRight', 20)).toEqual(at('abcd', 2))
  })

  it('deletes a word back only to the start of its line', () => {
    expect(applyMultilineOp(at('one\n  two', 6), 'deleteWordLeft', 20)).toEqual(at('one\ntwo', 4))
    expect(applyMultilineOp(at('one\n  \nx', 6), 'deleteWordLeft', 20)).toEqual(at('one\n\nx', 4))
  })

  it('deletes a word forward only to the end of its line, and a line break on its own', () => {
    expect(applyMultilineOp(at('one\ntwo', 3), 'deleteWordRight', 20)).toEqual(at('onetwo', 3))
    expect(applyMultilineOp(at('a  \nb', 1), 'deleteWordRight', 20)).toEqual(at('a\nb', 1))
    expect(applyMultilineOp(at('one two', 3), 'deleteWordRight', 20)).toEqual(at('one', 3))
  })

  it('deletes to the start of the row, or joins the line to the one above at its start', () => {
    expect(applyMultilineOp(at('one\ntwo', 6), 'deleteToStart', 20)).toEqual(at('one\no', 4))
    expect(applyMultilineOp(at('one\ntwo', 4), 'deleteToStart', 20)).toEqual(at('onetwo', 3))
    expect(applyMultilineOp(at('aaa bbb ccc', 8), 'deleteToStart', 8)).toEqual(at('aaa bbb ccc', 8))
  })

  it('deletes to the end of the row', () => {
    expect(applyMultilineOp(at('one\ntwo', 1), 'deleteToEnd', 20)).toEqual(at('o\ntwo', 1))
    expect(applyMultilineOp(at('one two', 7), 'deleteToEnd', 20)).toEqual(at('one two', 7))
  })

  it('tells the operations a one-line field can do from the row moves', () => {
    expect(['up', 'down', 'pageUp', 'pageDown', 'newline'].map((op) => isLineOp(op as MultilineOp))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ])
    expect(isLineOp('deleteWordLeft')).toBe(true)
    expect(isLineOp('home')).toBe(true)
  })
})

describe('deleting to the ends of a row at the ends of the text', () => {
  it('leaves the text as it is at its very start or its very end', () => {
    expect(applyMultilineOp({ value: 'ab\ncd', cursor: 0 }, 'deleteToStart', 20)).toEqual({
      value: 'ab\ncd',
      cursor: 0,
    })
    expect(applyMultilineOp({ value: 'ab\ncd', cursor: 5 }, 'deleteToEnd', 20)).toEqual({ value: 'ab\ncd', cursor: 5 })
  })

  it('joins lines at a line break, and keeps to the row inside a wrapped line', () => {
    expect(applyMultilineOp({ value: 'ab\ncd', cursor: 2 }, 'deleteToEnd', 20)).toEqual({ value: 'abcd', cursor: 2 })
    expect(applyMultilineOp({ value: 'ab\ncd', cursor: 3 }, 'deleteToStart', 20)).toEqual({ value: 'abcd', cursor: 2 })
    expect(applyMultilineOp({ value: 'one two', cursor: 4 }, 'deleteToStart', 4)).toEqual({
      value: 'one two',
      cursor: 4,
    })
    expect(applyMultilineOp({ value: 'one two', cursor: 1 }, 'deleteToEnd', 4)).toEqual({ value: 'otwo', cursor: 1 })
  })
})
