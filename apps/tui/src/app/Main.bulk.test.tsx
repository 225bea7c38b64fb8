import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Person } from '@cc/schema'
import { parseTags } from '@cc/schema'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, KEY, renderApp } from '../../test/support/render.js'
import { createWorld, type TestWorld } from '../../test/support/sandbox.js'
import { Main } from './Main.js'

// Bulk edits and imports in the editor, against an in-process sandbox: the selection, the action, the preview, the
// run and its result, the journal that lets a run be resumed.

let world: TestWorld
let ui: Harness | undefined
let paths: { bulkDir: string; importsDir: string }

beforeEach(async () => {
  world = await createWorld()
  const dir = mkdtempSync(join(tmpdir(), 'cc-tui-jobs-'))
  paths = { bulkDir: join(dir, 'bulk'), importsDir: join(dir, 'imports') }
})
afterEach(async () => {
  ui?.unmount()
  ui = undefined
  await world.close()
})

const client = () => world.session.client

async function firstContacts(count: number): Promise<Person[]> {
  return (await client().people.list({ limit: count })).data
}

async function start(): Promise<Harness> {
  return startShowing('1 of 50+')
}

/** The editor, once `ready` is on screen (whatever is over the list). */
async function startShowing(ready: string | RegExp): Promise<Harness> {
  ui = renderApp(<Main session={world.session} drafts={world.drafts} env={{}} paths={paths} />, { columns: 160 })
  await ui.waitFor(ready)
  return ui
}

