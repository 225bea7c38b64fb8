import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { HeaderMap, HeaderProblem } from './columns.js'
import { type PlannedAction, type PlannedRow, type PlanOptions, planRow } from './plan-row.js'
import { detectFormat, readSourceFile } from './source-file.js'
import type { SourceRow, TransferFormat } from './source-rows.js'

export interface ImportSource {
  /** Absolute path. */
  path: string
  format: TransferFormat
  options: PlanOptions
}

/** What the first pass over an import file found: enough to plan, confirm, journal and send; never the rows. */
export interface ImportScan extends ImportSource {
  /** Hex SHA-256 of the file's bytes: names its journal and its idempotency keys. */
  hash: string
  size: number
  mtimeMs: number
  /** CSV only. */
  header?: HeaderMap
  /** Header problems that stop the import: unknown columns (unless ignored) and repeated ones. */
  headerProblems: HeaderProblem[]
  /** Columns read past: unknown ones with `ignoreUnknown`, the id with `--match email`. */
  ignoredColumns: string[]
  /** Rows read, the header not counted. */
  rows: number
  counts: Record<PlannedAction, number>
}

export interface ScanHooks {
  /** Each row as it is planned, in file order: a dry run prints it, a report collects problems. */
  onRow?: (planned: PlannedRow) => void
  /** Bytes read so far, now and then. */
  onBytes?: (bytes: number, size: number) => void
  signal?: AbortSignal
}

/** Where a file is, what format it is in, and how to read it: the part of a scan that needs no reading. */
export function importSource(path: string, options: PlanOptions, format?: TransferFormat): ImportSource {
  const absolute = resolve(path)
  return { path: absolute, format: format ?? detectFormat(absolute), options }
}

/**
 * The first pass: every row read and checked with the schema, streamed (memory does not grow with the file), and
 * the file hashed on the way. Throws `SourceFileError` when the file cannot be read as its format, and the file
 * system's error when it cannot be read at all.
 */
export async function scanImport(source: ImportSource, hooks: ScanHooks = {}): Promise<ImportScan> {
  const stat = statSync(source.path)
  const read = readSourceFile(source.path, source.format)
  const counts: Record<PlannedAction, number> = { create: 0, update: 0, skip: 0, invalid: 0 }
  let header: HeaderMap | undefined
  let rows = 0
  for await (const item of read.items) {
    hooks.signal?.throwIfAborted()
    if (item.kind === 'header') {
      header = item.header
      continue
    }
    rows++
    const planned = planRow(item.row, source.options)
    counts[planned.action]++
    hooks.onRow?.(planned)
    if (rows % 1000 === 0) hooks.onBytes?.(read.bytesRead(), stat.size)
  }
  hooks.onBytes?.(read.bytesRead(), stat.size)
  const headerProblems = header ? [...header.duplicates, ...(source.options.ignoreUnknown ? [] : header.unknown)] : []
  const ignoredColumns = header && source.options.ignoreUnknown ? header.unknown.map((problem) => problem.header) : []
  if (source.options.match === 'email') {
    const id = header?.columns.indexOf('id') ?? -1
    if (id >= 0) ignoredColumns.push(header?.headers[id] as string)
  }
  return {
    ...source,
    hash: read.digest(),
    size: stat.size,
    mtimeMs: stat.mtimeMs,
    ...(header ? { header } : {}),
    headerProblems,
    ignoredColumns,
    rows,
    counts,
  }
}

/** Whether anything stops the import: a header problem or an invalid row. */
export const scanIsValid = (scan: ImportScan): boolean => scan.headerProblems.length === 0 && scan.counts.invalid === 0

/** The rows of the file again, planned the same way: the second pass, which sends them. */
export async function* plannedRows(source: ImportSource): AsyncGenerator<PlannedRow, string> {
  const read = readSourceFile(source.path, source.format)
  for await (const item of read.items) {
    if (item.kind === 'row') yield planRow(item.row as SourceRow, source.options)
  }
  return read.digest()
}
