import { randomBytes } from 'node:crypto'
import { AbortError, type CcClient, type CcError } from '@cc/client'
import type { Person, UpdateContactInput } from '@cc/schema'
import { describeError } from '../services/describe-error.js'
import { displayLine } from '../text/sanitize.js'
import { type BulkAction, bulkChange, bulkFieldsOf } from './bulk-change.js'
import {
  type BulkItem,
  type BulkJournalPlan,
  bulkItems,
  Journal,
  type JournalState,
  type RowOutcome,
} from './journal.js'
import { failureMessage, isRowProblem } from './row-problem.js'
import { IMPORT_MAX_RETRIES, type ImportStop } from './run-import.js'

export const DEFAULT_BULK_CONCURRENCY = 8

/** Failures and conflicts a result lists by name; the journal keeps every one of them. */
const ISSUES_KEPT = 500

export interface BulkProgress {
  /** Contacts this bulk edit covers, over every run. */
  total: number
  /** Of those, contacts with an outcome: done in an earlier run, or in this one. */
  done: number
  updated: number
  /** Needed no change: the action had been applied already (by someone, or before a crash). */
  unchanged: number
  /** Skipped: someone else changed the field since the preview. */
  conflicts: number
  failed: number
  /** Done by an earlier run, not sent again. */
  alreadyDone: number
  /** The contact that just got its outcome. */
  last?: RowOutcome
}

/** A contact that failed or was skipped, for the result screen. */
export interface BulkIssue {
  row: number
  id: string
  /** Its name, when it was read. */
  name?: string
  reason: string
}

export interface BulkResult extends Omit<BulkProgress, 'last'> {
  stopped?: ImportStop
  /** Up to `ISSUES_KEPT` failed contacts, each with its reason. */
  failures: BulkIssue[]
  /** Up to `ISSUES_KEPT` contacts skipped because someone else changed them since the preview. */
  conflictList: BulkIssue[]
  /** The journal, when it stays (a stop, or failed contacts to retry); gone when every contact is done. */
  journalPath?: string
}

/** A new bulk edit: what it does, to which contacts, and where. */
export interface BulkStart {
  action: BulkAction
  /** The contacts, in order: each with the value its field had in the preview (set actions). */
  items: ReadonlyArray<{ id: string; expect?: string | undefined }>
  /** Where it runs, said in the journal (the API's host, or the sandbox). */
  target: string
}

export interface RunBulkOptions {
  client: CcClient
  /** Where bulk journals live (the user state directory). */
  journalDir: string
  /** A new bulk edit, or (`resume`) the journal of one to go on with: contacts done are not sent again. */
  start?: BulkStart
  resume?: JournalState<BulkJournalPlan>
  concurrency?: number
  /** Ends the run at once (the editor is closing): requests under way are aborted and resent on resume. */
  signal?: AbortSignal
  /** Ends the run gently: no contact is read or sent after it aborts; those under way finish. */
  stop?: AbortSignal
  onProgress?: (progress: BulkProgress) => void
}

/** The plan line of a new bulk edit's journal. */
export function bulkPlanOf(start: BulkStart, startedAt = new Date()): BulkJournalPlan {
  return {
    journal: 'cc-tui bulk',
    version: 1,
    id: randomBytes(32).toString('hex'),
    action: start.action,
    items: start.items.length,
    target: start.target,
    startedAt: startedAt.toISOString(),
  }
}

/** A contact read again just before its `PUT`, and what the action does to it now. */
type Planned =
  | { item: BulkItem; kind: 'send'; name: string; patch: UpdateContactInput }
  | { item: BulkItem; kind: 'outcome'; outcome: RowOutcome; name?: string }
  | { item: BulkItem; kind: 'stop'; stop: ImportStop }
  | { item: BulkItem; kind: 'dropped' }

const nameOf = (person: Person) =>
  displayLine(person.fullName) || displayLine([person.firstName, person.lastName].filter(Boolean).join(' '))

