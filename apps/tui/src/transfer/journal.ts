import {
  closeSync,
  createReadStream,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import * as z from 'zod'
import { writeFileAtomicSync } from '../fs/atomic-write.js'
import { BulkAction } from './bulk-change.js'
import { MATCH_MODES } from './plan-row.js'
import { RowSet } from './row-set.js'
import { TRANSFER_FORMATS } from './source-rows.js'

/**
 * The journal of one run, JSON Lines: an import (`<imports dir>/<sha256 of the file>.jsonl`) or a bulk edit
 * (`<bulk dir>/<random id>.jsonl`).
 *
 * - Line 1, the plan, written whole (a temporary file renamed) before the first request: the file (path, hash,
 *   format), the options, and how many rows it creates, updates and skips.
 * - Then one line per row as its outcome arrives: `{"row":12,"outcome":"created","id":"…"}`, `"updated"`, or
 *   `{"row":13,"outcome":"failed","error":"…"}` for a row the API refused. Each is written at once (a `kill -9`
 *   cannot lose it) and flushed to disk every few rows. The last outcome of a row counts.
 * - A run that ends with failed rows appends `{"finished":"<time>","failed":n}`; one that ends with every row done
 *   deletes the journal.
 *
 * A row without an outcome (not sent yet, or in flight when the process died) is sent again on resume: an update
 * is the same `PUT` again, a create carries the same idempotency key, so the API answers it without creating twice.
 * A torn last line (power lost mid-write) is ignored: that row is sent again, safely, for the same reason.
 *
 * A bulk edit's plan line is followed, in the same atomic write, by one line per contact it edits, in order:
 * `{"item":1,"id":"…","expect":"stage_lead"}` (`expect`: the value the field it sets had in the preview). Its rows are
 * these items; their outcomes add `unchanged` (nothing to do) and `conflict` (someone else changed the field since
 * the preview: skipped, never overwritten). A resumed item is read again before its `PUT`, so one whose `PUT` went
 * through before a crash is found unchanged, never changed twice. Never whole contacts: ids and one value each.
 */
export const JournalPlan = z.object({
  journal: z.literal('cc-tui import'),
  version: z.literal(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  file: z.string(),
  format: z.enum(TRANSFER_FORMATS as ['csv', 'jsonl']),
  match: z.enum(MATCH_MODES as ['id', 'email']),
  ignoreUnknown: z.boolean(),
  rows: z.number().int().min(0),
  create: z.number().int().min(0),
  update: z.number().int().min(0),
  skip: z.number().int().min(0),
  startedAt: z.string(),
})
export type JournalPlan = z.infer<typeof JournalPlan>

/** The plan line of a bulk edit's journal; its items follow it. */
export const BulkJournalPlan = z.object({
  journal: z.literal('cc-tui bulk'),
  version: z.literal(1),
  /** Random, names the journal. */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  action: BulkAction,
  /** How many contacts (item lines). */
  items: z.number().int().min(0),
  /** Where it runs (the API's host, or the sandbox): a resume goes to the same account or not at all. */
  target: z.string(),
  startedAt: z.string(),
})
export type BulkJournalPlan = z.infer<typeof BulkJournalPlan>

/** One contact of a bulk edit: row `item` of its journal. */
export const BulkItem = z.object({
  item: z.number().int().min(1),
  id: z.string(),
  /** The value the field the action sets had in the preview (set actions only). */
  expect: z.string().optional(),
})
export type BulkItem = z.infer<typeof BulkItem>

export const RowOutcome = z.discriminatedUnion('outcome', [
  z.object({ row: z.number().int().min(1), outcome: z.literal('created'), id: z.string() }),
  z.object({ row: z.number().int().min(1), outcome: z.literal('updated'), id: z.string() }),
  z.object({ row: z.number().int().min(1), outcome: z.literal('failed'), error: z.string() }),
  z.object({ row: z.number().int().min(1), outcome: z.literal('unchanged'), id: z.string() }),
  z.object({ row: z.number().int().min(1), outcome: z.literal('conflict'), id: z.string(), reason: z.string() }),
])
export type RowOutcome = z.infer<typeof RowOutcome>

const Finished = z.object({ finished: z.string(), failed: z.number().int().min(0) })

/** What a journal on disk says: the plan, and the rows done and failed so far. */
export interface JournalState<Plan = JournalPlan> {
  path: string
  plan: Plan
  /** Rows created or updated: not sent again. */
  done: RowSet
  /** Rows whose last outcome is a failure: sent again on resume. */
  failed: RowSet
  /** The last failure message of up to a few failed rows, for a report. */
  failures: Map<number, string>
  /** Set when a run went to the end (with failures, or the journal would be gone). */
  finishedAt?: string
}

const FAILURES_KEPT = 20
const BULK_BUSY = 'running this bulk edit'
/** Rows written between two flushes to disk. */
const SYNC_EVERY = 64

/** The journal of the file with this SHA-256. */
export const journalPath = (dir: string, hash: string): string => join(dir, `${hash}.jsonl`)

/** Reads an import's journal, streaming; `undefined` when there is none (or its plan line is unreadable). */
export function readJournal(path: string): Promise<JournalState | undefined> {
  return readJournalOf(path, JournalPlan)
}

/** Reads a bulk edit's journal (its outcomes; `bulkItems` reads its items); `undefined` when there is none. */
export function readBulkJournal(path: string): Promise<JournalState<BulkJournalPlan> | undefined> {
  return readJournalOf(path, BulkJournalPlan)
}

async function readJournalOf<Plan>(path: string, planSchema: z.ZodType<Plan>): Promise<JournalState<Plan> | undefined> {
  let stream: ReturnType<typeof createReadStream>
  try {
    stream = createReadStream(path, 'utf8')
    await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  let state: JournalState<Plan> | undefined
  for await (const line of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
    const value = parseLine(line)
    if (state === undefined) {
      const plan = planSchema.safeParse(value)
      if (!plan.success) {
        stream.destroy()
        return undefined
      }
      state = { path, plan: plan.data, done: new RowSet(), failed: new RowSet(), failures: new Map() }
      continue
    }
    const outcome = RowOutcome.safeParse(value)
    if (outcome.success) {
      applyOutcome(state, outcome.data)
      continue
    }
    const finished = Finished.safeParse(value)
    if (finished.success) state.finishedAt = finished.data.finished
  }
  return state
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line)
  } catch {
    return undefined
  }
}

function applyOutcome(state: JournalState<unknown>, outcome: RowOutcome): void {
  if (outcome.outcome === 'failed') {
    state.done.delete(outcome.row)
    state.failed.add(outcome.row)
    if (state.failures.size < FAILURES_KEPT || state.failures.has(outcome.row)) {
      state.failures.set(outcome.row, outcome.error)
    }
  } else {
    state.failed.delete(outcome.row)
    state.failures.delete(outcome.row)
    state.done.add(outcome.row)
  }
}

/** Only the plan line of an import's journal (cheap: for listing). */
export function readJournalPlan(path: string): JournalPlan | undefined {
  const plan = JournalPlan.safeParse(readFirstLine(path))
  return plan.success ? plan.data : undefined
}

/** The first line of a file, parsed as JSON (`undefined` when there is none or it is not JSON). */
function readFirstLine(path: string): unknown {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return undefined
  }
  try {
    const buffer = Buffer.alloc(64 * 1024)
    const length = readSync(fd, buffer, 0, buffer.length, 0)
    const text = buffer.subarray(0, length).toString('utf8')
    const end = text.indexOf('\n')
    return parseLine(end === -1 ? text : text.slice(0, end))
  } finally {
    closeSync(fd)
  }
}

