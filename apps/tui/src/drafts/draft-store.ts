import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, renameSync } from 'node:fs'
import { dirname } from 'node:path'
import { ActivityDirection, ActivityType } from '@cc/schema'
import * as z from 'zod'
import { removeStaleTempFiles, writeFileAtomicSync } from '../fs/atomic-write.js'
import { describeFileError } from '../fs/describe-file-error.js'
import { withFileLockSync } from '../fs/file-lock.js'
import { type FormValues, fieldNames } from '../state/form.js'

const FormValuesSchema = z.object(
  Object.fromEntries(fieldNames.map((name) => [name, name === 'tags' ? z.array(z.string()) : z.string()])),
) as unknown as z.ZodType<FormValues>

/** A new contact's part of its draft: what makes its create safe to repeat, after a crash too. */
export const CreateRecord = z.object({
  /** Minted with the draft: every `POST /people` of this new contact carries it, so no retry creates twice. */
  idempotencyKey: z.string().min(1),
  /**
   * The body of a POST sent with the key whose answer never came back. It is sent again exactly as it was (the key
   * with another body is refused) before any later edit, which then goes as an update of the contact it made.
   */
  inFlight: z.record(z.string(), z.unknown()).optional(),
})
export type CreateRecord = z.infer<typeof CreateRecord>

/** Unsaved changes to a contact, or a new contact (`create`) not created yet. */
export const Draft = z.object({
  /** Absent in drafts written before activity drafts existed: those are contact drafts too. */
  kind: z.literal('contact').optional(),
  /** The contact's id; for a new contact, a local id (`new-…`) until the API gives it one. */
  contactId: z.string(),
  title: z.string(),
  /** The server values the draft started from: what a later save checks for conflicts against. */
  base: FormValuesSchema,
  values: FormValuesSchema,
  savedAt: z.string(),
  /** The editor that wrote it: two editors at once each keep their own draft, even of the same contact. */
  session: z.string().optional(),
  create: CreateRecord.optional(),
})
export type Draft = z.infer<typeof Draft>

/** An activity being written for a contact: its type, direction and text, as the form holds them. */
export const ActivityDraft = z.object({
  kind: z.literal('activity'),
  contactId: z.string(),
  /** The contact's name. */
  title: z.string(),
  values: z.object({ type: ActivityType, direction: ActivityDirection.optional(), content: z.string() }),
  /**
   * It was being sent when this was written. The API has no idempotency key for activities: after a crash nobody
   * can tell whether it arrived, so restoring it says so.
   */
  sending: z.boolean().optional(),
  savedAt: z.string(),
  session: z.string().optional(),
})
export type ActivityDraft = z.infer<typeof ActivityDraft>

/** Any draft in the file. Files from before activity drafts hold contact drafts only, and read the same. */
export type StoredDraft = Draft | ActivityDraft
const StoredDraft = z.union([ActivityDraft, Draft])

/** A draft as the store holds it: under its key in the file (`<subject>~<session>`, or the subject alone). */
export type KeptDraft = Draft & { key: string }
export type KeptActivityDraft = ActivityDraft & { key: string }
type KeptStored = StoredDraft & { key: string }

/**
 * What a draft is about, the first part of its key: the contact's id for a contact draft (a new contact's local
 * id), `activity:<id>` for an activity being written for that contact. One of each per contact and editor.
 */
export function subjectOf(draft: Pick<StoredDraft, 'kind' | 'contactId'>): string {
  return draft.kind === 'activity' ? activitySubject(draft.contactId) : draft.contactId
}

export const activitySubject = (contactId: string) => `activity:${contactId}`

/** A new contact's local id: the draft's until the API gives the contact its own. */
export const isNewContactId = (contactId: string) => contactId.startsWith('new-')

/**
 * The version of the file this code writes. A file with a higher one is from a newer cc-tui and is left alone. New
 * kinds of drafts (new contacts, activities) did not change it: an older cc-tui skips entries it cannot read, writes
 * them back untouched, and never offers them (no contact of its list has their subject).
 */
const FILE_VERSION = 1
const FileHead = z.object({ version: z.number(), drafts: z.record(z.string(), z.unknown()) })

