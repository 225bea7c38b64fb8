import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { type CcClient, createClient } from '@cc/client'
import { createSandbox, type Sandbox } from '@cc/sandbox'
import type { Person } from '@cc/schema'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { journalPath, readJournal } from './journal.js'
import { runImport } from './run-import.js'
import { importSource, scanImport } from './scan-import.js'

let sandbox: Sandbox
/** Requests the client sent, by method and path. */
let sent: string[]
let client: CcClient
let dir: string

const connect = (apiKey = sandbox.apiKey) =>
  createClient({
    apiKey,
    baseUrl: sandbox.url,
    logLevel: 'off',
    // Short waits: the faults below ask for 1 ms.
    backoff: { initialDelay: 1, maxDelay: 5 },
    fetch: (request) => {
      sent.push(`${request.method} ${new URL(request.url).pathname}`)
      return sandbox.fetch(request)
    },
  })

beforeEach(async () => {
  sandbox = await createSandbox({ seed: false })
  sent = []
  client = connect()
  dir = mkdtempSync(join(tmpdir(), 'cc-tui-run-import-'))
})
afterEach(() => sandbox.close())

/** A CSV of `count` new contacts; every third has no email (only a resent create could duplicate those). */
function contactsCsv(count: number, name = 'contacts.csv'): string {
  const lines = ['First Name,Last Name,E-mail,Phone']
  for (let i = 0; i < count; i++) {
    lines.push(`Row,${i},${i % 3 === 0 ? '' : `row${i}@example.com`},+1555${String(1_000_000 + i).slice(1)}`)
  }
  const path = join(dir, name)
  writeFileSync(path, `${lines.join('\r\n')}\r\n`)
  return path
}

async function everyone(): Promise<Person[]> {
  const people: Person[] = []
  for await (const person of client.people.list({ limit: 100 })) people.push(person)
  return people
}

/** How many contacts each row of `contactsCsv` became. */
async function copiesPerRow(count: number): Promise<number[]> {
  const copies = new Array<number>(count).fill(0)
  for (const person of await everyone()) {
    if (person.firstName === 'Row') copies[Number(person.lastName)] = (copies[Number(person.lastName)] ?? 0) + 1
  }
  return copies
}

const scanOf = (path: string) => scanImport(importSource(path, { match: 'id' }))

