import { statSync } from 'node:fs'
import { AbortError, type CcClient } from '@cc/client'
import { describeError } from '../services/describe-error.js'
import { ImportJournal, type JournalPlan, type JournalState, type RowOutcome } from './journal.js'
import type { PlannedRow } from './plan-row.js'
import { failureMessage, isRowProblem } from './row-problem.js'
import { type ImportScan, plannedRows } from './scan-import.js'

/**
 * Retries per row: as many as the client's `updateMany` makes per item, so that a storm of 429s or 5xx is ridden
 * out rather than turned into failed rows. Each create repeats with its own idempotency key, so no retry creates
 * twice.
 */
export const IMPORT_MAX_RETRIES = 6

/** Says that the server answered a create from its idempotency record: it had done it before. */
const REPLAYED_HEADER = 'idempotent-replayed'

export const DEFAULT_IMPORT_CONCURRENCY = 8
export const MAX_IMPORT_CONCURRENCY = 64

/** The idempotency key of a row's create: the same for every run over the same file, another for another file. */
export const importIdempotencyKey = (hash: string, row: number): string => `cc-tui-import-${hash.slice(0, 40)}-${row}`

export interface ImportProgress {
  /** Rows this import sends in all (creates and updates), over every run. */
  total: number
  /** Of those, rows with a result: done in an earlier run, created, updated or failed. */
  done: number
  created: number
  updated: number
  failed: number
  /** Done by an earlier run, not sent again. */
  alreadyDone: number
  /** Creates the server had done already (an earlier run, or the same file imported before): it replayed its answer. */
  replayed: number
  /** The row that just got its result. */
  last?: RowOutcome
}

export interface ImportStop {
  /** What stopped the run, in words. */
  message: string
  /** `aborted` when the caller's signal stopped it, otherwise the API's kind of trouble. */
  kind: ReturnType<typeof describeError>['kind'] | 'aborted' | 'file-changed'
}

export interface ImportResult extends Omit<ImportProgress, 'last'> {
  /** Rows with nothing to send (empty, or only an id). */
  skipped: number
  /** Set when the run stopped before the end: the journal stays, and the next run resumes. */
  stopped?: ImportStop
  /** Up to `FAILURES_SHOWN` failed rows with the API's reason. */
  failures: Array<{ row: number; error: string }>
  /** The journal, when it stays (a stop, or failed rows to retry); gone when every row is done. */
  journalPath?: string
}

export interface RunImportOptions {
  client: CcClient
  scan: ImportScan
  /** Where journals live (the user state directory). */
  journalDir: string
  /** The journal of an earlier run of the same file, to go on from; without it the import starts afresh. */
  resume?: JournalState
  concurrency?: number
  /** Ends the run at once: requests under way are aborted (they have no outcome, so a resume sends them again). */
  signal?: AbortSignal
  /** Ends the run gently: no row is sent after it aborts, and the rows under way finish and are journalled. */
  stop?: AbortSignal
  onProgress?: (progress: ImportProgress) => void
}

const FAILURES_SHOWN = 20

/** The plan line of a new journal. */
export function journalPlanOf(scan: ImportScan, startedAt = new Date()): JournalPlan {
  return {
    journal: 'cc-tui import',
    version: 1,
    hash: scan.hash,
    file: scan.path,
    format: scan.format,
    match: scan.options.match,
    ignoreUnknown: scan.options.ignoreUnknown ?? false,
    rows: scan.rows,
    create: scan.counts.create,
    update: scan.counts.update,
    skip: scan.counts.skip,
    startedAt: startedAt.toISOString(),
  }
}

/**
 * The second pass: reads the file again and sends its rows, `concurrency` at a time, each create with its
 * idempotency key, each outcome journalled as it arrives. Never throws once started (the journal could not be
 * opened: it does): a row the API refuses is a failed row, anything that would fail every row (a rejected key,
 * no network, the server down past the retries, `signal`) stops the run with the journal kept for a resume.
 */