/** The file as read: every entry kept as it was (one this version cannot read is written back untouched). */
interface DraftFile {
  entries: Record<string, unknown>
  drafts: Map<string, KeptStored>
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
  #mine = new Map<string, StoredDraft>()
  /** Keys of other drafts this editor took over (restored), by subject: removed with its own. */
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
    return newest(this.list().filter((draft) => draft.contactId === contactId))
  }

  /** Every contact draft (new contacts' too): on disk, and this editor's. */
  list(): KeptDraft[] {
    return this.#all().filter((draft): draft is KeptDraft => draft.kind !== 'activity')
  }

  /** The newest draft of an activity being written for a contact, from this editor or any other. */
  getActivity(contactId: string): KeptActivityDraft | undefined {
    return newest(
      this.#all().filter(
        (draft): draft is KeptActivityDraft => draft.kind === 'activity' && draft.contactId === contactId,
      ),
    )
  }

  /** Keep (or update) this editor's draft of a contact. A draft it took over is replaced by it. */
  put(draft: Omit<Draft, 'savedAt' | 'session'>): void {
    this.#keep(draft)
  }

  /** Keep (or update) this editor's draft of an activity. A draft it took over is replaced by it. */
  putActivity(draft: Omit<ActivityDraft, 'savedAt' | 'session' | 'kind'>): void {
    this.#keep({ ...draft, kind: 'activity' })
  }

  /** This editor continues `draft` (restored from another session): its key goes when this editor's draft is kept. */
  adopt(draft: KeptDraft | KeptActivityDraft): void {
    const subject = subjectOf(draft)
    if (draft.key === this.#keyOf(subject)) return
    const keys = this.#adopted.get(subject) ?? new Set()
    keys.add(draft.key)
    this.#adopted.set(subject, keys)
  }

  /** Throw one draft away (the restore prompt's "discard"). */
  discard(draft: KeptDraft | KeptActivityDraft): void {
    this.#mine.delete(draft.key)
    this.#adopted.get(subjectOf(draft))?.delete(draft.key)
    this.#schedule([draft.key])
  }

  /** The contact was saved or its changes discarded: this editor's draft of it goes, and any it took over. */
  remove(contactId: string): void {
    this.#drop(contactId)
  }

  /** The activity was logged or discarded: this editor's draft of it goes, and any it took over. */
  removeActivity(contactId: string): void {
    this.#drop(activitySubject(contactId))
  }

  /** Every draft about a contact, of any editor: its changes and activities being written for it. */
  about(contactId: string): (KeptDraft | KeptActivityDraft)[] {
    return this.#all().filter((draft) => draft.contactId === contactId)
  }

  /** The contact is gone (deleted): every draft about it, of any editor, goes; they can never be saved. */
  forget(contactId: string): void {
    for (const draft of this.about(contactId)) this.discard(draft)
    this.#drop(contactId)
    this.#drop(activitySubject(contactId))
  }

  /** This editor's drafts whose latest change is not on disk (the write failed, or has not happened yet). */
  unsaved(): StoredDraft[] {
    return [...this.#pending].flatMap((key) => {
      const draft = this.#mine.get(key)
      return draft ? [draft] : []
    })
  }

  /** This editor's drafts, on disk or not. */
  mine(): StoredDraft[] {
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

  #keyOf(subject: string): string {
    return `${subject}~${this.#session}`
  }

  #keep(draft: Omit<StoredDraft, 'savedAt' | 'session'>): void {
    const subject = subjectOf(draft)
    const key = this.#keyOf(subject)
    this.#mine.set(key, { ...draft, savedAt: this.#now().toISOString(), session: this.#session } as StoredDraft)
    this.#schedule([key, ...this.#takeAdopted(subject)])
  }

  #drop(subject: string): void {
    const key = this.#keyOf(subject)
    const adopted = this.#takeAdopted(subject)
    if (!this.#mine.has(key) && !this.#pending.has(key) && adopted.length === 0) return
    this.#mine.delete(key)
    this.#schedule([key, ...adopted])
  }

  #takeAdopted(subject: string): string[] {
    const keys = [...(this.#adopted.get(subject) ?? [])]
    this.#adopted.delete(subject)
    return keys
  }

  /** The disk's drafts with this editor's changes over them; what the disk cannot give is left out. */
  #all(): KeptStored[] {
    let onDisk = new Map<string, KeptStored>()
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
    const drafts = new Map<string, KeptStored>()
    for (const [key, entry] of Object.entries(head.data.drafts)) {
      const draft = StoredDraft.safeParse(entry)
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

function newest<D extends { savedAt: string }>(drafts: D[]): D | undefined {
  return drafts.sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0]
}
