import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, renameSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import { removeStaleTempFiles, writeFileAtomicSync } from '../fs/atomic-write.js'
import { describeFileError } from '../fs/describe-file-error.js'
import { withFileLockSync } from '../fs/file-lock.js'
import { type FormValues, fieldNames } from '../state/form.js'

const FormValuesSchema = z.object(
  Object.fromEntries(fieldNames.map((name) => [name, name === 'tags' ? z.array(z.string()) : z.string()])),
) as unknown as z.ZodType<FormValues>

export const Draft = z.object({
  contactId: z.string(),
  title: z.string(),
  /** The server values the draft started from: what a later save checks for conflicts against. */
  base: FormValuesSchema,
  values: FormValuesSchema,
  savedAt: z.string(),
  /** The editor that wrote it: two editors at once each keep their own draft, even of the same contact. */
  session: z.string().optional(),
})
export type Draft = z.infer<typeof Draft>

/** A draft as the store holds it: under its key in the file (`<contactId>~<session>`, or the contact id alone). */
export type KeptDraft = Draft & { key: string }

/** The version of the file this code writes. A file with a higher one is from a newer cc-tui and is left alone. */
const FILE_VERSION = 1
const FileHead = z.object({ version: z.number(), drafts: z.record(z.string(), z.unknown()) })

/** The file as read: every entry kept as it was (one this version cannot read is written back untouched). */
interface DraftFile {
  entries: Record<string, unknown>
  drafts: Map<string, KeptDraft>
}

/** Whether the drafts reach the disk: the reason when they do not, as the status line and the exit say it. */
export type DraftsHealth = { ok: true } | { ok: false; problem: string }

/** The file cannot be used as it is (it is from a newer version, or it cannot be read): it is not written. */
class UnusableFile extends Error {
  override name = 'UnusableFile'
}

export interface DraftStoreOptions {
  /** Quiet time after the last change before writing. */
  debounceMs?: number
  /** A run of changes is written at the latest this long after its first change. */
  maxWaitMs?: number
  /** How long a write waits for another editor holding the file. */
  lockTimeoutMs?: number
  now?: () => Date
}

const HEALTHY: DraftsHealth = { ok: true }

/**
 * Unsaved drafts, persisted to one JSON file shared by every editor of the user. Changes are written debounced (by
 * default within 750 ms of a change, even while typing continues), atomically (a temp file renamed over it), under
 * a lock file, each time merged with what is on disk: an editor writes only the keys it changed, and each editor
 * keeps its drafts under keys of its own, so two editors at once never lose each other's drafts, not even of the
 * same contact. A write that fails keeps the change pending and says why (`health`); the exit says where the text
 * went (`unsaved` and the rescue). A file from a newer version, or one that cannot be read, is never written over.
 */
export class DraftStore {
  readonly #path: string
  readonly #session = randomBytes(4).toString('hex')
  readonly #debounceMs: number
  readonly #maxWaitMs: number
  readonly #lockTimeoutMs: number
  readonly #now: () => Date
  /** This editor's drafts, by key: the truth for them, whatever the disk holds. */
  #mine = new Map<string, Draft>()
  /** Keys of other drafts this editor took over (restored), by contact: removed with its own. */
  #adopted = new Map<string, Set<string>>()
  /** Keys changed since the last write (a removal is a change too). */
  #pending = new Set<string>()
  #timer: NodeJS.Timeout | undefined
  #firstPendingAt = 0
  #health: DraftsHealth = HEALTHY
  #listeners = new Set<() => void>()

  constructor(path: string, options: DraftStoreOptions = {}) {
    this.#path = path
    this.#debounceMs = options.debounceMs ?? 250
    this.#maxWaitMs = options.maxWaitMs ?? 750
    this.#lockTimeoutMs = options.lockTimeoutMs ?? 2000
    this.#now = options.now ?? (() => new Date())
    removeStaleTempFiles(path)
    // A file that cannot be used is said at once, before any typing; the editor starts either way.
    try {
      this.#read({ setAside: true })
    } catch (error) {
      this.#setHealth({ ok: false, problem: this.#problemOf(error) })
    }
  }

  get path(): string {
    return this.#path
  }

  /** Whether changes reach the disk. The same object until it changes (for `useSyncExternalStore`). */
  health = (): DraftsHealth => this.#health

