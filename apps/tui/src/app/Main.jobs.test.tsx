import type { Person } from '@cc/schema'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, KEY, renderApp } from '../../test/support/render.js'
import { createWorld, type TestWorld } from '../../test/support/sandbox.js'
import { Main } from './Main.js'

// Every job on one contact, in the editor against an in-process sandbox: a new contact, deleting one, logging an
// activity, and the small things (tags pasted, redo, chords).

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

const client = () => world.session.client

async function contactAt(index: number): Promise<Person> {
  const person = (await client().people.list({ limit: index + 1 })).data[index]
  if (!person) throw new Error('the demo data has too few contacts')
  return person
}

/** Wide enough for every toast to show whole (the tmux tests look at 80 columns). */
async function start(): Promise<Harness> {
  ui = renderApp(<Main session={world.session} drafts={world.drafts} env={{}} />, { columns: 160 })
  await ui.waitFor('1 of 50+')
  return ui
}

/** Fill in a new contact's first name, last name and email (the cursor ends in the email). */
async function newContact(h: Harness, first: string, last: string, email: string) {
  await h.keys('n')
  await h.waitFor('New contact')
  await h.type(first)
  await h.keys(KEY.tab)
  await h.type(last)
  await h.keys(KEY.tab)
  await h.type(email)
}

/** Every request the editor sends, as `METHOD /path`. */
function recordRequests(): string[] {
  const seen: string[] = []
  world.beforeFetch.current = (request) => {
    seen.push(`${request.method} ${new URL(request.url).pathname.replace(/^\/v1/, '')}`)
  }
  return seen
}

