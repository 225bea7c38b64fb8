import { describe, expect, it } from 'vitest'
import type { ImportScan } from '../../transfer/scan-import.js'
import { canImport, type ImportPreview, importSummary } from './import-preview.js'

const scan = (over: Partial<ImportScan> = {}, counts: Partial<ImportScan['counts']> = {}): ImportScan => ({
  path: '/tmp/people.csv',
  format: 'csv',
  options: { match: 'email' },
  hash: 'abc',
  size: 100,
  mtimeMs: 0,
  headerProblems: [],
  ignoredColumns: [],
  rows: 3,
  ...over,
  counts: { create: 1, update: 1, skip: 1, invalid: 0, ...counts },
})
const preview = (s: ImportScan, over: Partial<ImportPreview> = {}): ImportPreview => ({
  scan: s,
  problems: [],
  moreProblems: 0,
  ...over,
})

describe('the import preview', () => {
  it('lets Enter import a clean file with something to create or update', () => {
    expect(canImport(preview(scan()))).toBe(true)
    expect(canImport(preview(scan({}, { create: 2, update: 0 })))).toBe(true)
    expect(canImport(preview(scan({}, { create: 0, update: 1 })))).toBe(true)
  })

  it('refuses a file with nothing to create or update', () => {
    expect(canImport(preview(scan({}, { create: 0, update: 0, skip: 3 })))).toBe(false)
  })

  it('refuses a file with an invalid row or a header problem, however much it would create', () => {
    expect(canImport(preview(scan({}, { create: 5, invalid: 1 })))).toBe(false)
    const header = scan({ headerProblems: [{ position: 4, header: 'Nickname', message: 'is not a contact field' }] })
    expect(canImport(preview(header))).toBe(false)
  })

  it('refuses a file whose unfinished run blocks it, even when the file is clean', () => {
    expect(canImport(preview(scan(), { blocked: 'An unfinished import of this file used other options' }))).toBe(false)
  })

  it('sums up the counts as the dry run prints them, with thousands separators and the format', () => {
    expect(importSummary(scan({ rows: 1234 }, { create: 1200, update: 30, skip: 4, invalid: 0 }))).toBe(
      '1,200 to create, 30 to update, 4 to skip, 0 invalid (1,234 rows, CSV)',
    )
    expect(importSummary(scan({ rows: 1, format: 'jsonl' }, { create: 0, update: 0, skip: 0, invalid: 1 }))).toBe(
      '0 to create, 0 to update, 0 to skip, 1 invalid (1 row, JSONL)',
    )
  })
})
