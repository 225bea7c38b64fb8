import { describe, expect, it } from 'vitest'
import { linear } from '../../../test/support/screens.js'
import type { BulkPreview } from '../../state/jobs/bulk-form.js'
import type { ImportPreview } from '../../state/jobs/import-preview.js'
import type { RunProgress, RunResult } from '../../state/jobs/run-progress.js'
import { type BulkAction, describeBulkAction } from '../../transfer/bulk-change.js'
import type { ImportScan } from '../../transfer/scan-import.js'
import { LinearBulkAction } from './BulkActionScreen.js'
import { LinearBulkPreview } from './BulkPreviewScreen.js'
import { LinearBulkValue } from './BulkValueScreen.js'
import { LinearImportPath } from './ImportPathScreen.js'
import { LinearImportPreview } from './ImportPreviewScreen.js'
import { LinearResumeRun } from './ResumeRunPrompt.js'
import { LinearRunGuard } from './RunGuard.js'
import { LinearRunProgress } from './RunProgressScreen.js'
import { LinearRunResult } from './RunResultScreen.js'

// Nothing a screen reader would spell out: box drawing, bars, arrows, pointers.
const drawing = /[─│╭╮╰╯█░›→✗]/

const nurture: BulkAction = { kind: 'set', field: 'stage', value: 'stage_nurture', label: 'Nurture' }
const preview = (change: number, unchanged: number): BulkPreview => ({
  action: nurture,
  summary: describeBulkAction(nurture),
  total: change + unchanged,
  change,
  unchanged,
  invalid: 0,
  samples: [{ name: 'Ada Lovelace', before: 'Lead', after: 'Nurture' }].slice(0, change),
})

const scan = (counts: ImportScan['counts']): ImportScan => ({
  path: '/tmp/contacts.csv',
  format: 'csv',
  options: { match: 'id' },
  hash: 'ab12',
  size: 120,
  mtimeMs: 0,
  headerProblems: [],
  ignoredColumns: [],
  rows: counts.create + counts.update + counts.skip + counts.invalid,
  counts,
})

const progress: RunProgress = {
  total: 120,
  done: 40,
  failed: 1,
  counts: [
    ['updated', 39],
    ['failed', 1],
  ],
  doneAtStart: 0,
  startedAt: 0,
  now: 10_000,
}

describe('the bulk edit in the linear layout (INK_SCREEN_READER)', () => {
  it('reads the highlighted action as a sentence', () => {
    const frame = linear(<LinearBulkAction choice={1} selected={12} />)
    expect(frame).toContain('Bulk edit of 12 selected contacts. Action 2 of 5: Add tags.')
    expect(frame).toContain('Enter to take it, Escape to go back.')
    expect(frame).not.toMatch(drawing)
  })

  it('reads what is typed, the highlighted known stage, and an error', () => {
    const stages = [
      { id: 'stage_nurture', name: 'Nurture' },
      { id: 'stage_new', name: 'New' },
    ]
    const frame = linear(
      <LinearBulkValue kind="stage" input={{ value: 'n', cursor: 1 }} pick={1} stages={stages} selected={12} />,
    )
    expect(frame).toContain('Set the stage, for 12 selected contacts.')
    expect(frame).toMatch(/Stage \d of 2: \w+ \(stage_\w+\)\./)
    expect(frame).toContain('Enter to preview, Escape to go back.')
    expect(frame).not.toMatch(drawing)
    const failed = linear(
      <LinearBulkValue
        kind="addTags"
        input={{ value: '', cursor: 0 }}
        pick={0}
        stages={[]}
        selected={3}
        error="Tags: type at least one tag"
      />,
    )
    expect(failed).toContain('Tags to add (separated by commas): (empty).')
    expect(failed).toContain('Not valid: Tags: type at least one tag')
    expect(failed).not.toMatch(drawing)
  })

  it('reads the preview as the count of changes, each sample old to new, and the keys', () => {
    const frame = linear(<LinearBulkPreview preview={preview(9, 3)} />)
    expect(frame).toContain(
      'Bulk edit of 12 contacts: set stage to Nurture (stage_nurture). 9 change, 3 need no change.',
    )
    expect(frame).toContain('Change 1 of 9: Ada Lovelace, from Lead to Nurture.')
    expect(frame).toContain('Enter to send, Escape to go back.')
    expect(frame).not.toMatch(drawing)
    const nothing = linear(<LinearBulkPreview preview={preview(0, 4)} />)
    expect(nothing).toContain('Nothing to send: every selected contact has it already. Escape to go back.')
    expect(nothing).not.toContain('Enter to send')
  })

  it('reads a run under way in sentences, without a bar', () => {
    const frame = linear(
      <LinearRunProgress title="Set stage to Nurture" progress={progress} stopping={false} unit="contacts" />,
    )
    expect(frame).toContain('Set stage to Nurture: 40 of 120 contacts done. 39 updated, 1 failed.')
    expect(frame).toContain('4.0 per second, about 20 s left.')
    expect(frame).toContain('Escape to stop sending.')
    expect(frame).not.toMatch(drawing)
    const stopping = linear(<LinearRunProgress title="Import" progress={progress} stopping unit="rows" />)
    expect(stopping).toContain('Stopping: the requests under way finish, nothing more is sent.')
    expect(stopping).not.toContain('to stop sending')
  })

  it('reads the result, why it stopped, the highlighted failure, and what r does', () => {
    const result: RunResult = {
      counts: [
        ['updated', 39],
        ['failed', 1],
      ],
      total: 120,
      done: 40,
      failed: 1,
      issues: [
        { label: 'Ada Lovelace', reason: 'the server had a problem (500)' },
        { label: 'Alan Turing', reason: 'skipped: changed by someone else' },
      ],
      stopped: 'stopped with Esc.',
      canRetry: true,
    }
    const frame = linear(<LinearRunResult title="Set stage to Nurture" result={result} top={1} unit="contacts" />)
    expect(frame).toContain('Stopped: Set stage to Nurture. 40 of 120 contacts done: 39 updated, 1 failed.')
    expect(frame).toContain('Failed or skipped 2 of 2: Alan Turing, skipped: changed by someone else.')
    expect(frame).toContain('r to go on where it stopped, Enter to go back to the list.')
    expect(frame).not.toMatch(drawing)
  })

  it('offers the unfinished bulk edit back in sentences', () => {
    const frame = linear(
      <LinearResumeRun
        unfinished={{
          path: '/tmp/bulk.jsonl',
          summary: 'Set stage to Nurture',
          total: 120,
          done: 40,
          failed: 2,
          finished: false,
          startedAt: '2026-12-02T10:15:00.000Z',
        }}
      />,
    )
    expect(frame).toContain(
      'A bulk edit did not finish: Set stage to Nurture. 40 of 120 contacts done, 2 failed, started 2026-12-02 10:15 UTC.',
    )
    expect(frame).toContain(
      'r to resume it (contacts done are not sent again), d to forget it, Escape to decide later.',
    )
    expect(frame).not.toMatch(drawing)
  })
})