describe('a new contact', () => {
  it('is created from an empty form, opens in the editor and appears at the top of the list', async () => {
    const h = await start()
    await newContact(h, 'Jane', 'Newcomer', 'jane.newcomer@example.com')
    await h.waitFor('Jane Newcomer (new) · 3 unsaved changes')
    await h.keys(KEY.ctrl('s'))
    const review = await h.waitFor('Review: creates a new contact (3 fields)')
    expect(review).toContain('new jane.newcomer@example.com')
    expect(review).not.toContain('old ')
    await h.keys(KEY.enter)
    await h.waitFor(/Created Jane Newcomer · request [0-9a-f-]+/)
    await h.waitFor('Jane Newcomer · no changes')
    const found = await client().people.search({ email: 'jane.newcomer@example.com' })
    expect(found.map((p) => [p.firstName, p.lastName])).toEqual([['Jane', 'Newcomer']])
    expect(world.drafts.list()).toEqual([])
    await h.keys(KEY.esc)
    const list = await h.waitFor('1 of 51+')
    expect(list.split('\n').find((line) => line.startsWith('›'))).toContain('Jane Newcomer')
  })

  it('says when the email is another contact’s, and the review says the save updates that contact', async () => {
    const existing = await contactAt(3)
    const email = existing.emails[0]?.value ?? ''
    const h = await start()
    await newContact(h, existing.firstName ?? '', 'Changed', email)
    await h.waitFor(`! ${existing.fullName} already has this email: a save updates it`)
    expect(h.frame()).toContain(`ℹ Ctrl+X o opens ${existing.fullName} instead`)
    await h.keys(KEY.ctrl('s'))
    const review = await h.waitFor(`Review: updates ${existing.fullName} (1 field)`)
    expect(review).not.toContain('creates')
    expect(review).toContain(`old ${existing.lastName}`)
    expect(review).toContain('new Changed')
    await h.keys(KEY.enter)
    await h.waitFor(
      new RegExp(
        `Updated ${existing.firstName} Changed · request [0-9a-f-]+ · the contact that already had this email`,
      ),
    )
    const found = await client().people.search({ email })
    expect(found.map((p) => p.id)).toEqual([existing.id])
    expect(found[0]?.lastName).toBe('Changed')
    expect(found[0]?.city).toBe(existing.city)
  })

  it('opens the contact that has the email instead, and keeps the new one as a draft', async () => {
    const existing = await contactAt(2)
    const h = await start()
    await newContact(h, 'Someone', 'Else', existing.emails[0]?.value ?? '')
    await h.waitFor('already has this email')
    await h.keys(KEY.ctrl('x'))
    await h.waitFor('o open match')
    await h.keys('o')
    await h.waitFor(`${existing.fullName} · no changes`)
    await h.waitFor('Your new contact is kept as a draft: n in the list continues it.')
    await h.keys(KEY.esc)
    await h.waitFor('1 unsaved new contact kept as a draft: n continues it', 12_000)
    await h.keys('n')
    await h.waitFor('Unsaved new contact: Someone Else')
    await h.keys('r')
    await h.waitFor('Someone Else (new) · 3 unsaved changes')
  })

  it('repeats a create whose answer was lost with the same key and body: one contact, then the later edit', async () => {
    // No email: the API cannot fold a second create into the first (it upserts by email only), so a create sent
    // twice would show as two contacts.
    const phone = '+15125550199'
    const h = await start()
    await h.keys('n')
    await h.waitFor('New contact')
    await h.type('Lost')
    await h.keys(KEY.tab)
    await h.type('Answer')
    await h.keys(KEY.tab, KEY.tab)
    await h.type(phone)
    await h.waitFor('Lost Answer (new) · 3 unsaved changes')
    await h.keys(KEY.ctrl('s'))
    await h.waitFor('Review: creates a new contact')
    // The sandbox commits the create, then drops the connection: the editor never learns the answer.
    const sent: { key: string | null; body: string }[] = []
    let dropped = false
    world.beforeFetch.current = async (request) => {
      if (request.method !== 'POST') return
      sent.push({ key: request.headers.get('Idempotency-Key'), body: await request.clone().text() })
      if (!dropped) {
        dropped = true
        world.sandbox.queueFaults(['reset'])
      }
    }
    await h.keys(KEY.enter)
    await h.waitFor('Not saved. Could not reach the server')
    expect(await client().people.search({ phone })).toHaveLength(1)
    // Edited meanwhile: the retry still sends the first body, then the edit as an update of what it made.
    await h.keys(KEY.esc)
    await h.waitFor('› Phone')
    for (let i = 0; i < 7; i++) await h.keys(KEY.tab)
    await h.waitFor('› City')
    await h.type('Lostville')
    await h.keys(KEY.ctrl('s'))
    await h.waitFor('Review: finish creating this contact')
    await h.keys(KEY.enter)
    await h.waitFor(/Created Lost Answer · request [0-9a-f-]+ · then saved 1 more field/)
    expect(sent).toHaveLength(2)
    expect(sent[1]).toEqual(sent[0])
    expect(sent[0]?.key).toMatch(/^cc-tui-[0-9a-f-]{36}$/)
    const found = await client().people.search({ phone })
    expect(found).toHaveLength(1)
    expect(found[0]?.city).toBe('Lostville')
    expect(world.drafts.list()).toEqual([])
  })

  it('puts a 422 on its field and sends the corrected body with the same key', async () => {
    const h = await start()
    await newContact(h, 'Bad', 'Stage', 'bad.stage@example.com')
    for (let i = 0; i < 2; i++) await h.keys(KEY.tab)
    await h.waitFor('› Stage')
    await h.keys(KEY.enter)
    await h.type('stage_nowhere')
    await h.keys(KEY.enter)
    const keys: (string | null)[] = []
    world.beforeFetch.current = (request) => {
      if (request.method === 'POST') keys.push(request.headers.get('Idempotency-Key'))
    }
    await h.keys(KEY.ctrl('s'))
    await h.waitFor('Review: creates a new contact')
    await h.keys(KEY.enter)
    await h.waitFor('The server rejected some fields (422)')
    await h.waitFor(/✗ is not a known stage/)
    await h.keys(KEY.ctrl('r'))
    await h.keys(KEY.ctrl('s'))
    await h.waitFor('Review: creates a new contact (3 fields)')
    await h.keys(KEY.enter)
    await h.waitFor('Created Bad Stage')
    expect(keys).toHaveLength(2)
    expect(keys[1]).toBe(keys[0])
    expect(await client().people.search({ email: 'bad.stage@example.com' })).toHaveLength(1)
  })

  it('cannot be deleted or logged on before it exists, and says why', async () => {
    const h = await start()
    await h.keys('n')
    await h.waitFor('New contact')
    await h.keys(KEY.ctrl('x'))
    const chord = await h.waitFor('Ctrl+X …')
    expect(chord).toContain('Esc cancel')
    expect(chord).not.toContain('d delete')
    await h.keys('d')
    await h.waitFor('This contact is not created yet: save it first (Ctrl+S).')
  })
})

