/**
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula, and tab or
 * carriage return can hide such a start. An export puts a `'` before such a cell, which spreadsheets show as text;
 * a cell that already starts with `'` gets one too, so that an import can always take exactly one off:
 * `restoreCell(neutralizeCell(text)) === text` for every text.
 */
const DANGEROUS_START = /^[=+\-@\t\r']/

/** The cell as an export writes it: `'` in front when a spreadsheet could run it (or when it starts with `'`). */
export function neutralizeCell(text: string): string {
  return DANGEROUS_START.test(text) ? `'${text}` : text
}

/** The cell as an import reads it: one leading `'` taken off. */
export function restoreCell(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text
}
