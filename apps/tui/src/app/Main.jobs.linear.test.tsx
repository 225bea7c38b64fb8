import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseTags } from '@cc/schema'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, KEY, renderApp } from '../../test/support/render.js'
import { createWorld, type TestWorld } from '../../test/support/sandbox.js'
import { Main } from './Main.js'

// The bulk edit and the import in the linear layout (INK_SCREEN_READER): every step in sentences, against an
// in-process sandbox.

let world: TestWorld
let ui: Harness | undefined
let dir: string

beforeEach(async () => {
  world = await createWorld()
  dir = mkdtempSync(join(tmpdir(), 'cc-tui-jobs-linear-'))
})
afterEach(async () => {
  ui?.unmount()
  ui = undefined
  await world.close()
})

// Nothing a screen reader would spell out: box drawing, bars, arrows, pointers.
const drawing = /[╭╮╰╯█░›→]/

async function start(): Promise<Harness> {
  const paths = { bulkDir: join(dir, 'bulk'), importsDir: join(dir, 'imports') }
  ui = renderApp(<Main session={world.session} drafts={world.drafts} env={{}} paths={paths} />, {
    linear: true,
    columns: 300,
  })
  await ui.waitFor('Contact 1 of 50')
  return ui
}

describe('linear layout (INK_SCREEN_READER)', () => {
  it('speaks each step of a bulk edit in sentences, and sends it', async () => {
    const [a, b] = (await world.session.client.people.list({ limit: 2 })).data
    const h = await start()
    await h.keys(' ', ' ')
    await h.waitFor('2 selected.')
    await h.keys('b')
    const action = await h.waitFor('Bulk edit of 2 selected contacts. Action 1 of 5: Set the stage.')
    expect(action).not.toMatch(drawing)
    await h.keys(KEY.down, KEY.enter)
    await h.waitFor('Add tags, for 2 selected contacts. Tags to add (separated by commas): (empty).')
    await h.type('Spoken')
    await h.waitFor('Tags to add (separated by commas): Spoken.')
    await h.keys(KEY.enter)
    const preview = await h.waitFor('Bulk edit of 2 contacts: add tag Spoken. 2 change, 0 need no change.')
    expect(preview).toContain(`Change 1 of 2: ${a?.fullName}, from`)
    expect(preview).toContain('Enter to send, Escape to go back.')
    expect(preview).not.toMatch(drawing)
    await h.keys(KEY.enter)
    const result = await h.waitFor('Done: Add tag Spoken. 2 of 2 contacts done: 2 updated, 0 needed no change')
    expect(result).toContain('Enter to go back to the list.')
    expect(result).not.toMatch(drawing)
    for (const person of [a, b]) {
      expect(parseTags((await world.session.client.people.get(person?.id as string)).tags)).toContain('Spoken')
    }
  })

  it('speaks the check of an import file and its result in sentences', async () => {
    const file = join(dir, 'spoken.csv')
    writeFileSync(file, 'firstName,lastName,email\nCy,Spoken,cy.spoken@example.com\n')
    const h = await start()
    await h.keys('i')
    await h.waitFor('Import contacts. File to import, CSV or JSONL as cc-tui export writes it: (empty).')
    await h.type(file)
    await h.keys(KEY.enter)
    const check = await h.waitFor(`Import ${file}: 1 to create, 0 to update, 0 to skip, 0 invalid (1 row, CSV).`)
    expect(check).toContain('Enter to import it, Escape to go back.')
    expect(check).not.toMatch(drawing)
    await h.keys(KEY.enter)
    const result = await h.waitFor('Done: Import')
    expect(result).toContain('1 of 1 rows done: 1 created, 0 updated')
    expect(result).not.toMatch(drawing)
  })
})
