/**
 * Text from a server (or any other untrusted source) made safe to show. A terminal acts on escape sequences
 * (OSC 52 writes the clipboard, OSC 0 sets the title, CSI moves the cursor and clears the screen, ESC c resets
 * it), on C1 controls (U+009B is CSI on its own), on carriage returns and backspaces (which overwrite what was
 * printed); bidi overrides and isolates reorder what is shown, and zero-width characters hide what is there.
 *
 * Every pattern below is linear: each repeated class excludes whatever could start the next sequence, so a
 * failed match never rescans more than the text up to the next ESC or C1 control.
 */

/** CSI, 7-bit (`ESC [`) or 8-bit (U+009B): parameter bytes, intermediate bytes, one final byte. */
const CSI = String.raw`(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]`
/** OSC, DCS, SOS, PM and APC: a string ended by BEL or ST (`ESC \` or U+009C). */
const CONTROL_STRING = String.raw`(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x80-\x9f]*(?:\x07|\x1b\\|\x9c)`
/** Any other escape sequence: ESC, intermediate bytes, a final byte (`ESC c`, `ESC ( B`, and a broken `ESC [`). */
const OTHER_ESCAPE = String.raw`\x1b[\x20-\x2f]*[\x30-\x7e]`
/**
 * Single code points a terminal acts on or that hide or reorder text: C0 but tab, line feed and carriage return
 * (handled as line breaks), DEL, C1, the Arabic letter mark, the Mongolian vowel separator, zero-width
 * characters and directional marks, bidi embeddings, overrides and isolates, word joiner and invisible operators,
 * the byte order mark, interlinear annotations and tag characters (invisible "ASCII smuggling").
 */
const INVISIBLE = String.raw`[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]`
/** Half of a UTF-16 pair on its own (with the `u` flag, a whole pair is one code point and never matches). */
const LONE_SURROGATE = String.raw`[\ud800-\udfff]`
const LINE_BREAK = String.raw`\r\n|[\r\n\u2028\u2029]`

const SANITIZE = new RegExp(
  `(?:${CSI}|${CONTROL_STRING}|${OTHER_ESCAPE})|(${LINE_BREAK})|(\\t)|(${LONE_SURROGATE})|${INVISIBLE}`,
  'gu',
)
const ESCAPE = new RegExp(`${INVISIBLE}|${LONE_SURROGATE}|[\\r\\u2028\\u2029]`, 'gu')

export interface SanitizeOptions {
  /** Line breaks and tabs become spaces: for one-line messages and log lines, which a line break could forge. */
  singleLine?: boolean
}

/**
 * Untrusted text made safe to print on a terminal: escape sequences are removed whole (with their parameters
 * and payload), other controls, bidi controls and zero-width characters are removed, a lone surrogate becomes
 * U+FFFD, and `\r\n`, `\r`, U+2028 and U+2029 become `\n` (or, with `singleLine`, every line break and tab a
 * space). Letters, emoji, tabs and newlines are left as they are; the result is the same when sanitized again.
 */
export function sanitizeTerminalText(text: string, options: SanitizeOptions = {}): string {
  const singleLine = options.singleLine === true
  // An escape sequence, like any other match but these three, is removed.
  return text.replace(SANITIZE, (_match, lineBreak, tab, surrogate) => {
    if (lineBreak !== undefined) return singleLine ? ' ' : '\n'
    if (tab !== undefined) return singleLine ? ' ' : '\t'
    if (surrogate !== undefined) return '\ufffd'
    return ''
  })
}

/**
 * Untrusted text with every unsafe code point written as a visible escape (`\u001b`, `\u009b`, `\u202e`…, one
 * per UTF-16 unit), tabs and newlines kept: for JSON output, where it keeps the document valid and equal to what
 * it was (`JSON.parse(escapeTerminalText(JSON.stringify(value)))` is `value`), and wherever the reader should see
 * what was sent rather than lose it.
 */
export function escapeTerminalText(text: string): string {
  return text.replace(ESCAPE, (match) => {
    let escaped = ''
    for (let i = 0; i < match.length; i++) escaped += `\\u${match.charCodeAt(i).toString(16).padStart(4, '0')}`
    return escaped
  })
}
