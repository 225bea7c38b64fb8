import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { escapeTerminalText, sanitizeTerminalText } from './untrusted-text.js'

/** What a terminal acts on or hides, and what is not text at all (a lone surrogate). */
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these characters are what the test looks for
  /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]|[\ud800-\udfff]/u
const UNSAFE_OR_BREAK = new RegExp(`${UNSAFE.source}|[\\t\\n\\u2028\\u2029]`, 'u')

const ESC = '\x1b'
/** Every code point a terminal may act on or hide, and a few that look alike but are harmless. */
const nasty = fc.constantFrom(
  ESC,
  '\x07',
  '\x08',
  '\r',
  '\n',
  '\t',
  '\x00',
  '\x7f',
  '\u0080',
  '\u009b',
  '\u009c',
  '\u009d',
  '\u0090',
  '\u061c',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u2060',
  '\u2028',
  '\ufeff',
  '\u{e0041}',
  '\ud800',
  '\udfff',
  '[',
  ']',
  '\\',
  ';',
  'm',
  '0',
  'é',
  '😀',
)
/** Text made mostly of the characters above: escape sequences, whole or broken, come up by themselves. */
const hostileText = fc.string({ unit: fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 40 })
/** Text with nothing unsafe in it (tabs and newlines included). */
const safeText = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((text) => !UNSAFE.test(text) && !/\r/.test(text))
const singleLineSafe = safeText.filter((text) => !UNSAFE_OR_BREAK.test(text))

/** ECMA-48 sequences as terminals read them: CSI (7- and 8-bit), and OSC/DCS/APC… strings ended by BEL or ST. */
const csi = fc
  .tuple(
    fc.constantFrom(`${ESC}[`, '\u009b'),
    fc.string({ unit: fc.constantFrom(...'0123456789:;<=>?'), maxLength: 8 }),
    fc.string({ unit: fc.constantFrom(...' !"#$%&\'()*+,-./'), maxLength: 2 }),
    fc.constantFrom(...'@ABCDHJKmhlsu~'),
  )
  .map((parts) => parts.join(''))
const stringSequence = fc
  .tuple(
    fc.constantFrom(`${ESC}]`, `${ESC}P`, `${ESC}_`, `${ESC}^`, `${ESC}X`, '\u009d', '\u0090', '\u009f'),
    // Printable ASCII: neither BEL nor ESC, so the string ends where the terminator says.
    fc.string({ unit: 'grapheme-ascii', maxLength: 20 }),
    fc.constantFrom('\x07', `${ESC}\\`, '\u009c'),
  )
  .map((parts) => parts.join(''))
const otherEscape = fc.constantFrom(`${ESC}c`, `${ESC}7`, `${ESC}8`, `${ESC}(B`, `${ESC}#8`, `${ESC}=`, `${ESC}M`)
const sequence = fc.oneof(csi, stringSequence, otherEscape)

describe('sanitizeTerminalText', () => {
  it('leaves nothing a terminal acts on or hides', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(sanitizeTerminalText(text)).not.toMatch(UNSAFE)
        expect(sanitizeTerminalText(text, { singleLine: true })).not.toMatch(UNSAFE_OR_BREAK)
      }),
    )
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(hostileText, fc.boolean(), (text, singleLine) => {
        const once = sanitizeTerminalText(text, { singleLine })
        expect(sanitizeTerminalText(once, { singleLine })).toBe(once)
      }),
    )
  })

  it('leaves safe text as it is: letters, emoji, accents, tabs and newlines', () => {
    fc.assert(
      fc.property(safeText, (text) => {
        expect(sanitizeTerminalText(text)).toBe(text)
      }),
    )
    fc.assert(
      fc.property(singleLineSafe, (text) => {
        expect(sanitizeTerminalText(text, { singleLine: true })).toBe(text)
      }),
    )
  })

  it('removes every escape sequence whole, parameters and payload included', () => {
    fc.assert(
      fc.property(singleLineSafe, sequence, singleLineSafe, (before, seq, after) => {
        expect(sanitizeTerminalText(`${before}${seq}${after}`)).toBe(`${before}${after}`)
      }),
    )
  })

  it.each([
    ['an OSC 52 clipboard write', `copy${ESC}]52;c;cm0gLXJmIH4=\x07 me`, 'copy me'],
    ['a title change ended by ST', `a${ESC}]0;pwned${ESC}\\b`, 'ab'],
    ['a screen clear and cursor move', `${ESC}[2J${ESC}[1;1Hok`, 'ok'],
    ['an 8-bit CSI', 'red\u009b31m text\u009b0m', 'red text'],
    ['a hyperlink (OSC 8)', `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`, 'click'],
    ['a reset (RIS)', `x${ESC}cy`, 'xy'],
    ['bidi overrides and isolates', 'file\u202eexe.txt\u202c \u2066a\u2069\u061c', 'fileexe.txt a'],
    ['zero-width characters', 'pa\u200by\u200cp\u200da\u200el\u200f\u2060\ufeff', 'paypal'],
    ['Unicode tag characters', 'hi\u{e0049}\u{e0067}', 'hi'],
    ['backspaces and bells', 'pass\x08\x08\x08\x08fail\x07', 'passfail'],
    ['an unfinished string: only its introducer goes', `${ESC}]0;no end`, '0;no end'],
    ['a lone surrogate', 'a\ud800b', 'a\ufffdb'],
  ])('%s', (_, text, expected) => {
    expect(sanitizeTerminalText(text)).toBe(expected)
  })

  it('keeps lines, or puts them on one', () => {
    expect(sanitizeTerminalText('one\r\ntwo\rthree\u2028four\tfive')).toBe('one\ntwo\nthree\nfour\tfive')
    expect(sanitizeTerminalText('one\r\ntwo\nthree\tfour', { singleLine: true })).toBe('one two three four')
  })

  it('works in linear time on the inputs that make naive patterns backtrack (a quadratic one would take minutes)', () => {
    const size = 256 * 1024
    for (const unit of [`${ESC}[`, `${ESC}]`, '\u009d', `${ESC}[0`, `${ESC}]x`, '\u009b;', `${ESC}(`]) {
      const text = unit.repeat(size / unit.length)
      expect(sanitizeTerminalText(text)).not.toMatch(UNSAFE)
    }
    expect(sanitizeTerminalText(`${ESC}[${'0'.repeat(size)}`)).toBe('0'.repeat(size))
    expect(sanitizeTerminalText(`${ESC}]${'x'.repeat(size)}`)).toBe('x'.repeat(size))
  })
})

describe('escapeTerminalText', () => {
  it('escapes every unsafe character visibly, \\u009b style, and keeps tabs and newlines', () => {
    expect(escapeTerminalText(`a${ESC}[31mb\u009bc\u202ed\u200be\u{e0041}\r\n\t`)).toBe(
      'a\\u001b[31mb\\u009bc\\u202ed\\u200be\\udb40\\udc41\\u000d\n\t',
    )
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(escapeTerminalText(text)).not.toMatch(UNSAFE)
      }),
    )
  })

  it('keeps JSON valid and equal to what it was', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), hostileText, (value, indent, key) => {
        const withHostile = { [key]: value, text: key }
        const escaped = escapeTerminalText(JSON.stringify(withHostile, null, indent))
        expect(escaped).not.toMatch(UNSAFE)
        expect(JSON.parse(escaped)).toEqual(JSON.parse(JSON.stringify(withHostile)))
      }),
    )
  })

  it('leaves safe text as it is', () => {
    fc.assert(
      fc.property(safeText, (text) => {
        expect(escapeTerminalText(text)).toBe(text)
      }),
    )
  })
})
