import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, KEY, renderApp } from '../../test/support/render.js'
import { createWorld, type TestWorld } from '../../test/support/sandbox.js'
import { DraftStore } from '../drafts/draft-store.js'
import { Main } from './Main.js'

let world: TestWorld
let ui: Harness | undefined

beforeEach(async () => {
  world = await createWorld()
})
afterEach(async () => {
  ui?.unmount()
  ui = undefined
  await world.close()
})

/** The first contact of the demo data, as the API has it now. */
async function firstContact() {
  const page = await world.session.client.people.list({ limit: 1 })
  const person = page.data[0]
  if (!person) throw new Error('the demo data has no contacts')
  return person
}

async function openFirst(): Promise<Harness> {
  const person = await firstContact()
  ui = renderApp(<Main session={world.session} drafts={world.drafts} env={{}} />)
  await ui.waitFor(person.fullName ?? '')
  await ui.keys(KEY.enter)
  await ui.waitFor('› First name')
  return ui
}

describe('opening a contact', () => {
  it('gives the opening up with Esc or Ctrl+C, and its hint bar shows those keys', async () => {
    const person = await firstContact()
    // The contact's read waits until the test lets it go: the editor stays on "Opening…".
    const released: (() => void)[] = []
    world.beforeFetch.current = async (request) => {
      if (request.method === 'GET' && new URL(request.url).pathname.endsWith(`/people/${person.id}`)) {
        await new Promise<void>((resolve) => released.push(resolve))
      }
    }
    ui = renderApp(<Main session={world.session} drafts={world.drafts} env={{}} />)
    await ui.waitFor(person.fullName ?? '')
    await ui.keys(KEY.enter)
    const opening = await ui.waitFor(`Opening ${person.fullName}…`)
    expect(opening).toMatch(/Esc cancel/)
    expect(opening).not.toContain('Enter open')
    await ui.keys(KEY.esc)
    await ui.waitFor('1 of 50+')
    // The answer that comes after all is ignored: the list stays.
    for (const release of released.splice(0)) release()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(ui.frame()).toContain('1 of 50+')
    expect(ui.frame()).not.toContain('› First name')

    await ui.keys(KEY.enter)
    await ui.waitFor(`Opening ${person.fullName}…`)
    await ui.keys(KEY.ctrl('c'))
    await ui.waitFor('1 of 50+')
    for (const release of released.splice(0)) release()
    // Opening again works as ever.
    world.beforeFetch.current = undefined
    await ui.keys(KEY.enter)
    await ui.waitFor('› First name')
  })
})

describe('contacts list', () => {
  it('lists contacts and searches by name', async () => {
    const person = await firstContact()
    ui = renderApp(<Main session={world.session} drafts={world.drafts} env={{}} />)
    await ui.waitFor('SANDBOX · demo data')
    await ui.waitFor(person.fullName ?? '')
    await ui.keys('/')
    await ui.type(person.lastName ?? '')
    const frame = await ui.waitFor(/found \(the API returns at most 10\)/)
    expect(frame).toContain(person.fullName)
    await ui.keys(KEY.esc)
    await ui.waitFor('1 of 50+')
  })

  it('loads the next page as the selection nears the end', async () => {
    ui = renderApp(<Main session={world.session} drafts={world.drafts} env={{}} />)
    await ui.waitFor('1 of 50+')
    await ui.keys('G')
    await ui.waitFor(/ of 100\+?/)
  })
})

