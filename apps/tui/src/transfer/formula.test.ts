import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { riskyText } from '../../test/support/arbitrary-contacts.js'
import { neutralizeCell, restoreCell } from './formula.js'

describe('formula neutralisation', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+15551234567', "'+15551234567"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ["'quoted", "''quoted"],
    ['plain', 'plain'],
    ['a=1', 'a=1'],
    ['', ''],
  ])('export writes %j as %j', (text, written) => {
    expect(neutralizeCell(text)).toBe(written)
  })

  it('import takes exactly one leading quote off', () => {
    expect(restoreCell("''x")).toBe("'x")
    expect(restoreCell("'=1")).toBe('=1')
    expect(restoreCell('=1')).toBe('=1')
  })

  it('round-trips every text: restore(neutralize(x)) = x', () => {
    fc.assert(fc.property(riskyText(), (text) => restoreCell(neutralizeCell(text)) === text))
  })

  it('never leaves a cell a spreadsheet would run', () => {
    fc.assert(fc.property(riskyText(), (text) => !/^[=+\-@\t\r]/.test(neutralizeCell(text))))
  })
})
