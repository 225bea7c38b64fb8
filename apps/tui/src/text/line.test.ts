import { describe, expect, it } from 'vitest'
import { applyLineOp, editsText, insertLine, type LineOp, type LineState } from './line.js'

const at = (value: string, cursor = value.length): LineState => ({ value, cursor })

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

describe('single-line buffer, past the edges', () => {
  it('works from a cursor past the end as from the end', () => {
    expect(applyLineOp(at('abc', 9), 'left')).toEqual(at('abc', 2))
    expect(applyLineOp(at('abc', 9), 'deleteLeft')).toEqual(at('ab'))
    expect(insertLine(at('abc', 9), 'd')).toEqual(at('abcd'))
    expect(insertLine(at('abc', -1), 'd')).toEqual(at('dabc', 1))
  })

  it('deletes the word after the cursor, skipping the separators before it', () => {
    expect(applyLineOp(at('foo  bar baz', 3), 'deleteWordRight')).toEqual(at('foo baz', 3))
    expect(applyLineOp(at('foo bar', 0), 'deleteToEnd')).toEqual(at('', 0))
  })

  it('tells deletions from motions', () => {
    const ops = ['left', 'right', 'home', 'end', 'wordLeft', 'wordRight'] as const
    expect(ops.map(editsText)).toEqual([false, false, false, false, false, false])
    const deletions = ['deleteLeft', 'deleteRight', 'deleteWordLeft', 'deleteWordRight', 'deleteToStart', 'deleteToEnd']
    expect(deletions.map((op) => editsText(op as LineOp))).toEqual([true, true, true, true, true, true])
  })
})
