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
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { z } from 'zod'
import { writeFileAtomicSync } from '../fs/atomic-write.js'
import { MATCH_MODES } from './plan-row.js'
import { RowSet } from './row-set.js'
import { TRANSFER_FORMATS } from './source-rows.js'

/**
 * The journal of one import: `<imports dir>/<sha256 of the file>.jsonl`, JSON Lines.
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

export const RowOutcome = z.discriminatedUnion('outcome', [
  z.object({ row: z.number().int().min(1), outcome: z.literal('created'), id: z.string() }),
  z.object({ row: z.number().int().min(1), outcome: z.literal('updated'), id: z.string() }),
  z.object({ row: z.number().int().min(1), outcome: z.literal('failed'), error: z.string() }),
])
export type RowOutcome = z.infer<typeof RowOutcome>

const Finished = z.object({ finished: z.string(), failed: z.number().int().min(0) })

/** What a journal on disk says: the plan, and the rows done and failed so far. */
export interface JournalState {
  path: string
  plan: JournalPlan
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
/** Rows written between two flushes to disk. */
const SYNC_EVERY = 64

/** The journal of the file with this SHA-256. */
export const journalPath = (dir: string, hash: string): string => join(dir, `${hash}.jsonl`)

/** Reads a journal, streaming; `undefined` when there is none (or its plan line is unreadable). */
export async function readJournal(path: string): Promise<JournalState | undefined> {
  let stream: ReturnType<typeof createReadStream>
  try {
    stream = createReadStream(path, 'utf8')
    await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  let state: JournalState | undefined
  for await (const line of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
    const value = parseLine(line)
    if (state === undefined) {
      const plan = JournalPlan.safeParse(value)
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

function applyOutcome(state: JournalState, outcome: RowOutcome): void {
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

/** Only the plan line of a journal (cheap: for listing). */
export function readJournalPlan(path: string): JournalPlan | undefined {
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
    const plan = JournalPlan.safeParse(parseLine(end === -1 ? text : text.slice(0, end)))
    return plan.success ? plan.data : undefined
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

/** Another process is importing the same file right now. */
export class JournalBusyError extends Error {
  override name = 'JournalBusyError'
  constructor(readonly pid: number) {
    super(`another cc-tui (process ${pid}) is importing this file right now`)
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

/** `<journal>.lock` holds the id of the process writing the journal; one left by a dead process is taken over. */
function lock(path: string): () => void {
  const lockPath = `${path}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx', mode: 0o600 })
      return () => rmSync(lockPath, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const pid = Number(readFileSync(lockPath, 'utf8').trim())
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) throw new JournalBusyError(pid)
      rmSync(lockPath, { force: true })
    }
  }
  throw new Error(`could not lock ${path}`)
}

/** An open journal: outcomes are appended as they arrive. */
export class ImportJournal {
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
  static create(dir: string, plan: JournalPlan): ImportJournal {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const path = journalPath(dir, plan.hash)
    const unlock = lock(path)
    try {
      writeFileAtomicSync(path, `${JSON.stringify(plan)}\n`, 0o600)
      return new ImportJournal(path, openSync(path, 'a'), unlock)
    } catch (error) {
      unlock()
      throw error
    }
  }

  /** Goes on with an existing journal (a resume). */
  static reopen(path: string): ImportJournal {
    const unlock = lock(path)
    try {
      const fd = openSync(path, 'a')
      // A torn last line (power lost mid-write) must not glue itself to the next record.
      const size = readFileTail(path)
      if (size !== undefined && size !== '\n') writeSync(fd, '\n')
      return new ImportJournal(path, fd, unlock)
    } catch (error) {
      unlock()
      throw error
    }
  }

  /** Appends one row's outcome: on the file at once, on the disk within `SYNC_EVERY` rows. */
  record(outcome: RowOutcome): void {
    if (this.#closed) throw new Error('the import journal is closed')
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