describe('editing and saving', () => {
  it('edits fields, reviews old → new and saves only the changed fields', async () => {
    const person = await firstContact()
    const h = await openFirst()
    await h.keys(KEY.ctrl('u'))
    await h.type('Zed')
    await h.keys(KEY.tab, KEY.tab, KEY.tab, KEY.ctrl('u'))
    await h.type('(555) 010-2030')
    await h.keys(KEY.tab)
    await h.waitFor('Normalised from (555) 010-2030')
    await h.waitFor('2 unsaved changes')
    await h.keys(KEY.ctrl('s'))
    const review = await h.waitFor('Review 2 changes')
    expect(review).toContain(`old ${person.firstName}`)
    expect(review).toContain('new Zed')
    expect(review).toContain('new +15550102030')
    await h.keys(KEY.enter)
    await h.waitFor(/Saved 2 fields · request [0-9a-f-]+/)
    const saved = await world.session.client.people.get(person.id)
    expect(saved.firstName).toBe('Zed')
    expect(saved.phones[0]?.value).toBe('+15550102030')
    expect(saved.lastName).toBe(person.lastName)
    expect(world.drafts.get(person.id)).toBeUndefined()
  })

  it('shows schema errors under the field and will not review an invalid draft', async () => {
    const h = await openFirst()
    await h.keys(KEY.tab, KEY.tab, KEY.ctrl('u'))
    await h.type('not-an-email')
    const frame = await h.waitFor('✗ Email:')
    expect(frame).toContain('Email*')
    await h.keys(KEY.ctrl('s'))
    await h.waitFor('Fix this field first: Email')
    expect(h.frame()).not.toContain('Review')
  })

  it('keeps the draft when the save fails with a 500, and retries with one key', async () => {
    const person = await firstContact()
    const h = await openFirst()
    await h.keys(KEY.ctrl('u'))
    await h.type('Retry')
    await h.keys(KEY.ctrl('s'))
    await h.waitFor('Review 1 change')
    let failed = false
    world.beforeFetch.current = (request) => {
      if (request.method === 'PUT' && !failed) {
        failed = true
        world.sandbox.queueFaults(['500'])
      }
    }
    await h.keys(KEY.enter)
    await h.waitFor('The server had a problem (500)')
    expect(h.frame()).toContain('Your draft is kept')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(world.drafts.get(person.id)?.values.firstName).toBe('Retry')
    await h.keys('r')
    await h.waitFor('Saved 1 field')
    expect((await world.session.client.people.get(person.id)).firstName).toBe('Retry')
  })

  it('stops at a conflict and lets the person choose per field', async () => {
    const person = await firstContact()
    const h = await openFirst()
    await h.keys(KEY.ctrl('u'))
    await h.type('Mine')
    await h.keys(KEY.tab, KEY.ctrl('u'))
    await h.type('Mylast')
    // Someone else changes the first name and the city meanwhile.
    await world.session.client.people.update(person.id, { firstName: 'Theirs', city: 'Elsewhere' })
    await h.keys(KEY.ctrl('s'))
    await h.waitFor('Review 2 changes')
    await h.keys(KEY.enter)
    const conflict = await h.waitFor('Someone changed this contact')
    expect(conflict).toContain(`base    ${person.firstName}`)
    expect(conflict).toContain('○ theirs  Theirs')
    expect(conflict).toContain('● mine    Mine')
    await h.keys('t', KEY.enter)
    await h.waitFor('Review 1 change')
    await h.keys(KEY.enter)
    await h.waitFor('Saved 1 field')
    const saved = await world.session.client.people.get(person.id)
    expect(saved).toMatchObject({ firstName: 'Theirs', lastName: 'Mylast', city: 'Elsewhere' })
  })
})

describe('linear layout (INK_SCREEN_READER)', () => {
  it('reviews and resolves a conflict in sentences, and saves', async () => {
    const person = await firstContact()
    ui = renderApp(<Main session={world.session} drafts={world.drafts} env={{}} />, { linear: true, columns: 200 })
    const h = ui
    await h.waitFor(`Contact 1 of 50: ${person.fullName}`)
    await h.keys(KEY.enter)
    await h.waitFor('Field 1 of 14: First name.')
    await h.keys(KEY.ctrl('u'))
    await h.type('Mine')
    await h.waitFor('Value: Mine. Changed.')
    await h.keys(KEY.tab, KEY.ctrl('u'))
    await h.type('Mylast')
    await h.waitFor('2 unsaved changes.')
    await world.session.client.people.update(person.id, { firstName: 'Theirs' })
    await h.keys(KEY.ctrl('s'))
    await h.waitFor(`Change 1 of 2: First name, from "${person.firstName}" to "Mine".`)
    expect(h.frame()).toContain(`Change 2 of 2: Last name, from "${person.lastName}" to "Mylast".`)
    expect(h.frame()).toContain('Press Enter to save, Escape to go back.')
    await h.keys(KEY.enter)
    const conflict = await h.waitFor('Conflict: someone changed this contact since you opened it.')
    expect(conflict).toContain(
      `Field 1 of 1: First name. When you opened it: "${person.firstName}". Theirs: "Theirs". Mine: "Mine". Keeping mine.`,
    )
    await h.keys('t')
    await h.waitFor('Choices: First name, theirs.')
    await h.keys(KEY.enter)
    await h.waitFor('Review 1 change to')
    await h.keys(KEY.enter)
    await h.waitFor('Saved 1 field')
    expect(await world.session.client.people.get(person.id)).toMatchObject({ firstName: 'Theirs', lastName: 'Mylast' })
  })
})