export async function runImport(options: RunImportOptions): Promise<ImportResult> {
  const { client, scan, resume } = options
  const concurrency = Math.min(Math.max(1, options.concurrency ?? DEFAULT_IMPORT_CONCURRENCY), MAX_IMPORT_CONCURRENCY)
  const progress: ImportProgress = {
    total: scan.counts.create + scan.counts.update,
    done: 0,
    created: 0,
    updated: 0,
    failed: 0,
    alreadyDone: 0,
    replayed: 0,
  }
  const failures: ImportResult['failures'] = []
  let skipped = 0
  let stopped: ImportStop | undefined

  const now = statSync(scan.path)
  if (now.size !== scan.size || now.mtimeMs !== scan.mtimeMs) {
    return {
      ...progress,
      skipped,
      failures,
      stopped: { kind: 'file-changed', message: `${scan.path} changed after it was checked: nothing was sent` },
    }
  }
  const journal = resume
    ? ImportJournal.reopen(resume.path)
    : ImportJournal.create(options.journalDir, journalPlanOf(scan))
  const halt = new AbortController()
  const signal = options.signal ? AbortSignal.any([options.signal, halt.signal]) : halt.signal
  const stop = (reason: ImportStop) => {
    stopped ??= reason
    halt.abort(new Error(reason.message))
  }
  const report = (last?: RowOutcome) => {
    try {
      options.onProgress?.({ ...progress, ...(last ? { last } : {}) })
    } catch {
      // A failing progress display must not cost the import its rows.
    }
  }

  const send = async (planned: PlannedRow & { action: 'create' | 'update' }): Promise<void> => {
    const request = { maxRetries: IMPORT_MAX_RETRIES, signal }
    let outcome: RowOutcome
    let replayed = false
    try {
      if (planned.action === 'create') {
        const { data, response } = await client.people
          .create(planned.values, { ...request, idempotencyKey: importIdempotencyKey(scan.hash, planned.row) })
          .withResponse()
        replayed = response.headers.get(REPLAYED_HEADER) === 'true'
        outcome = { row: planned.row, outcome: data.created ? 'created' : 'updated', id: data.id }
      } else {
        await client.people.update(planned.id, planned.values, request)
        outcome = { row: planned.row, outcome: 'updated', id: planned.id }
      }
    } catch (error) {
      if (signal.aborted || error instanceof AbortError) {
        // In flight when the run stopped: no outcome, so a resume sends it again (safely).
        if (options.signal?.aborted) stop({ kind: 'aborted', message: 'stopped before the end' })
        return
      }
      if (!isRowProblem(error)) {
        const described = describeError(error)
        stop({ kind: described.kind, message: described.message })
        return
      }
      outcome = { row: planned.row, outcome: 'failed', error: failureMessage(error) }
    }
    journal.record(outcome)
    if (replayed) progress.replayed++
    else if (outcome.outcome === 'failed') {
      progress.failed++
      if (failures.length < FAILURES_SHOWN) failures.push({ row: outcome.row, error: outcome.error })
    } else if (outcome.outcome === 'created') progress.created++
    else progress.updated++
    progress.done++
    report(outcome)
  }

  const rows = plannedRows(scan)
  let digest: string | undefined
  const worker = async () => {
    while (!signal.aborted) {
      const next = await rows.next()
      if (next.done) {
        digest ??= next.value
        return
      }
      const planned = next.value
      if (planned.action === 'skip') {
        skipped++
        continue
      }
      if (planned.action === 'invalid') {
        stop({ kind: 'file-changed', message: `${scan.path} changed after it was checked (row ${planned.row})` })
        return
      }
      if (resume?.done.has(planned.row)) {
        progress.alreadyDone++
        progress.done++
        report()
        continue
      }
      if (options.stop?.aborted) {
        // Stopped gently: this row and those after it are left for a resume; the rows under way finish.
        stopped ??= { kind: 'aborted', message: 'stopped before the end' }
        return
      }
      await send(planned)
    }
  }
  const worked = async () => {
    try {
      await worker()
    } catch (error) {
      // Reading the file failed half-way (it was removed, a disk error), or the journal could not be written.
      stop({ kind: 'other', message: error instanceof Error ? error.message : String(error) })
    }
  }
  try {
    // Every worker has ended before the journal is closed: none can write to it afterwards.
    await Promise.all(Array.from({ length: concurrency }, worked))
    if (!stopped && digest !== undefined && digest !== scan.hash) {
      stop({ kind: 'file-changed', message: `${scan.path} changed while it was being imported` })
    }
  } finally {
    await rows.return(undefined as never).catch(() => {})
    if (stopped) journal.close()
    else journal.finish(progress.failed)
  }
  const kept = stopped !== undefined || progress.failed > 0
  return {
    ...progress,
    skipped,
    failures,
    ...(stopped ? { stopped } : {}),
    ...(kept ? { journalPath: journal.path } : {}),
  }
}
