import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  type BulkJournalPlan,
  bulkItems,
  ImportJournal,
  Journal,
  JournalBusyError,
  type JournalPlan,
  journalPath,
  journalsOfOtherVersions,
  listJournals,
  readBulkJournal,
  readJournal,
} from './journal.js'

const plan = (hash = 'a'.repeat(64), file = '/tmp/contacts.csv'): JournalPlan => ({
  journal: 'cc-tui import',
  version: 1,
  hash,
  file,
  format: 'csv',
  match: 'id',
  ignoreUnknown: false,
  rows: 4,
  create: 3,
  update: 1,
  skip: 0,
  startedAt: '2026-01-02T03:04:05.000Z',
})

const dir = () => mkdtempSync(join(tmpdir(), 'cc-tui-journal-'))

describe('import journal', () => {
  it('keeps the plan and each outcome; the last outcome of a row counts', async () => {
    const journals = dir()
    const journal = ImportJournal.create(journals, plan())
    journal.record({ row: 2, outcome: 'created', id: 'c2' })
    journal.record({ row: 3, outcome: 'failed', error: 'Not found (404)' })
    journal.record({ row: 4, outcome: 'failed', error: 'The server said no (409).' })
    journal.record({ row: 4, outcome: 'updated', id: 'c4' })
    journal.close()
    const state = await readJournal(journalPath(journals, plan().hash))
    expect(state?.plan).toEqual(plan())
    expect([2, 3, 4, 5].map((row) => state?.done.has(row))).toEqual([true, false, true, false])
    expect([2, 3, 4].map((row) => state?.failed.has(row))).toEqual([false, true, false])
    expect(state?.failures).toEqual(new Map([[3, 'Not found (404)']]))
    expect(state?.finishedAt).toBeUndefined()
  })

  it('reads past a torn last line (power lost mid-write), and a resumed journal starts on a new line', async () => {
    const journals = dir()
    const first = ImportJournal.create(journals, plan())
    first.record({ row: 2, outcome: 'created', id: 'c2' })
    first.close()
    const path = journalPath(journals, plan().hash)
    appendFileSync(path, '{"row":3,"outc')
    expect((await readJournal(path))?.done.size).toBe(1)
    const again = ImportJournal.reopen(path)
    again.record({ row: 3, outcome: 'created', id: 'c3' })
    again.close()
    const state = await readJournal(path)
    expect([state?.done.has(2), state?.done.has(3)]).toEqual([true, true])
  })

  it('is deleted when every row is done, kept and marked when some failed', async () => {
    const journals = dir()
    const done = ImportJournal.create(journals, plan())
    done.record({ row: 2, outcome: 'created', id: 'c2' })
    done.finish(0)
    expect(existsSync(journalPath(journals, plan().hash))).toBe(false)

    const failed = ImportJournal.create(journals, plan())
    failed.record({ row: 2, outcome: 'failed', error: 'x' })
    failed.finish(1)
    const state = await readJournal(journalPath(journals, plan().hash))
    expect(state?.finishedAt).toMatch(/^\d{4}-/)
    expect(state?.failed.size).toBe(1)
  })

  it('has no journal for a file never imported, and none for an unreadable plan line', async () => {
    const journals = dir()
    expect(await readJournal(journalPath(journals, plan().hash))).toBeUndefined()
    writeFileSync(journalPath(journals, plan().hash), 'garbage\n')
    expect(await readJournal(journalPath(journals, plan().hash))).toBeUndefined()
  })

  it('refuses a second writer while the first runs, and takes over the lock of a dead one', () => {
    const journals = dir()
    const path = journalPath(journals, plan().hash)
    // The parent of this test process is alive for sure.
    writeFileSync(`${path}.lock`, String(process.ppid))
    expect(() => ImportJournal.create(journals, plan())).toThrow(JournalBusyError)
    // No process has this id (above the kernel's pid_max).
    writeFileSync(`${path}.lock`, String(2 ** 30))
    const journal = ImportJournal.create(journals, plan())
    expect(readFileSync(`${path}.lock`, 'utf8')).toBe(String(process.pid))
    journal.close()
    expect(existsSync(`${path}.lock`)).toBe(false)
  })

  it('finds the journals of earlier contents of the same file', () => {
    const journals = dir()
    ImportJournal.create(journals, plan('b'.repeat(64))).close()
    ImportJournal.create(journals, plan('c'.repeat(64), '/elsewhere.csv')).close()
    expect(journalsOfOtherVersions(journals, '/tmp/contacts.csv', 'a'.repeat(64)).map((p) => p.hash)).toEqual([
      'b'.repeat(64),
    ])
    expect(journalsOfOtherVersions(journals, '/tmp/contacts.csv', 'b'.repeat(64))).toEqual([])
  })
})