describe('never losing work', () => {
  it('asks before leaving with unsaved changes, and discarding removes the draft', async () => {
    const person = await firstContact()
    const h = await openFirst()
    await h.type('x')
    await h.keys(KEY.esc)
    await h.waitFor('You have 1 unsaved change.')
    await h.keys(KEY.esc)
    await h.waitFor('› First name*')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(world.drafts.get(person.id)).toBeDefined()
    await h.keys(KEY.esc)
    await h.waitFor('You have 1 unsaved change.')
    await h.keys('d')
    await h.waitFor('1 of 50+')
    expect(world.drafts.get(person.id)).toBeUndefined()
  })

  it('says in the status line when drafts cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-tui-blocked-'))
    // The drafts directory is a file: no draft can be written there, whoever runs the editor.
    writeFileSync(join(dir, 'state'), '')
    const drafts = new DraftStore(join(dir, 'state', 'drafts.json'), { debounceMs: 10, maxWaitMs: 20 })
    const person = await firstContact()
    ui = renderApp(<Main session={world.session} drafts={drafts} env={{}} />, { columns: 160 })
    await ui.waitFor(person.fullName ?? '')
    await ui.keys(KEY.enter)
    await ui.waitFor('› First name')
    await ui.type('x')
    const frame = await ui.waitFor('NOT kept as a draft')
    expect(frame).toMatch(/\* 1 unsaved change · ✗ NOT kept as a draft: cannot write the drafts file \(/)
    expect(frame).not.toContain('kept as a draft until saved')
  })

  it('offers to restore a draft when the contact is opened again', async () => {
    const person = await firstContact()
    const h = await openFirst()
    await h.type('Draft')
    await h.keys(KEY.esc)
    await h.waitFor('You have 1 unsaved change.')
    // Leave without deciding: the app (and the person) may be gone; the draft stays on disk.
    h.unmount()
    ui = renderApp(<Main session={world.session} drafts={world.drafts} env={{}} />)
    await ui.waitFor(person.fullName ?? '')
    await ui.keys(KEY.enter)
    await ui.waitFor(`Unsaved changes to ${person.fullName}`)
    expect(ui.frame()).toContain('changes one field: First name')
    await ui.keys('r')
    await ui.waitFor(`${person.firstName}Draft`)
  })

  it('undoes and reverts a field', async () => {
    const person = await firstContact()
    const h = await openFirst()
    await h.type('abc')
    await h.type(' def')
    await h.keys(KEY.ctrl('z'))
    await h.waitFor(`› First name*   ${person.firstName}abc`)
    await h.keys(KEY.ctrl('r'))
    await h.waitFor('no changes')
  })
})

describe('tags and stage', () => {
  it('adds, refuses a duplicate, and removes tags', async () => {
    const h = await openFirst()
    for (let i = 0; i < 8; i++) await h.keys(KEY.tab)
    await h.waitFor('› Tags')
    await h.type('Brand New')
    await h.keys(KEY.enter)
    await h.waitFor('[Brand New]')
    await h.type('brand new')
    await h.keys(KEY.enter)
    await h.waitFor('"brand new" is already there')
    await h.keys(KEY.ctrl('u'), KEY.backspace)
    await h.waitFor(/Tags\*?\s/)
    expect(h.frame()).not.toContain('[Brand New]')
  })

  it('keeps a tag it cannot add when the field is left, and shows why', async () => {
    const h = await openFirst()
    for (let i = 0; i < 8; i++) await h.keys(KEY.tab)
    await h.waitFor('› Tags')
    await h.type('y'.repeat(51))
    await h.keys(KEY.tab)
    await h.waitFor('› Street')
    const frame = await h.waitFor('not added')
    expect(frame).toContain(`+"${'y'.repeat(19)}…" not added`)
    expect(frame).toContain('✗ Tags: a tag can be at most 50 characters (you have 51)')
    await h.keys(KEY.ctrl('s'))
    await h.waitFor('Fix this field first: Tags')
  })

  it('picks a stage from the stages seen in the data', async () => {
    const h = await openFirst()
    for (let i = 0; i < 4; i++) await h.keys(KEY.tab)
    await h.waitFor('› Stage')
    await h.keys(KEY.enter)
    await h.waitFor('Stage:')
    await h.type('lead')
    await h.waitFor('› Lead (stage_lead)')
    await h.keys(KEY.enter)
    await h.waitFor(/› Stage\*?\s+Lead \(stage_lead\)/)
  })
})

describe('help', () => {
  it('lists the key bindings from the keymap', async () => {
    ui = renderApp(<Main session={world.session} drafts={world.drafts} env={{}} />)
    await ui.waitFor('1 of 50+')
    await ui.keys('?')
    const frame = await ui.waitFor('Keys (')
    expect(frame).toContain('Everywhere')
    expect(frame).toContain('Show all key bindings')
    await ui.keys(KEY.esc)
    await ui.waitFor('1 of 50+')
  })
})
