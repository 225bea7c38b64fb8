import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type CcClient, createClient } from '@cc/client'
import { createSandbox, type Sandbox } from '@cc/sandbox'
import { type Person, parseTags } from '@cc/schema'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readBulkJournal } from './journal.js'
import { runBulk } from './run-bulk.js'

let sandbox: Sandbox
let client: CcClient
let dir: string
/** Requests the client sent, by method. */
let sent: string[]
/** Runs before each request reaches the sandbox (to act as someone else at that moment). */
let before: ((request: Request) => Promise<void> | void) | undefined

beforeEach(async () => {
  sandbox = await createSandbox({ seed: 1 })
  sent = []
  before = undefined
  client = createClient({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.url,
    logLevel: 'off',
    // Short waits: the faults below ask for 1 ms.
    backoff: { initialDelay: 1, maxDelay: 5 },
    fetch: async (request) => {
      sent.push(request.method)
      await before?.(request)
      return sandbox.fetch(request)
    },
  })
  dir = mkdtempSync(join(tmpdir(), 'cc-tui-run-bulk-'))
})
afterEach(() => sandbox.close())

async function everyone(): Promise<Person[]> {
  const people: Person[] = []
  for await (const person of client.people.list({ limit: 100 })) people.push(person)
  return people
}

describe('runBulk', () => {
  it('sets a stage through 10 % faults: every contact chosen, nothing else, each read again before its PUT', async () => {
    const all = await everyone()
    const chosen = all.slice(0, 60)
    sandbox.setFaults({ rate: 0.1, kinds: ['429', '503'], retryAfterMs: 1, seed: 7 })
    const done: number[] = []
    const result = await runBulk({
      client,
      journalDir: dir,
      start: {
        action: { kind: 'set', field: 'stage', value: 'stage_nurture' },
        items: chosen.map((person) => ({ id: person.id, expect: person.stageId ?? '' })),
        target: 'sandbox',
      },
      concurrency: 4,
      onProgress: (progress) => done.push(progress.done),
    })
    sandbox.setFaults(false)
    const already = chosen.filter((person) => person.stageId === 'stage_nurture').length
    expect(already).toBeGreaterThan(0)
    expect(result).toMatchObject({ total: 60, done: 60, updated: 60 - already, unchanged: already, failed: 0 })
    expect(result.conflicts).toBe(0)
    expect(result.stopped).toBeUndefined()
    expect(result.journalPath).toBeUndefined()
    expect(done.at(-1)).toBe(60)
    const after = new Map((await everyone()).map((person) => [person.id, person]))
    for (const person of all) {
      const now = after.get(person.id)
      if (chosen.includes(person)) expect(now?.stageId, person.id).toBe('stage_nurture')
      else expect(now, person.id).toEqual(person)
    }
    // Every contact read again (retried reads included), and only those that needed it written.
    expect(sent.filter((method) => method === 'GET').length).toBeGreaterThanOrEqual(60 + 1)
    expect(sent.filter((method) => method === 'PUT').length).toBeGreaterThanOrEqual(60 - already)
  })

  it('adds a tag to the tags each contact has right before its PUT, and skips a field changed since the preview', async () => {
    const [first, second, third] = (await everyone()).slice(0, 3) as [Person, Person, Person]
    // Someone else tags the first contact and moves the third on, after the preview.
    await client.people.update(first.id, { tags: [...parseTags(first.tags), 'Theirs'] })
    await client.people.update(third.id, { stage: third.stageId === 'stage_closed' ? 'stage_nurture' : 'stage_closed' })
    const tagged = await runBulk({
      client,
      journalDir: dir,
      start: { action: { kind: 'addTags', tags: ['Bulk'] }, items: [first, second], target: 'sandbox' },
    })
    expect(tagged).toMatchObject({ updated: 2, failed: 0 })
    expect(parseTags((await client.people.get(first.id)).tags)).toEqual([...parseTags(first.tags), 'Theirs', 'Bulk'])
    const staged = await runBulk({
      client,
      journalDir: dir,
      start: {
        action: { kind: 'set', field: 'stage', value: 'stage_past_client' },
        items: [second, third].map((person) => ({ id: person.id, expect: person.stageId ?? '' })),
        target: 'sandbox',
      },
    })
    const theirs = (await client.people.get(third.id)).stageId
    expect(staged).toMatchObject({ conflicts: 1, failed: 0 })
    expect(staged.updated + staged.unchanged).toBe(1)
    expect(staged.conflictList).toEqual([
      expect.objectContaining({ id: third.id, reason: `Stage changed meanwhile: ${third.stageId} → ${theirs} (kept)` }),
    ])
    expect((await client.people.get(second.id)).stageId).toBe('stage_past_client')
    expect((await client.people.get(third.id)).stageId).toBe(theirs)
  })

  it('reports a contact that is gone, keeps its journal, and a retry sends only what failed', async () => {
    const [kept, gone] = (await everyone()).slice(0, 2) as [Person, Person]
    await client.people.delete(gone.id, { permanent: true })
    const first = await runBulk({
      client,
      journalDir: dir,
      start: { action: { kind: 'addTags', tags: ['Bulk'] }, items: [kept, gone], target: 'sandbox' },
    })
    expect(first).toMatchObject({ updated: 1, failed: 1 })
    expect(first.failures).toEqual([
      expect.objectContaining({ row: 2, id: gone.id, reason: expect.stringMatching(/404/) }),
    ])
    expect(first.journalPath).toBeDefined()
    const journal = await readBulkJournal(first.journalPath as string)
    expect(journal?.failed.has(2)).toBe(true)
    expect(journal?.finishedAt).toBeDefined()
    sent = []
    const retry = await runBulk({ client, journalDir: dir, resume: journal })
    expect(retry).toMatchObject({ alreadyDone: 1, failed: 1, updated: 0 })
    // Only the contact that failed was read again (and found gone again: nothing was written).
    expect(sent).toEqual(['GET'])
  })

  it('stops gently: the contacts under way finish and are journalled, the rest resume without sending any twice', async () => {
    const people = (await everyone()).slice(0, 40)
    const stop = new AbortController()
    let puts = 0
    before = (request) => {
      if (request.method === 'PUT' && ++puts === 5) stop.abort()
    }
    const first = await runBulk({
      client,
      journalDir: dir,
      start: { action: { kind: 'addTags', tags: ['Once'] }, items: people, target: 'sandbox' },
      concurrency: 4,
      stop: stop.signal,
    })
    expect(first.stopped?.kind).toBe('aborted')
    expect(first.done).toBeLessThan(40)
    // Every PUT that went out got its outcome.
    expect(first.updated).toBe(puts)
    const path = first.journalPath as string
    expect(
      readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => line.includes('"outcome"')),
    ).toHaveLength(first.done)
    before = undefined
    const resumed = await runBulk({ client, journalDir: dir, resume: await readBulkJournal(path) })
    expect(resumed).toMatchObject({ done: 40, failed: 0, alreadyDone: first.done })
    expect(existsSync(path)).toBe(false)
    for (const person of people) {
      const tags = parseTags((await client.people.get(person.id)).tags)
      expect(
        tags.filter((tag) => tag === 'Once'),
        person.id,
      ).toHaveLength(1)
    }
  })

  it('stops at a rejected key, keeping the journal for a resume', async () => {
    const people = (await everyone()).slice(0, 5)
    const wrong = createClient({
      apiKey: 'ccmd_test_wrongwrongwrong',
      baseUrl: sandbox.url,
      logLevel: 'off',
      fetch: sandbox.fetch,
    })
    const result = await runBulk({
      client: wrong,
      journalDir: dir,
      start: { action: { kind: 'addTags', tags: ['X'] }, items: people, target: 'sandbox' },
    })
    expect(result.stopped?.kind).toBe('auth')
    expect(result.done).toBe(0)
    expect(result.journalPath).toBeDefined()
  })
})