describe('bulk edit', () => {
  it('selects with Space, previews old → new, adds a tag to exactly the selected contacts, and says so', async () => {
    const [a, b, c, d] = await firstContacts(4)
    const h = await start()
    await h.keys(' ', ' ', KEY.down, ' ')
    await h.waitFor('Contacts · 3 selected')
    expect(h.frame()).toContain(`✓ ${a?.fullName}`)
    expect(h.frame()).not.toContain(`✓ ${c?.fullName}`)
    await h.keys('b')
    await h.waitFor('Bulk edit of 3 selected contacts')
    await h.keys(KEY.down, KEY.enter)
    await h.waitFor('Tags to add')
    await h.type('Bulk Tagged')
    await h.keys(KEY.enter)
    const preview = await h.waitFor('3 contacts will change · 0 need no change')
    expect(preview).toContain('Add tag Bulk Tagged')
    expect(preview).toMatch(new RegExp(`${a?.fullName}: .* → .*Bulk Tagged`))
    await h.keys(KEY.enter)
    const result = await h.waitFor('Done: Add tag Bulk Tagged')
    expect(result).toContain('3 of 3 contacts done · 3 updated')
    for (const person of [a, b, d]) {
      const now = await client().people.get(person?.id as string)
      expect(parseTags(now.tags)).toEqual([...parseTags(person?.tags), 'Bulk Tagged'])
    }
    expect(parseTags((await client().people.get(c?.id as string)).tags)).not.toContain('Bulk Tagged')
    // Every contact done: the journal is gone.
    expect(readdirSync(paths.bulkDir).filter((name) => name.endsWith('.jsonl'))).toEqual([])
    await h.keys(KEY.enter)
    await h.waitFor('Contacts · 3 selected')
  })

  it('refuses a value the schema refuses, naming the field and the rule', async () => {
    const h = await start()
    await h.keys(' ', 'b')
    await h.waitFor('Bulk edit of 1 selected contact')
    await h.keys(KEY.down, KEY.down, KEY.down, KEY.enter)
    await h.waitFor('Source (empty clears it)')
    await h.type('x'.repeat(101))
    await h.keys(KEY.enter)
    await h.waitFor(/✗ Source: .*100/)
  })

  it('skips a contact someone else moved to another stage since the preview, and lists it with the reason', async () => {
    const [a, b] = await firstContacts(2)
    const stages = ['stage_lead', 'stage_prospect', 'stage_nurture', 'stage_closed']
    const [target, elsewhere] = stages.filter((stage) => stage !== a?.stageId && stage !== b?.stageId)
    const h = await start()
    await h.keys(' ', ' ', 'b', KEY.enter)
    await h.waitFor('Stage (type to narrow')
    await h.type(target as string)
    await h.keys(KEY.enter)
    await h.waitFor('2 contacts will change')
    // Someone else moves b meanwhile.
    await client().people.update(b?.id as string, { stage: elsewhere as string })
    await h.keys(KEY.enter)
    const result = await h.waitFor(`(${target})`)
    await h.waitFor('Done: Set stage to')
    expect(h.frame()).toContain('1 updated')
    expect(h.frame()).toContain('1 skipped (changed meanwhile)')
    expect(h.frame()).toMatch(new RegExp(`${b?.fullName}: skipped: Stage changed meanwhile`))
    expect(result).toContain('Set stage to')
    expect((await client().people.get(a?.id as string)).stageId).toBe(target)
    expect((await client().people.get(b?.id as string)).stageId).toBe(elsewhere)
  })

  it('lists each failure with its reason and retries only the failed ones with one key', async () => {
    const [a, b, c] = await firstContacts(3)
    // b has as many tags as a contact may have: one more cannot be added.
    const full = Array.from({ length: 20 }, (_, i) => `Tag ${i + 1}`)
    await client().people.update(b?.id as string, { tags: full })
    const h = await start()
    await h.keys(' ', ' ', ' ', 'b', KEY.down, KEY.enter)
    await h.type('Retry Me')
    await h.keys(KEY.enter)
    await h.waitFor('2 contacts will change · 0 need no change · 1 cannot take it (reported, not sent)')
    await h.keys(KEY.enter)
    const result = await h.waitFor('Done: Add tag Retry Me')
    expect(result).toContain('2 updated')
    expect(result).toContain('1 failed')
    expect(result).toMatch(new RegExp(`${b?.fullName}: Tags .*20`))
    expect(result).toContain('r retries the 1 failed')
    // Someone makes room; one key retries the failed contact only.
    await client().people.update(b?.id as string, { tags: full.slice(1) })
    const puts: string[] = []
    world.beforeFetch.current = (request) => {
      if (request.method === 'PUT') puts.push(new URL(request.url).pathname)
    }
    await h.keys('r')
    const again = await h.waitFor('2 done before')
    expect(again).toContain('3 of 3 contacts done · 1 updated')
    expect(again).toContain('0 failed')
    expect(puts).toEqual([`/v1/people/${b?.id}`])
    for (const person of [a, b, c]) {
      expect(parseTags((await client().people.get(person?.id as string)).tags)).toContain('Retry Me')
    }
  })
})

describe('a bulk edit left with failures', () => {
  it('is offered at the next start and resumed for the failed contacts only, leaving no journal behind', async () => {
    const [a, b] = await firstContacts(2)
    const full = Array.from({ length: 20 }, (_, i) => `Tag ${i + 1}`)
    await client().people.update(b?.id as string, { tags: full })
    let h = await start()
    await h.keys(' ', ' ', 'b', KEY.down, KEY.enter)
    await h.type('Later')
    await h.keys(KEY.enter)
    await h.waitFor('will change')
    await h.keys(KEY.enter)
    await h.waitFor('Done: Add tag Later')
    h.unmount()
    await client().people.update(b?.id as string, { tags: full.slice(1) })

    h = await startShowing('A bulk edit left 1 failed.')
    const offer = h.frame()
    expect(offer).toContain('Add tag Later')
    expect(offer).toContain('1 of 2 contacts done, 1 failed')
    await h.keys('r')
    await h.waitFor(/Done: Add tag Later[\s\S]*2 of 2 contacts done · 1 updated[\s\S]*1 done before/)
    for (const person of [a, b]) {
      expect(parseTags((await client().people.get(person?.id as string)).tags)).toContain('Later')
    }
    // Nothing is left: no journal, so the next start has nothing to offer.
    expect(readdirSync(paths.bulkDir).filter((name) => name.endsWith('.jsonl'))).toEqual([])
  })
})

