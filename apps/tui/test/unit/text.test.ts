import { describe, expect, it } from 'vitest'
import { applyLineOp, insertLine, type LineState } from '../../src/text/line.js'
import { applyMultilineOp, cursorRow, insertMultiline, layoutRows } from '../../src/text/multiline.js'
import { cleanLine, cleanMultiline, displayLine } from '../../src/text/sanitize.js'

const at = (value: string, cursor = value.length): LineState => ({ value, cursor })

describe('sanitize', () => {
  it('strips escape sequences and control characters from API text', () => {
    expect(displayLine('Ada\u001b[31m Red\u001b[0m\u0007 \u001b]0;title\u0007Lovelace')).toBe('Ada Red Lovelace')
    expect(cleanLine('a\r\nb\tc\u0000')).toBe('a b c')
    expect(cleanMultiline('one\r\ntwo\rthree\u001b[2J')).toBe('one\ntwo\nthree')
  })
})

describe('single-line buffer', () => {
  it('moves by character, word and line', () => {
    expect(applyLineOp(at('hello world', 5), 'left').cursor).toBe(4)
    expect(applyLineOp(at('hello world', 5), 'right').cursor).toBe(6)
    expect(applyLineOp(at('hello world', 5), 'home').cursor).toBe(0)
    expect(applyLineOp(at('hello world', 0), 'end').cursor).toBe(11)
    expect(applyLineOp(at('hello big world', 15), 'wordLeft').cursor).toBe(10)
    expect(applyLineOp(at('hello big world', 10), 'wordLeft').cursor).toBe(6)
    expect(applyLineOp(at('hello big world', 0), 'wordRight').cursor).toBe(5)
    expect(applyLineOp(at('hello big world', 5), 'wordRight').cursor).toBe(9)
  })

  it('deletes characters, words and to either end', () => {
    expect(applyLineOp(at('hello'), 'deleteLeft')).toEqual(at('hell'))
    expect(applyLineOp(at('hello', 0), 'deleteRight')).toEqual(at('ello', 0))
    expect(applyLineOp(at('foo bar.baz'), 'deleteWordLeft')).toEqual(at('foo bar.'))
    expect(applyLineOp(at('foo bar  '), 'deleteWordLeft')).toEqual(at('foo '))
    expect(applyLineOp(at('foo bar', 3), 'deleteWordRight')).toEqual(at('foo', 3))
    expect(applyLineOp(at('foo bar', 4), 'deleteToStart')).toEqual(at('bar', 0))
    expect(applyLineOp(at('foo bar', 3), 'deleteToEnd')).toEqual(at('foo', 3))
  })

  it('does nothing at the edges', () => {
    expect(applyLineOp(at('', 0), 'deleteLeft')).toEqual(at('', 0))
    expect(applyLineOp(at('ab', 2), 'deleteRight')).toEqual(at('ab', 2))
    expect(applyLineOp(at('ab', 0), 'left')).toEqual(at('ab', 0))
  })

  it('never splits a surrogate pair', () => {
    const s = at('a😀b', 3)
    expect(applyLineOp(s, 'left').cursor).toBe(1)
    expect(applyLineOp(at('a😀b', 1), 'right').cursor).toBe(3)
    expect(applyLineOp(s, 'deleteLeft')).toEqual(at('ab', 1))
  })

  it('inserts at the cursor and sanitises a paste to one line', () => {
    expect(insertLine(at('ac', 1), 'b')).toEqual(at('abc', 2))
    expect(insertLine(at('', 0), 'line one\r\nline two\u001b[31m!')).toEqual(at('line one line two!'))
  })
})

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
