import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { escapeTerminalText } from '@cc/client'
import { plural } from '../ui/labels.js'
import { type DraftStore, isNewContactId, type StoredDraft, subjectOf } from './draft-store.js'

export interface ExitReportOptions {
  /** Where a rescue file goes when the drafts directory cannot take one. */
  tempDir?: string
  now?: () => Date
}

/** The rescued drafts, as a drafts file of their own (the same format, so nothing is needed to read it). */
function rescueFile(drafts: readonly StoredDraft[]): string {
  const entries = Object.fromEntries(
    drafts.map((draft) => [`${subjectOf(draft)}~${draft.session ?? 'rescued'}`, draft]),
  )
  return `${JSON.stringify({ version: 1, drafts: entries }, null, 2)}\n`
}

/** How the person gets kept drafts back: open the contact again; `n` for a new contact, `a` for an activity. */
function howToRestore(drafts: readonly StoredDraft[], count: number): string {
  const ways = new Set(
    drafts.map((draft) =>
      draft.kind === 'activity'
        ? 'press a on the contact (an activity)'
        : isNewContactId(draft.contactId)
          ? 'press n in the list (a new contact)'
          : 'open the contact again',
    ),
  )
  return `${[...ways].join(', or ')} to restore ${count === 1 ? 'it' : 'them'}`
}

/** Write the rescue file next to the drafts file, else in a private temporary directory; the path, or nothing. */
function writeRescue(store: DraftStore, content: string, options: ExitReportOptions): string | undefined {
  const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')
  const places = [
    () => join(dirname(store.path), `drafts-rescued-${stamp}-${process.pid}.json`),
    // A directory of its own, readable by the user only: the drafts hold contacts' details.
    () => join(mkdtempSync(join(options.tempDir ?? tmpdir(), 'cc-tui-drafts-')), 'drafts-rescued.json'),
  ]
  for (const place of places) {
    try {
      const file = place()
      writeFileSync(file, content, { mode: 0o600, flag: 'wx', flush: true })
      return file
    } catch {
      // Try the next place.
    }
  }
  return undefined
}

/**
 * What the exit says about this editor's drafts, after the last flush: where they are kept; or, when they could
 * not be written, that they were not saved, why, and where their text went (a rescue file, else the text itself
 * on these lines). Nothing when the editor has no drafts. Never throws: it runs on the way out of a crash too.
 */
export function draftsExitReport(store: DraftStore, options: ExitReportOptions = {}): string[] {
  const unsaved = store.unsaved()
  if (unsaved.length === 0) {
    const mine = store.mine()
    const kept = mine.length
    if (kept === 0) return []
    return [
      `cc-tui: ${plural(kept, 'unsaved draft')} ${kept === 1 ? 'is' : 'are'} kept in ${store.path}: ${howToRestore(mine, kept)}.`,
    ]
  }
  const health = store.health()
  const why = health.ok ? 'it was not written yet' : health.problem
  const names = unsaved.map((draft) => draft.title).join(', ')
  const lines = [
    `cc-tui: ${plural(unsaved.length, 'unsaved draft')} (${escapeTerminalText(names)}) could not be saved: ${why}.`,
  ]
  const content = rescueFile(unsaved)
  const file = writeRescue(store, content, options)
  const their = unsaved.length === 1 ? 'Its' : 'Their'
  if (file) lines.push(`${their} text is in ${file} (readable only by you).`)
  else
    lines.push(`${their} text could not be written anywhere either; here it is:`, escapeTerminalText(content.trimEnd()))
  return lines
}