describe('bulk edit, stopped and from search results', () => {
  it('stops sending on Esc (the requests under way finish), then goes on where it stopped with one key', async () => {
    const people = await firstContacts(6)
    // PUTs wait until let through, so that Esc comes while the run is under way.
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const puts: string[] = []
    world.beforeFetch.current = async (request) => {
      if (request.method !== 'PUT') return
      puts.push(new URL(request.url).pathname)
      await gate
    }
    const h = await start()
    await h.keys('*')
    await h.waitFor(/Contacts · \d+ selected/)
    await h.keys('b', KEY.down, KEY.enter)
    await h.type('Stopped Here')
    await h.keys(KEY.enter)
    await h.waitFor('contacts will change')
    await h.keys(KEY.enter)
    await h.waitFor('Esc stop')
    // Some requests are under way (held at the gate) when Esc comes.
    await expect.poll(() => puts.length).toBeGreaterThan(0)
    await h.keys(KEY.esc)
    await h.waitFor('Stopping: the requests under way finish')
    const sent = puts.length
    release()
    const stopped = await h.waitFor('Stopped: Add tag Stopped Here')
    expect(stopped).toContain('r goes on where it stopped')
    const updated = Number(/(\d+) updated/.exec(stopped)?.[1])
    // Only the requests already under way went out, and each finished.
    expect(updated).toBe(sent)
    world.beforeFetch.current = undefined
    await h.keys('r')
    await h.waitFor(/Done: Add tag Stopped Here[\s\S]*done before/)
    for (const person of people) {
      const tags = parseTags((await client().people.get(person.id)).tags)
      expect(tags.filter((tag) => tag === 'Stopped Here')).toHaveLength(1)
    }
  })

  it('selects search results with Space, and all of them with *', async () => {
    const [a] = await firstContacts(1)
    const h = await start()
    await h.keys('/')
    await h.type(a?.lastName ?? '')
    await h.keys(KEY.enter)
    const results = await h.waitFor(/\d+ found/)
    const found = Number(/(\d+) found/.exec(results)?.[1])
    await h.keys(' ')
    await h.waitFor('Contacts · 1 selected')
    await h.keys('*')
    await h.waitFor(`Contacts · ${found} selected`)
    await h.keys('u')
    await h.waitFor(/Contacts\s*$/m)
  })
})

describe('import', () => {
  it('checks a file as a dry run does, lists invalid rows with row, column, value and rule, then imports a good one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-tui-import-'))
    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, 'firstName,lastName,email\nAna,Bell,ana.bell@example.com\nBo,Kim,not-an-email\n')
    const good = join(dir, 'good.csv')
    writeFileSync(
      good,
      'firstName,lastName,email\nAna,Bell,ana.bell.import@example.com\nBo,Kim,bo.kim.import@example.com\n',
    )
    const h = await start()
    await h.keys('i')
    await h.waitFor('File to import')
    await h.type(bad)
    await h.keys(KEY.enter)
    const preview = await h.waitFor('1 invalid')
    expect(preview).toContain('1 to create')
    expect(preview).toMatch(/row 3, column "email", value "not-an-email": must be a valid email address/)
    expect(preview).toContain('Nothing will be sent until these are fixed')
    await h.keys(KEY.enter)
    expect(h.frame()).not.toContain('Done:')
    await h.keys(KEY.esc)
    await h.waitFor('File to import')
    for (let i = 0; i < bad.length; i++) await h.keys(KEY.backspace)
    await h.type(good)
    await h.keys(KEY.enter)
    await h.waitFor('2 to create, 0 to update, 0 to skip, 0 invalid')
    await h.keys(KEY.enter)
    const result = await h.waitFor('Done: Import')
    expect(result).toContain('2 of 2 rows done · 2 created')
    const found = await client().people.search({ email: 'bo.kim.import@example.com' })
    expect(found.map((person) => person.lastName)).toEqual(['Kim'])
  })
})