describe('runImport', () => {
  it('creates and updates every row, reports progress, and removes its journal when all is done', async () => {
    const path = contactsCsv(30)
    const scan = await scanOf(path)
    const seen: number[] = []
    const result = await runImport({
      client,
      scan,
      journalDir: dir,
      concurrency: 4,
      onProgress: (progress) => seen.push(progress.done),
    })
    expect(result).toMatchObject({ total: 30, done: 30, created: 30, updated: 0, failed: 0, skipped: 0 })
    expect(result.stopped).toBeUndefined()
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
    expect(await copiesPerRow(30)).toEqual(new Array(30).fill(1))
    expect(existsSync(journalPath(dir, scan.hash))).toBe(false)
    expect(sent.filter((line) => line === 'POST /v1/people')).toHaveLength(30)
  })

  it('rides out a storm of 429, 500, 503 and dropped connections without losing or duplicating a row', async () => {
    const count = 300
    const path = contactsCsv(count)
    const scan = await scanOf(path)
    sandbox.setFaults({ rate: 0.2, kinds: ['429', '500', '503', 'reset'], seed: 3, retryAfterMs: 1 })
    let runs = 0
    let result: Awaited<ReturnType<typeof runImport>>
    // A row may run out of retries (0.2^7 per row): then the run stops and the next one resumes, as a person would.
    do {
      const resume = await readJournal(journalPath(dir, scan.hash))
      result = await runImport({ client, scan, journalDir: dir, concurrency: 8, ...(resume ? { resume } : {}) })
      runs++
    } while (result.stopped && runs < 5)
    sandbox.setFaults(false)
    expect(result.stopped).toBeUndefined()
    expect(result.failed).toBe(0)
    expect(await copiesPerRow(count)).toEqual(new Array(count).fill(1))
    // The faults did happen: more requests than rows.
    expect(sent.filter((line) => line === 'POST /v1/people').length).toBeGreaterThan(count)
  })

  it('keeps nothing of a row once it is done: neither its outcome nor its requests outlive it', async () => {
    // A full collection on demand: the flag makes `gc` a global of every context made after it.
    setFlagsFromString('--expose-gc')
    const collect = runInNewContext('gc') as () => void
    const count = 200
    const scan = await scanOf(contactsCsv(count))
    const kept: WeakRef<object>[] = []
    const watched = createClient({
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.url,
      logLevel: 'off',
      fetch: (request) => {
        kept.push(new WeakRef(request))
        return sandbox.fetch(request)
      },
    })
    const result = await runImport({
      client: watched,
      scan,
      journalDir: dir,
      concurrency: 8,
      onProgress: (progress) => {
        if (progress.last) kept.push(new WeakRef(progress.last))
      },
    })
    expect(result).toMatchObject({ done: count, created: count, failed: 0 })
    expect(kept).toHaveLength(2 * count)
    // WeakRef targets stay alive until the task that made them ends: collect in a later one, twice (finalizers).
    for (let round = 0; round < 2; round++) {
      await new Promise((resolve) => setTimeout(resolve, 0))
      collect()
    }
    expect(kept.filter((ref) => ref.deref() !== undefined)).toHaveLength(0)
  })

  it('resumes a stopped import without sending the rows already done', async () => {
    const count = 40
    const path = contactsCsv(count)
    const scan = await scanOf(path)
    const stop = new AbortController()
    const first = await runImport({
      client,
      scan,
      journalDir: dir,
      concurrency: 4,
      signal: stop.signal,
      onProgress: (progress) => {
        if (progress.done === 15) stop.abort()
      },
    })
    expect(first.stopped).toEqual({ kind: 'aborted', message: 'stopped before the end' })
    expect(first.journalPath).toBe(journalPath(dir, scan.hash))
    const resume = await readJournal(journalPath(dir, scan.hash))
    expect(resume?.done.size).toBe(first.done)
    const sentBefore = sent.length

    const second = await runImport({ client, scan, journalDir: dir, concurrency: 4, ...(resume ? { resume } : {}) })
    expect(second.stopped).toBeUndefined()
    expect(second.alreadyDone).toBe(first.done)
    // A create that was in flight when the run stopped may have landed: the server replays it, it is not made twice.
    expect(second.created + second.updated + second.replayed).toBe(count - first.done)
    expect(sent.length - sentBefore).toBe(count - first.done)
    expect(await copiesPerRow(count)).toEqual(new Array(count).fill(1))
  })

  it('stops gently: no row is sent after the stop, every row under way finishes with its outcome journalled', async () => {
    const count = 40
    const scan = await scanOf(contactsCsv(count))
    const stop = new AbortController()
    let sentAtStop = 0
    const first = await runImport({
      client,
      scan,
      journalDir: dir,
      concurrency: 4,
      stop: stop.signal,
      onProgress: (progress) => {
        if (progress.done === 10 && !stop.signal.aborted) {
          sentAtStop = sent.filter((line) => line.startsWith('POST')).length
          stop.abort()
        }
      },
    })
    expect(first.stopped).toEqual({ kind: 'aborted', message: 'stopped before the end' })
    // The rows under way when it stopped finished (none aborted): each sent row has its outcome.
    expect(first.done).toBe(sent.filter((line) => line.startsWith('POST')).length)
    expect(first.done).toBeGreaterThanOrEqual(sentAtStop)
    expect(first.done).toBeLessThan(count)
    const journal = await readJournal(journalPath(dir, scan.hash))
    expect(journal?.done.size).toBe(first.done)
    expect(await copiesPerRow(count)).toEqual(Array.from({ length: count }, (_, i) => (i < first.done ? 1 : 0)))
  })

  it('records a row the API refuses as failed, keeps the journal, and sends only that row again', async () => {
    const existing = await client.people.create({ firstName: 'Old', email: 'old@example.com' })
    const path = join(dir, 'updates.csv')
    writeFileSync(path, `id,city\n${existing.id},Austin\nnosuchcontact1,Dallas\n`)
    const scan = await scanOf(path)
    const first = await runImport({ client, scan, journalDir: dir })
    expect(first).toMatchObject({
      updated: 1,
      failed: 1,
      failures: [{ row: 3, error: expect.stringContaining('404') }],
    })
    expect(first.stopped).toBeUndefined()
    expect((await client.people.get(existing.id)).city).toBe('Austin')

    const resume = await readJournal(journalPath(dir, scan.hash))
    expect(resume?.finishedAt).toBeDefined()
    sent = []
    const second = await runImport({ client, scan, journalDir: dir, ...(resume ? { resume } : {}) })
    expect(second).toMatchObject({ alreadyDone: 1, failed: 1 })
    expect(sent).toEqual(['PUT /v1/people/nosuchcontact1'])
  })

  it('stops at once on a rejected key, with nothing recorded, instead of failing every row', async () => {
    const path = contactsCsv(20)
    const scan = await scanOf(path)
    const result = await runImport({ client: connect('ccmd_test_not_the_key'), scan, journalDir: dir, concurrency: 2 })
    expect(result.stopped?.kind).toBe('auth')
    expect(result.done).toBe(0)
    expect(sent.length).toBeLessThanOrEqual(2)
    expect((await readJournal(journalPath(dir, scan.hash)))?.done.size).toBe(0)
  })

  it('sends nothing when the file changed after it was checked', async () => {
    const path = contactsCsv(5)
    const scan = await scanOf(path)
    writeFileSync(path, 'First Name\nSomeone else\n')
    const result = await runImport({ client, scan, journalDir: dir })
    expect(result.stopped?.kind).toBe('file-changed')
    expect(sent).toEqual([])
  })
})
