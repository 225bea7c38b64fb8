import type { JournalState } from '../../transfer/journal.js'
import { type ImportScan, scanIsValid } from '../../transfer/scan-import.js'

/** What checking an import file found, as `cc-tui import --dry-run` says it: enough to confirm and to send. */
export interface ImportPreview {
  scan: ImportScan
  /** Each problem that stops the import, in words: a column, or a row (row, column, value, rule). */
  problems: string[]
  /** Problems found past the ones kept. */
  moreProblems: number
  /** An unfinished import of exactly this file: a run resumes it (rows done are not sent again). */
  resume?: JournalState | undefined
  /** Why the file cannot be imported as it is (an unfinished run of it with other options): nothing is sent. */
  blocked?: string | undefined
}

/** Whether Enter may import: no problem in the file and nothing blocking a resume. */
export const canImport = (preview: ImportPreview): boolean =>
  scanIsValid(preview.scan) &&
  preview.blocked === undefined &&
  preview.scan.counts.create + preview.scan.counts.update > 0

/** The counts line of `cc-tui import --dry-run`. */
export function importSummary(scan: ImportScan): string {
  const n = (count: number) => count.toLocaleString('en-US')
  const { counts } = scan
  return `${n(counts.create)} to create, ${n(counts.update)} to update, ${n(counts.skip)} to skip, ${n(counts.invalid)} invalid (${n(scan.rows)} ${scan.rows === 1 ? 'row' : 'rows'}, ${scan.format.toUpperCase()})`
}
