import { stripVTControlCharacters } from 'node:util'

// C0 controls except \n, DEL, and C1 controls: never let them reach the terminal.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g
const TAB = /\t/g
const NEWLINES = /\r\n|\r|\n/g

/** Text from the API or a paste, made safe to draw: escape sequences and control characters removed, line breaks kept. */
export function cleanMultiline(text: string): string {
  return stripVTControlCharacters(text).replace(NEWLINES, '\n').replace(TAB, '    ').replace(CONTROL, '')
}

/** The same, on one line: line breaks and tabs become spaces (a paste into a single-line field). */
export function cleanLine(text: string): string {
  return stripVTControlCharacters(text).replace(NEWLINES, ' ').replace(TAB, ' ').replace(CONTROL, '')
}

/** API text for a one-line cell: cleaned, runs of whitespace folded. */
export function displayLine(text: string | null | undefined): string {
  if (!text) return ''
  return cleanLine(text).replace(/\s+/g, ' ').trim()
}
