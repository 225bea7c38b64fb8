import { sanitizeTerminalText } from '@cc/client'

const TAB = /\t/g

/**
 * Text from the API, a paste or a file, made safe to draw: escape sequences, control characters, bidi controls
 * and zero-width characters removed; line breaks kept, tabs as four spaces.
 */
export function cleanMultiline(text: string): string {
  return sanitizeTerminalText(text).replace(TAB, '    ')
}

/** The same, on one line: line breaks and tabs become spaces (a paste into a single-line field). */
export function cleanLine(text: string): string {
  return sanitizeTerminalText(text, { singleLine: true })
}

/** API text for a one-line cell or message: cleaned, runs of whitespace folded. */
export function displayLine(text: string | null | undefined): string {
  if (!text) return ''
  return cleanLine(text).replace(/\s+/g, ' ').trim()
}