  /** Called when `health` changes; returns the unsubscribe. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** The newest draft of a contact, from this editor or any other (read from the disk now). */
  get(contactId: string): KeptDraft | undefined {
    return this.#all()
      .filter((draft) => draft.contactId === contactId)
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0]
  }

  /** Every draft: on disk, and this editor's. */
  list(): KeptDraft[] {
    return this.#all()
  }

  /** Keep (or update) this editor's draft of a contact. A draft it took over is replaced by it. */
  put(draft: Omit<Draft, 'savedAt' | 'session'>): void {
    const key = this.#keyOf(draft.contactId)
    this.#mine.set(key, { ...draft, savedAt: this.#now().toISOString(), session: this.#session })
    this.#schedule([key, ...this.#takeAdopted(draft.contactId)])
  }

  /** This editor continues `draft` (restored from another session): its key goes when this editor's draft is kept. */
  adopt(draft: KeptDraft): void {
    if (draft.key === this.#keyOf(draft.contactId)) return
    const keys = this.#adopted.get(draft.contactId) ?? new Set()
    keys.add(draft.key)
    this.#adopted.set(draft.contactId, keys)
  }

  /** Throw one draft away (the restore prompt's "discard"). */
  discard(draft: KeptDraft): void {
    this.#mine.delete(draft.key)
    this.#adopted.get(draft.contactId)?.delete(draft.key)
    this.#schedule([draft.key])
  }

  /** The contact was saved or its changes discarded: this editor's draft of it goes, and any it took over. */
  remove(contactId: string): void {
    const key = this.#keyOf(contactId)
    const adopted = this.#takeAdopted(contactId)
    if (!this.#mine.has(key) && !this.#pending.has(key) && adopted.length === 0) return
    this.#mine.delete(key)
    this.#schedule([key, ...adopted])
  }

  /** This editor's drafts whose latest change is not on disk (the write failed, or has not happened yet). */
  unsaved(): Draft[] {
    return [...this.#pending].flatMap((key) => {
      const draft = this.#mine.get(key)
      return draft ? [draft] : []
    })
  }

  /** This editor's drafts, on disk or not. */
  mine(): Draft[] {
    return [...this.#mine.values()]
  }

  /** Write pending changes now. Returns whether everything is on disk. */
  flush(): boolean {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = undefined
    if (this.#pending.size === 0) return true
    try {
      const dir = dirname(this.#path)
      mkdirSync(dir, { recursive: true, mode: 0o700 })
      // Drafts hold contacts' details: the directory is the user's alone, even when it existed before.
      chmodSync(dir, 0o700)
      withFileLockSync(
        `${this.#path}.lock`,
        () => {
          const { entries } = this.#read({ setAside: true })
          for (const key of this.#pending) {
            const draft = this.#mine.get(key)
            if (draft) entries[key] = draft
            else delete entries[key]
          }
          writeFileAtomicSync(this.#path, `${JSON.stringify({ version: FILE_VERSION, drafts: entries }, null, 2)}\n`)
        },
        { timeoutMs: this.#lockTimeoutMs },
      )
      this.#pending.clear()
      this.#setHealth(HEALTHY)
      return true
    } catch (error) {
      // The changes stay pending: the next change or flush tries again, and the exit rescues them.
      this.#setHealth({ ok: false, problem: this.#problemOf(error) })
      return false
    }
  }

  #keyOf(contactId: string): string {
    return `${contactId}~${this.#session}`
  }

  #takeAdopted(contactId: string): string[] {
    const keys = [...(this.#adopted.get(contactId) ?? [])]
    this.#adopted.delete(contactId)
    return keys
  }

  /** The disk's drafts with this editor's changes over them; what the disk cannot give is left out. */
  #all(): KeptDraft[] {
    let onDisk = new Map<string, KeptDraft>()
    try {
      onDisk = this.#read({ setAside: false }).drafts
    } catch {
      // Unusable: `health` says so already.
    }
    for (const key of this.#pending) onDisk.delete(key)
    for (const [key, draft] of this.#mine) onDisk.set(key, { ...draft, key })
    return [...onDisk.values()]
  }

  #schedule(keys: readonly string[]): void {
    const now = Date.now()
    if (this.#pending.size === 0) this.#firstPendingAt = now
    for (const key of keys) this.#pending.add(key)
    if (this.#timer) clearTimeout(this.#timer)
    const delay = Math.max(0, Math.min(this.#debounceMs, this.#firstPendingAt + this.#maxWaitMs - now))
    this.#timer = setTimeout(() => this.flush(), delay)
    // A pending write must not keep the process alive; exit paths call flush().
    this.#timer.unref()
  }

  /**
   * The file. Missing: empty. Not JSON, or not a drafts file at all: set aside (renamed, never deleted) when
   * `setAside`, and empty. From a newer version, or unreadable: `UnusableFile`, and it is left as it is.
   */
  #read({ setAside }: { setAside: boolean }): DraftFile {
    let text: string
    try {
      text = readFileSync(this.#path, 'utf8')
    } catch (error) {
      // No file, or not even its directory (a file in the way): nothing to read, and the write will say why.
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'ENOTDIR') return { entries: {}, drafts: new Map() }
      throw new UnusableFile(`cannot read the drafts file (${describeFileError(error)}): ${this.#path}`)
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
    const head = FileHead.safeParse(json)
    if (!head.success) {
      if (setAside) renameSync(this.#path, `${this.#path}.unreadable-${Date.now()}`)
      return { entries: {}, drafts: new Map() }
    }
    if (head.data.version > FILE_VERSION) {
      throw new UnusableFile(
        `the drafts file is from a newer cc-tui (version ${head.data.version}) and is left as it is: ${this.#path}`,
      )
    }
    const drafts = new Map<string, KeptDraft>()
    for (const [key, entry] of Object.entries(head.data.drafts)) {
      const draft = Draft.safeParse(entry)
      if (draft.success) drafts.set(key, { ...draft.data, key })
    }
    return { entries: { ...head.data.drafts }, drafts }
  }

  #problemOf(error: unknown): string {
    if (error instanceof UnusableFile) return error.message
    return `cannot write the drafts file (${describeFileError(error)}): ${this.#path}`
  }

  #setHealth(health: DraftsHealth): void {
    const same = health.ok ? this.#health.ok : !this.#health.ok && this.#health.problem === health.problem
    if (same) return
    this.#health = health
    for (const listener of this.#listeners) listener()
  }
}