/**
 * Runs a bulk edit through `people.updateManyStream`, `concurrency` at a time, with its journal kept as it goes.
 * The API replaces a contact's tags and has no precondition for a `PUT`, so each contact is read again right
 * before its `PUT` and the patch is computed from what it holds now: a tag is added to (or removed from) its current
 * tags, and a field someone else changed since the preview is left as they set it (a conflict, reported). Reads run
 * ahead of the `PUT`s by at most `concurrency` contacts: a run of any length holds a bounded window.
 *
 * Never throws once started (the journal could not be made: it does). A contact the API refuses fails, the run goes
 * on; anything that would fail every contact (a rejected key, no network, the server down past the retries) stops
 * the run with the journal kept for a resume.
 */
export async function runBulk(options: RunBulkOptions): Promise<BulkResult> {
  const { client, resume } = options
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_BULK_CONCURRENCY)
  let journal: Journal
  let plan: BulkJournalPlan
  if (resume) {
    plan = resume.plan
    journal = Journal.reopen(resume.path, 'bulk')
  } else if (options.start) {
    plan = bulkPlanOf(options.start)
    const items = options.start.items.map(
      (item, index): BulkItem => ({
        item: index + 1,
        id: item.id,
        ...(item.expect === undefined ? {} : { expect: item.expect }),
      }),
    )
    journal = Journal.createBulk(options.journalDir, plan, items)
  } else throw new TypeError('runBulk needs `start` or `resume`')

  const progress: BulkProgress = {
    total: plan.items,
    done: 0,
    updated: 0,
    unchanged: 0,
    conflicts: 0,
    failed: 0,
    alreadyDone: 0,
  }
  const failures: BulkIssue[] = []
  const conflictList: BulkIssue[] = []
  let stopped: ImportStop | undefined
  // Ends the reads and the PUTs under way: the editor closing, or a problem that would fail every contact.
  const halt = new AbortController()
  const onSignal = () => halt.abort(options.signal?.reason)
  if (options.signal?.aborted) onSignal()
  else options.signal?.addEventListener('abort', onSignal, { once: true })
  const stopRun = (reason: ImportStop) => {
    stopped ??= reason
    halt.abort(new Error(reason.message))
  }
  const ending = () => halt.signal.aborted || options.stop?.aborted === true
  const report = (last?: RowOutcome) => {
    try {
      options.onProgress?.({ ...progress, ...(last ? { last } : {}) })
    } catch {
      // A failing progress display must not cost the run its contacts.
    }
  }
  const record = (outcome: RowOutcome, item: BulkItem, name?: string) => {
    journal.record(outcome)
    const issue = (reason: string): BulkIssue => ({ row: item.item, id: item.id, ...(name ? { name } : {}), reason })
    if (outcome.outcome === 'failed') {
      progress.failed++
      if (failures.length < ISSUES_KEPT) failures.push(issue(outcome.error))
    } else if (outcome.outcome === 'conflict') {
      progress.conflicts++
      if (conflictList.length < ISSUES_KEPT) conflictList.push(issue(outcome.reason))
    } else if (outcome.outcome === 'unchanged') progress.unchanged++
    else progress.updated++
    progress.done++
    report(outcome)
  }
  /** A failed request: the contact's own problem (it fails), or one that stops the run (no outcome: resent later). */
  const problem = (item: BulkItem, error: unknown, name?: string): Planned => {
    if (halt.signal.aborted || error instanceof AbortError) return { item, kind: 'dropped' }
    if (!isRowProblem(error)) {
      const described = describeError(error)
      return { item, kind: 'stop', stop: { kind: described.kind, message: described.message } }
    }
    return {
      item,
      kind: 'outcome',
      outcome: { row: item.item, outcome: 'failed', error: failureMessage(error) },
      ...(name ? { name } : {}),
    }
  }

  /** Reads the contact again and decides what to send. */
  const readAndPlan = async (item: BulkItem): Promise<Planned> => {
    let person: Person
    try {
      // As many retries as each update gets: a storm of 429s or 5xx is ridden out, not turned into failures.
      person = await client.people.get(item.id, { maxRetries: IMPORT_MAX_RETRIES, signal: halt.signal })
    } catch (error) {
      return problem(item, error)
    }
    const name = nameOf(person)
    const change = bulkChange(plan.action, bulkFieldsOf(person), item.expect)
    const row = item.item
    switch (change.kind) {
      case 'change':
        return { item, kind: 'send', name, patch: change.patch }
      case 'unchanged':
        return { item, kind: 'outcome', name, outcome: { row, outcome: 'unchanged', id: item.id } }
      case 'conflict':
        return {
          item,
          kind: 'outcome',
          name,
          outcome: { row, outcome: 'conflict', id: item.id, reason: change.reason },
        }
      case 'invalid':
        return { item, kind: 'outcome', name, outcome: { row, outcome: 'failed', error: change.reason } }
    }
  }

  /** Contacts sent, by their index in the stream of updates. */
  const sending = new Map<number, { item: BulkItem; name: string }>()
  let sent = 0
  async function* updates() {
    const ahead: Promise<Planned>[] = []
    const items = bulkItems(journal.path)
    try {
      const settle = async function* (planned: Planned) {
        if (planned.kind === 'send') {
          // Stopped meanwhile: read but not sent, it is left for a resume.
          if (ending()) return
          sending.set(sent++, { item: planned.item, name: planned.name })
          yield { id: planned.item.id, patch: planned.patch }
        } else if (planned.kind === 'outcome') record(planned.outcome, planned.item, planned.name)
        else if (planned.kind === 'stop') stopRun(planned.stop)
      }
      for await (const item of items) {
        if (resume?.done.has(item.item)) {
          progress.alreadyDone++
          progress.done++
          report()
          continue
        }
        if (ending()) break
        ahead.push(readAndPlan(item))
        if (ahead.length >= concurrency) yield* settle(await (ahead.shift() as Promise<Planned>))
      }
      while (ahead.length > 0) yield* settle(await (ahead.shift() as Promise<Planned>))
    } finally {
      // Reads still under way when the run stopped early: their contacts have no outcome and are resent later.
      for (const pending of ahead) pending.catch(() => {})
      await items.return(undefined)
    }
  }

  try {
    const stream = client.people.updateManyStream(updates(), { concurrency, signal: halt.signal })
    for await (const result of stream) {
      const entry = sending.get(result.index)
      sending.delete(result.index)
      if (!entry) continue
      const { item, name } = entry
      if (result.ok) {
        record({ row: item.item, outcome: 'updated', id: item.id }, item, name)
        continue
      }
      const planned = problem(item, result.error as CcError, name)
      if (planned.kind === 'outcome') record(planned.outcome, item, name)
      else if (planned.kind === 'stop') stopRun(planned.stop)
    }
  } catch (error) {
    // The journal could not be read or written half-way.
    stopRun({ kind: 'other', message: error instanceof Error ? error.message : String(error) })
  } finally {
    options.signal?.removeEventListener('abort', onSignal)
  }
  if (!stopped && progress.done < progress.total) {
    stopped = options.signal?.aborted
      ? { kind: 'aborted', message: 'cc-tui is closing' }
      : { kind: 'aborted', message: 'stopped before the end' }
  }
  if (stopped) journal.close()
  else journal.finish(progress.failed)
  const kept = stopped !== undefined || progress.failed > 0
  return {
    ...progress,
    failures,
    conflictList,
    ...(stopped ? { stopped } : {}),
    ...(kept ? { journalPath: journal.path } : {}),
  }
}

/** What a resume of `journal` has left to do: contacts without an outcome, or whose last outcome failed. */
export const bulkLeft = (journal: JournalState<BulkJournalPlan>): number => journal.plan.items - journal.done.size
