import { describe, expect, it } from 'vitest'
import { cleanLine, cleanMultiline, displayLine } from './sanitize.js'

const ESC = '\u001b'

describe('sanitize', () => {
  it('strips escape sequences and control characters from API text', () => {
    expect(displayLine('Ada\u001b[31m Red\u001b[0m\u0007 \u001b]0;title\u0007Lovelace')).toBe('Ada Red Lovelace')
    expect(cleanLine('a\r\nb\tc\u0000')).toBe('a b c')
    expect(cleanMultiline('one\r\ntwo\rthree\u001b[2J')).toBe('one\ntwo\nthree')
  })

  it('removes clipboard writes, title changes, C1 controls, bidi overrides and zero-width characters', () => {
    const hostile = `Ev${ESC}]52;c;cm0gLXJmIH4=\u0007e ${ESC}]2;pwned${ESC}\\\u009b31mMa\u200blory\u202e\u2066gpj.exe\u2069\u200d\ufeff`
    expect(displayLine(hostile)).toBe('Eve Malorygpj.exe')
    expect(cleanMultiline(`line\u2028two\u0085\u202e`)).toBe('line\ntwo')
  })
})

describe('one-line display text', () => {
  it('is empty for no text, and folds and trims whitespace', () => {
    expect(displayLine(undefined)).toBe('')
    expect(displayLine(null)).toBe('')
    expect(displayLine('')).toBe('')
    expect(displayLine('  Ada \t\n  Lovelace  ')).toBe('Ada Lovelace')
  })

  it('keeps tabs in multi-line text as four spaces, and as one space on a line', () => {
    expect(cleanMultiline('a\tb')).toBe('a    b')
    expect(cleanLine('a\tb\nc')).toBe('a b c')
  })
})
