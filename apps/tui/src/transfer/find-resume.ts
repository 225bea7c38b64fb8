import { type JournalPlan, type JournalState, journalPath, journalsOfOtherVersions, readJournal } from './journal.js'
import type { ImportScan } from './scan-import.js'

export interface ResumeLookup {
  /** The journal of an earlier, unfinished run over exactly these bytes. */
  journal?: JournalState
  /** Set when that run used other options: resuming it with these would send rows differently. */
  optionsDiffer?: string
  /** Unfinished imports of the same path with other contents: the file changed since, so this is a new import. */
  earlierVersions: JournalPlan[]
}

/** Looks for an unfinished import of the same file (same SHA-256) to resume. */
export async function findResume(journalDir: string, scan: ImportScan): Promise<ResumeLookup> {
  const journal = await readJournal(journalPath(journalDir, scan.hash))
  const earlierVersions = journalsOfOtherVersions(journalDir, scan.path, scan.hash)
  if (!journal) return { earlierVersions }
  const differences: string[] = []
  if (journal.plan.match !== scan.options.match) differences.push(`--match ${journal.plan.match}`)
  if (journal.plan.ignoreUnknown !== (scan.options.ignoreUnknown ?? false)) {
    differences.push(journal.plan.ignoreUnknown ? 'with --ignore-unknown' : 'without --ignore-unknown')
  }
  return differences.length > 0
    ? { journal, optionsDiffer: differences.join(' and '), earlierVersions }
    : { journal, earlierVersions }
}
