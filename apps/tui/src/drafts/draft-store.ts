import { readFileSync, renameSync } from 'node:fs'
import { z } from 'zod'
import { writeFileAtomicSync } from '../fs/atomic-write.js'
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
})
export type Draft = z.infer<typeof Draft>

const DraftFile = z.object({ version: z.literal(1), drafts: z.record(z.string(), Draft) })
type DraftFile = z.infer<typeof DraftFile>

export interface DraftStoreOptions {
  /** Quiet time after the last change before writing. */
  debounceMs?: number
  /** A run of changes is written at the latest this long after its first change. */
  maxWaitMs?: number
  now?: () => Date
}

/**
 * Unsaved drafts, persisted to one JSON file. Changes are written debounced (by default within
 * 750 ms of a change, even while typing continues), atomically, and merged with the file on disk
 * so two editors working on different contacts do not erase each other's drafts.
 */
export class DraftStore {
  readonly #path: string
  readonly #debounceMs: number
  readonly #maxWaitMs: number
  readonly #now: () => Date
  #drafts = new Map<string, Draft>()
  /** Contacts changed in memory since the last write (a removal is a change too). */
  #pending = new Set<string>()
  #timer: NodeJS.Timeout | undefined
  #firstPendingAt = 0

  constructor(path: string, options: DraftStoreOptions = {}) {
    this.#path = path
    this.#debounceMs = options.debounceMs ?? 250
    this.#maxWaitMs = options.maxWaitMs ?? 750
    this.#now = options.now ?? (() => new Date())
    this.#drafts = new Map(Object.entries(this.#read().drafts))
  }

  get path(): string {
    return this.#path
  }

  get(contactId: string): Draft | undefined {
    return this.#drafts.get(contactId)
  }

  list(): Draft[] {
    return [...this.#drafts.values()]
  }

  put(draft: Omit<Draft, 'savedAt'>): void {
    this.#drafts.set(draft.contactId, { ...draft, savedAt: this.#now().toISOString() })
    this.#schedule(draft.contactId)
  }

  remove(contactId: string): void {
    if (!this.#drafts.has(contactId) && !this.#pending.has(contactId)) return
    this.#drafts.delete(contactId)
    this.#schedule(contactId)
  }

  /** Write pending changes now. */
  flush(): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = undefined
    if (this.#pending.size === 0) return
    try {
      const onDisk = this.#read()
      for (const id of this.#pending) {
        const draft = this.#drafts.get(id)
        if (draft) onDisk.drafts[id] = draft
        else delete onDisk.drafts[id]
      }
      writeFileAtomicSync(this.#path, `${JSON.stringify(onDisk, null, 2)}\n`, 0o600)
      this.#pending.clear()
    } catch {
      // Keep the changes pending: the next change or flush tries again.
    }
  }

  #schedule(contactId: string): void {
    const now = Date.now()
    if (this.#pending.size === 0) this.#firstPendingAt = now
    this.#pending.add(contactId)
    if (this.#timer) clearTimeout(this.#timer)
    const delay = Math.max(0, Math.min(this.#debounceMs, this.#firstPendingAt + this.#maxWaitMs - now))
    this.#timer = setTimeout(() => this.flush(), delay)
    // A pending write must not keep the process alive; exit paths call flush().
    this.#timer.unref()
  }

  #read(): DraftFile {
    let text: string
    try {
      text = readFileSync(this.#path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, drafts: {} }
      throw error
    }
    let parsed: ReturnType<typeof DraftFile.safeParse> | undefined
    try {
      parsed = DraftFile.safeParse(JSON.parse(text))
    } catch {
      parsed = undefined
    }
    if (parsed?.success) return parsed.data
    // Never throw drafts away: set the unreadable file aside and start a fresh one.
    renameSync(this.#path, `${this.#path}.unreadable-${Date.now()}`)
    return { version: 1, drafts: {} }
  }
}