describe('deleting a contact', () => {
  it('moves it to the trash from the list: it leaves the list at once', async () => {
    const person = await contactAt(0)
    const h = await start()
    const requests = recordRequests()
    await h.keys('d')
    await h.waitFor(`Move ${person.fullName} to the trash?`)
    await h.keys(KEY.enter)
    await h.waitFor(new RegExp(`Moved ${person.fullName} to the trash · request [0-9a-f-]+`))
    expect(h.frame()).not.toContain(`› ${person.fullName}`)
    expect(requests).toContain(`DELETE /people/${person.id}`)
    await expect(client().people.get(person.id)).rejects.toThrow(/404|not found/i)
    // Still in the trash: deleting it for good finds it.
    await expect(client().people.delete(person.id, { permanent: true })).resolves.toMatchObject({ deleted: true })
  })

  it('deletes for good only after the last name is typed, and says it cannot be undone', async () => {
    const person = await contactAt(0)
    const h = await start()
    await h.keys('d', 'p')
    const ask = await h.waitFor(`Delete ${person.fullName} for good?`)
    expect(ask).toContain('This cannot be undone.')
    await h.type((person.lastName ?? '').slice(0, 2))
    await h.keys(KEY.enter)
    await h.waitFor(`Type ${person.lastName} to delete ${person.fullName} for good.`)
    await h.type((person.lastName ?? '').slice(2))
    await h.keys(KEY.enter)
    await h.waitFor(`Deleted ${person.fullName} for good`)
    await expect(client().people.delete(person.id, { permanent: true })).rejects.toThrow(/404|not found/i)
  })

  it('takes a contact someone else deleted off the list without an error', async () => {
    const person = await contactAt(0)
    const h = await start()
    await client().people.delete(person.id, { permanent: true })
    await h.keys('d', KEY.enter)
    await h.waitFor(`${person.fullName} was already gone (deleted elsewhere): removed from the list.`)
    expect(h.frame()).not.toContain('✗')
    const rows = h
      .frame()
      .split('\n')
      .filter((line) => /^[ ›] \S/.test(line))
    expect(rows.length).toBeGreaterThan(10)
    expect(rows.some((line) => line.includes(person.fullName ?? '—'))).toBe(false)
  })

  it('deletes the open contact from the editor with Ctrl+X d, its draft with it, and goes back to the list', async () => {
    const person = await contactAt(1)
    const h = await start()
    await h.keys(KEY.down, KEY.enter)
    await h.waitFor(`${person.fullName} · no changes`)
    await h.type('xyz')
    await h.waitFor('1 unsaved change')
    await h.keys(KEY.ctrl('x'))
    const chord = await h.waitFor('d delete')
    expect(chord).toContain('a log')
    expect(chord).not.toContain('o open match')
    await h.keys('d')
    await h.waitFor('Its unsaved draft goes too')
    // Nothing is deleted on the way: Esc keeps it, and the draft.
    await h.keys(KEY.esc)
    await h.waitFor(`${person.firstName}xyz`)
    await h.keys(KEY.ctrl('x'), 'd', KEY.enter)
    await h.waitFor(`Moved ${person.fullName} to the trash`)
    await h.waitFor(/\d+ of 49\+/)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(world.drafts.about(person.id)).toEqual([])
  })

  it('keeps the dialog open when the delete fails, and Enter tries again', async () => {
    const person = await contactAt(0)
    const h = await start()
    await h.keys('d')
    await h.waitFor('to the trash?')
    world.sandbox.queueFaults(['500'])
    await h.keys(KEY.enter)
    await h.waitFor('Not deleted. The server had a problem (500)')
    await h.keys(KEY.enter)
    await h.waitFor(`Moved ${person.fullName} to the trash`)
  })
})