const bulkPlan = (id = 'b'.repeat(64)): BulkJournalPlan => ({
  journal: 'cc-tui bulk',
  version: 1,
  id,
  action: { kind: 'set', field: 'stage', value: 'stage_won' },
  items: 3,
  target: 'SANDBOX · demo data',
  startedAt: '2026-01-02T03:04:05.000Z',
})

describe('bulk edit journal', () => {
  it('holds its plan and every contact before the first request, then the outcomes; items stream back in order', async () => {
    const where = dir()
    const items = [
      { item: 1, id: 'c1', expect: 'stage_lead' },
      { item: 2, id: 'c2', expect: '' },
      { item: 3, id: 'c3', expect: 'stage_lead' },
    ]
    const journal = Journal.createBulk(where, bulkPlan(), items)
    journal.record({ row: 1, outcome: 'updated', id: 'c1' })
    journal.record({ row: 2, outcome: 'conflict', id: 'c2', reason: 'Stage changed meanwhile' })
    journal.record({ row: 3, outcome: 'failed', error: 'gone' })
    journal.close()
    const read: unknown[] = []
    for await (const item of bulkItems(journal.path)) read.push(item)
    expect(read).toEqual(items)
    const state = await readBulkJournal(journal.path)
    expect(state?.plan).toEqual(bulkPlan())
    // Updated and skipped (a conflict) are done, not sent again; the failed one is sent again on resume.
    expect([1, 2, 3].map((row) => state?.done.has(row))).toEqual([true, true, false])
    expect([1, 2, 3].map((row) => state?.failed.has(row))).toEqual([false, false, true])
    // Never a whole contact: ids and one value each.
    expect(readFileSync(journal.path, 'utf8')).not.toMatch(/email|phone|firstName/)
    // An import reader does not take it for an import.
    expect(await readJournal(journal.path)).toBeUndefined()
  })

  it('is listed with its plan, whether its run went to the end, and whether another process runs it', () => {
    const where = dir()
    const stopped = Journal.createBulk(where, bulkPlan('c'.repeat(64)), [{ item: 1, id: 'c1' }])
    stopped.close()
    const ended = Journal.createBulk(where, bulkPlan('d'.repeat(64)), [{ item: 1, id: 'c1' }])
    ended.record({ row: 1, outcome: 'failed', error: 'refused' })
    ended.finish(1)
    const running = Journal.createBulk(where, bulkPlan('e'.repeat(64)), [{ item: 1, id: 'c1' }])
    // Another process holds this one (the lock names a live process that is not this one).
    writeFileSync(`${running.path}.lock`, String(process.ppid))
    writeFileSync(join(where, `${'f'.repeat(64)}.jsonl`), 'not a plan\n')
    const listed = listJournals(where)
      .map((entry) => ({ id: (entry.plan as BulkJournalPlan).id[0], finished: entry.finished, busy: entry.busy }))
      .sort((a, b) => String(a.id).localeCompare(String(b.id)))
    expect(listed).toEqual([
      { id: 'c', finished: false, busy: false },
      { id: 'd', finished: true, busy: false },
      { id: 'e', finished: false, busy: true },
    ])
    expect(listJournals(join(where, 'none'))).toEqual([])
  })
})