/** The journals in `dir` of earlier contents of the file at `file` (same path, another hash). */
export function journalsOfOtherVersions(dir: string, file: string, hash: string): JournalPlan[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .filter((name) => /^[0-9a-f]{64}\.jsonl$/.test(name) && !name.startsWith(hash))
    .flatMap((name) => readJournalPlan(join(dir, name)) ?? [])
    .filter((plan) => plan.file === file)
}

/** Another process is running the same import (or bulk edit) right now. */
export class JournalBusyError extends Error {
  override name = 'JournalBusyError'
  constructor(
    readonly pid: number,
    what = 'importing this file',
  ) {
    super(`another cc-tui (process ${pid}) is ${what} right now`)
  }
}

/** Whether a process with this id is running (ours to signal or not). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The process that holds the journal at `path` now (not this one), if any. */
export function journalHolder(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(`${path}.lock`, 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid) ? pid : undefined
  } catch {
    return undefined
  }
}

/** `<journal>.lock` holds the id of the process writing the journal; one left by a dead process is taken over. */
function lock(path: string, what?: string): () => void {
  const lockPath = `${path}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx', mode: 0o600 })
      return () => rmSync(lockPath, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const pid = Number(readFileSync(lockPath, 'utf8').trim())
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
        throw new JournalBusyError(pid, what)
      }
      rmSync(lockPath, { force: true })
    }
  }
  throw new Error(`could not lock ${path}`)
}

/** An open journal: outcomes are appended as they arrive. */
export class Journal {
  readonly path: string
  readonly #fd: number
  readonly #unlock: () => void
  #unsynced = 0
  #closed = false

  private constructor(path: string, fd: number, unlock: () => void) {
    this.path = path
    this.#fd = fd
    this.#unlock = unlock
  }

  /** Starts a new journal for `plan` (replacing any earlier one of the same file). */
  static create(dir: string, plan: JournalPlan): Journal {
    return Journal.#start(journalPath(dir, plan.hash), `${JSON.stringify(plan)}\n`)
  }

  /** Starts a bulk edit's journal: its plan and every item, on disk before the first request. */
  static createBulk(dir: string, plan: BulkJournalPlan, items: readonly BulkItem[]): Journal {
    const lines = [plan, ...items].map((line) => `${JSON.stringify(line)}\n`)
    return Journal.#start(journalPath(dir, plan.id), lines.join(''), BULK_BUSY)
  }

  static #start(path: string, text: string, busy?: string): Journal {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
    const unlock = lock(path, busy)
    try {
      writeFileAtomicSync(path, text, 0o600)
      return new Journal(path, openSync(path, 'a'), unlock)
    } catch (error) {
      unlock()
      throw error
    }
  }

  /** Goes on with an existing journal (a resume). */
  static reopen(path: string, kind: 'import' | 'bulk' = 'import'): Journal {
    const unlock = lock(path, kind === 'bulk' ? BULK_BUSY : undefined)
    try {
      const fd = openSync(path, 'a')
      // A torn last line (power lost mid-write) must not glue itself to the next record.
      const size = readFileTail(path)
      if (size !== undefined && size !== '\n') writeSync(fd, '\n')
      return new Journal(path, fd, unlock)
    } catch (error) {
      unlock()
      throw error
    }
  }

  /** Appends one row's outcome: on the file at once, on the disk within `SYNC_EVERY` rows. */
  record(outcome: RowOutcome): void {
    if (this.#closed) throw new Error('the journal is closed')
    writeSync(this.#fd, `${JSON.stringify(outcome)}\n`)
    if (++this.#unsynced >= SYNC_EVERY) this.flush()
  }

  /** Forces what was written to disk. */
  flush(): void {
    if (this.#closed || this.#unsynced === 0) return
    fsyncSync(this.#fd)
    this.#unsynced = 0
  }

  /** Flushes and lets go of the journal, which stays for a resume. */
  close(): void {
    this.#release(() => {})
  }

  /** The run went to the end: with failures the journal stays (marked), without it is deleted. */
  finish(failed: number): void {
    if (this.#closed) return
    if (failed > 0) {
      writeSync(this.#fd, `${JSON.stringify({ finished: new Date().toISOString(), failed })}\n`)
      this.#unsynced++
      this.close()
    } else {
      this.#release(() => rmSync(this.path, { force: true }))
    }
  }

  /** Flush, close, then `last` while the lock is still held. */
  #release(last: () => void): void {
    if (this.#closed) return
    this.flush()
    closeSync(this.#fd)
    this.#closed = true
    try {
      last()
    } finally {
      this.#unlock()
    }
  }
}

/** The last character of a file, or `undefined` for an empty one. */
function readFileTail(path: string): string | undefined {
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(1)
    const { size } = fstatSync(fd)
    if (size === 0) return undefined
    readSync(fd, buffer, 0, 1, size - 1)
    return buffer.toString('utf8')
  } finally {
    closeSync(fd)
  }
}

/** The class was first the import's journal: the name stays for its callers. */
export { Journal as ImportJournal }

/** The items of a bulk edit's journal, in order, streamed (the lines after its plan, up to its first outcome). */
export async function* bulkItems(path: string): AsyncGenerator<BulkItem> {
  const stream = createReadStream(path, 'utf8')
  try {
    let first = true
    for await (const line of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
      if (first) {
        first = false
        continue
      }
      const item = BulkItem.safeParse(parseLine(line))
      if (!item.success) return
      yield item.data
    }
  } finally {
    stream.destroy()
  }
}

/** A journal on disk, as a list of unfinished runs shows it: its plan, and whether its run went to the end. */
export interface JournalEntry {
  path: string
  plan: JournalPlan | BulkJournalPlan
  /** The run went to the end (rows that failed are left, to retry); otherwise it stopped half-way. */
  finished: boolean
  /** Another process is running it now. */
  busy: boolean
}

/** The journals in `dir`, each with its plan line and its last line only (cheap, whatever their size). */
export function listJournals(dir: string): JournalEntry[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .filter((name) => /^[0-9a-f]{64}\.jsonl$/.test(name))
    .flatMap((name): JournalEntry[] => {
      const path = join(dir, name)
      const first = readFirstLine(path)
      const plan = JournalPlan.safeParse(first)
      const bulk = plan.success ? undefined : BulkJournalPlan.safeParse(first)
      const parsed = plan.success ? plan.data : bulk?.success ? bulk.data : undefined
      if (!parsed) return []
      const finished = Finished.safeParse(parseLine(readLastLine(path))).success
      return [{ path, plan: parsed, finished, busy: journalHolder(path) !== undefined }]
    })
}

/** The last complete line of a file (up to 4 kB of it). */
function readLastLine(path: string): string {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return ''
  }
  try {
    const { size } = fstatSync(fd)
    const length = Math.min(size, 4096)
    const buffer = Buffer.alloc(length)
    readSync(fd, buffer, 0, length, size - length)
    const lines = buffer.toString('utf8').split('\n')
    if (lines.at(-1) === '') lines.pop()
    return lines.at(-1) ?? ''
  } finally {
    closeSync(fd)
  }
}