describe('logging an activity', () => {
  it('logs an outbound call with two lines of text, and the toast carries the request id', async () => {
    const person = await contactAt(0)
    const h = await start()
    const bodies: unknown[] = []
    world.beforeFetch.current = async (request) => {
      if (request.method === 'POST') bodies.push(await request.clone().json())
    }
    await h.keys('a')
    await h.waitFor(`Log an activity on ${person.fullName}`)
    await h.keys(KEY.left, KEY.left)
    await h.waitFor('[call]')
    await h.keys(KEY.tab, KEY.right, KEY.right)
    await h.waitFor('[outbound]')
    await h.keys(KEY.tab)
    await h.type('Left a voicemail')
    await h.keys(KEY.enter)
    await h.type('Call back Friday')
    await h.keys(KEY.ctrl('s'))
    const review = await h.waitFor(`Review: log an outbound call on ${person.fullName}`)
    expect(review).toContain('Call back Friday')
    await h.keys(KEY.enter)
    await h.waitFor(new RegExp(`Logged an outbound call · request [0-9a-f-]+ · activity \\S+ on ${person.fullName}`))
    expect(bodies).toEqual([
      { personId: person.id, type: 'call', direction: 'outbound', content: 'Left a voicemail\nCall back Friday' },
    ])
    await h.waitFor('1 of 50+')
    expect(world.drafts.getActivity(person.id)).toBeUndefined()
  })

  it('asks before throwing typed text away, and offers a kept activity back', async () => {
    const person = await contactAt(0)
    const h = await start()
    await h.keys('a', KEY.tab)
    await h.type('Half written')
    await h.keys(KEY.esc)
    await h.waitFor('You have an unsaved activity.')
    await h.keys(KEY.esc)
    await h.waitFor('Half written')
    h.unmount()
    ui = renderApp(<Main session={world.session} drafts={world.drafts} env={{}} />)
    await ui.waitFor('1 of 50+')
    await ui.keys('a')
    await ui.waitFor(`Unsaved activity for ${person.fullName}`)
    expect(ui.frame()).toContain('a note, "Half written"')
    await ui.keys('r')
    await ui.waitFor('Half written')
  })

  it('logs from the editor with Ctrl+X a, and goes back to the open contact', async () => {
    const person = await contactAt(0)
    const h = await start()
    await h.keys(KEY.enter)
    await h.waitFor(`${person.fullName} · no changes`)
    await h.keys(KEY.ctrl('x'), 'a')
    await h.waitFor(`Log an activity on ${person.fullName}`)
    await h.keys(KEY.tab)
    await h.type('Met at the open house')
    await h.keys(KEY.ctrl('s'))
    await h.waitFor('Review: log a note')
    await h.keys(KEY.enter)
    await h.waitFor(/Logged a note · request [0-9a-f-]+/)
    await h.waitFor(`${person.fullName} · no changes`)
  })
})

describe('small things', () => {
  it('adds every tag of a paste, and redoes what undo took back', async () => {
    const h = await start()
    await h.keys(KEY.enter)
    await h.waitFor('› First name')
    for (let i = 0; i < 8; i++) await h.keys(KEY.tab)
    await h.waitFor('› Tags')
    await h.keys(KEY.paste('Alpha, Beta, Gamma'))
    await h.waitFor('[Alpha] [Beta] [Gamma]')
    await h.keys(KEY.ctrl('z'))
    await h.waitFor(/› Tags\s+(\[\w+\] )*\s*\d+\/20/)
    expect(h.frame()).not.toContain('[Alpha]')
    await h.keys(KEY.ctrl('y'))
    await h.waitFor('[Alpha] [Beta] [Gamma]')
  })

  it('says which chord is no command, and types nothing', async () => {
    const person = await contactAt(0)
    const h = await start()
    await h.keys(KEY.enter)
    await h.waitFor(`${person.fullName} · no changes`)
    await h.keys(KEY.ctrl('x'), 'q')
    await h.waitFor('Ctrl+X q is not a command.')
    expect(h.frame()).toContain(`${person.fullName} · no changes`)
  })
})
