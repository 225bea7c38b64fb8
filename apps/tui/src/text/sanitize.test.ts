import { describe, expect, it } from 'vitest'
import { cleanLine, cleanMultiline, displayLine } from './sanitize.js'

describe('sanitize', () => {
  it('strips escape sequences and control characters from API text', () => {
    expect(displayLine('Ada\u001b[31m Red\u001b[0m\u0007 \u001b]0;title\u0007Lovelace')).toBe('Ada Red Lovelace')
    expect(cleanLine('a\r\nb\tc\u0000')).toBe('a b c')
    expect(cleanMultiline('one\r\ntwo\rthree\u001b[2J')).toBe('one\ntwo\nthree')
  })
})