describe('the import in the linear layout (INK_SCREEN_READER)', () => {
  it('reads the file typed, the check under way and its error', () => {
    const typed = linear(<LinearImportPath input={{ value: 'contacts.csv', cursor: 12 }} checking={false} />)
    expect(typed).toContain('File to import, CSV or JSONL as cc-tui export writes it: contacts.csv.')
    expect(typed).toContain('Enter to check it, Escape to go back.')
    expect(linear(<LinearImportPath input={{ value: 'a.csv', cursor: 5 }} checking />)).toContain('Checking every row.')
    const failed = linear(
      <LinearImportPath input={{ value: 'a.txt', cursor: 5 }} checking={false} error="File: not a CSV or JSONL file" />,
    )
    expect(failed).toContain('Not valid: File: not a CSV or JSONL file')
    expect(failed).not.toMatch(drawing)
  })

  it('reads the counts and either the way to import or the problems, one at a time', () => {
    const good: ImportPreview = {
      scan: scan({ create: 2, update: 1, skip: 0, invalid: 0 }),
      problems: [],
      moreProblems: 0,
    }
    const frame = linear(<LinearImportPreview preview={good} top={0} />)
    expect(frame).toContain('Import /tmp/contacts.csv: 2 to create, 1 to update, 0 to skip, 0 invalid (3 rows, CSV).')
    expect(frame).toContain('Enter to import it, Escape to go back.')
    expect(frame).not.toMatch(drawing)
    const bad: ImportPreview = {
      scan: scan({ create: 1, update: 0, skip: 0, invalid: 2 }),
      problems: ['Row 2, email "nope": not an email', 'Row 3, stage "": required'],
      moreProblems: 0,
    }
    const problems = linear(<LinearImportPreview preview={bad} top={1} />)
    expect(problems).toContain('Nothing will be sent until these are fixed. Problem 2 of 2: Row 3, stage "": required.')
    expect(problems).not.toContain('to import it')
    expect(problems).not.toMatch(drawing)
  })
})

describe('the quit question during a run, in the linear layout (INK_SCREEN_READER)', () => {
  it('says how far an import is and how it goes on later', () => {
    const frame = linear(
      <LinearRunGuard flow={{ step: 'running', run: 'import', title: 'Import', progress, stopping: false }} />,
    )
    expect(frame).toContain(
      'An import is under way (40 of 120 done). Quit now? It stops after the requests under way; importing the same file again goes on where it stopped.',
    )
    expect(frame).toContain('Press y to quit once the requests under way finish, Ctrl+C to quit at once')
    expect(frame).not.toMatch(drawing)
  })

  it('says so when the run ended while it was asking', () => {
    const frame = linear(<LinearRunGuard flow={{ step: 'bulkAction', choice: 0 }} />)
    expect(frame).toContain('Nothing is running any more. Quit now?')
    expect(frame).not.toContain('under way (')
  })
})
