import { existsSync, readFileSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import type { Person } from '@cc/schema'
import { describe, expect, it } from 'vitest'
import { useEditorTerminal } from './editor-terminal.js'
import type { Terminal } from './tmux.js'

// Every job on one contact in the real editor (80×24, tmux) against the loopback API, and what the API holds after.

const { loopback, home, launch } = useEditorTerminal({ onDisk: true })

async function contactAt(index: number): Promise<Person> {
  const person = (await loopback.client.people.list({ limit: index + 1 })).data[index]
  if (!person) throw new Error('the demo data has too few contacts')
  return person
}

async function countContacts(): Promise<number> {
  let count = 0
  for await (const _ of loopback.client.people.list({ limit: 100 })) count++
  return count
}

type DraftOnDisk = {
  contactId: string
  kind?: string
  values?: unknown
  create?: { idempotencyKey: string; inFlight?: Record<string, unknown> }
}
const draftsOnDisk = (): DraftOnDisk[] =>
  existsSync(home().draftsFile) ? Object.values(JSON.parse(readFileSync(home().draftsFile, 'utf8')).drafts) : []

/** Rows of the sandbox's database, read beside it: for what the API has no endpoint for, or while it is held up. */
function query<T>(sql: string, ...values: string[]): T[] {
  const db = new DatabaseSync(loopback.databaseFile, { readOnly: true })
  try {
    return db.prepare(sql).all(...values) as T[]
  } finally {
    db.close()
  }
}

/** The activities the API keeps for a contact (the API has no endpoint that lists them). */
const activitiesOf = (personId: string) =>
  query<{ type: string; direction: string | null; content: string | null }>(
    'SELECT type, direction, content FROM activities WHERE person_id = ? ORDER BY seq',
    personId,
  )

/** Contacts stored with this email, trashed ones too, read without a request (which a queued fault would take). */
const storedWithEmail = (email: string) => query<{ id: string }>('SELECT id FROM people WHERE email = ?', email).length

/** A new contact's name and email typed in (the email first, so its lookup is done by the review). */
async function typeNewContact(t: Terminal, first: string, last: string, email: string) {
  t.keys('n')
  await t.waitFor('› First name')
  t.keys('Tab', 'Tab')
  await t.waitFor('› Email')
  t.type(email)
  t.keys('BTab', 'BTab')
  await t.waitFor('› First name')
  t.type(first)
  t.keys('Tab')
  t.type(last)
  await t.waitFor(`${first} ${last} (new) · 3 unsaved changes`)
}

describe('a new contact in a real terminal', () => {
  it('is created with n, shows in the editor and at the top of the list; the API has it', async () => {
    const t = await launch()
    await typeNewContact(t, 'Nina', 'Novak', 'nina.novak@example.com')
    t.keys('C-s')
    const review = await t.waitFor('Review: creates a new contact (3 fields)')
    expect(review).toContain('new nina.novak@example.com')
    t.keys('Enter')
    await t.waitFor(/Created Nina Novak · request [0-9a-f-]+/)
    await t.waitFor('Nina Novak · no changes')
    const found = await loopback.client.people.search({ email: 'nina.novak@example.com' })
    expect(found.map((p) => [p.firstName, p.lastName])).toEqual([['Nina', 'Novak']])
    t.keys('Escape')
    const list = await t.waitFor('1 of 51+')
    expect(list.split('\n').find((line) => line.startsWith('›'))).toContain('Nina Novak')
    expect(draftsOnDisk()).toEqual([])
  })

  it('says under the email when a contact has it, and the save updates that contact instead', async () => {
    const existing = await contactAt(4)
    const email = existing.emails[0]?.value ?? ''
    const before = await countContacts()
    const t = await launch()
    await typeNewContact(t, existing.firstName ?? '', 'Renamed', email)
    t.keys('Tab')
    await t.waitFor(`! ${existing.fullName} already has this email: a save updates it`)
    t.keys('C-s')
    const review = await t.waitFor(`Review: updates ${existing.fullName} (1 field)`)
    expect(review).not.toContain('creates')
    expect(review).toContain(`old ${existing.lastName}`)
    t.keys('Enter')
    await t.waitFor(new RegExp(`Updated ${existing.firstName} Renamed · request`))
    const found = await loopback.client.people.search({ email })
    expect(found.map((p) => [p.id, p.lastName])).toEqual([[existing.id, 'Renamed']])
    expect(await countContacts()).toBe(before)
  })

  it('survives kill -9 while its create is out: relaunched, the same create goes again, then the edit; one contact', async () => {
    const email = 'crash.safe@example.com'
    const t = await launch()
    await typeNewContact(t, 'Crash', 'Safe', email)
    t.keys('C-s')
    await t.waitFor('Review: creates a new contact (3 fields)')
    // The email's lookup is back (nobody has it) before the create goes: the next request is the create.
    await expect.poll(() => t.screen(), { timeout: 5000 }).not.toContain('Checking whether')
    // The API commits the create, then holds its answer back: the editor is killed before it learns the id.
    loopback.sandbox.setFaults({ rate: 0, kinds: ['slow-body'], latencyMs: 20_000 })
    loopback.sandbox.queueFaults(['slow-body'])
    t.keys('Enter')
    await t.waitFor('Creating…')
    await expect.poll(() => storedWithEmail(email), { timeout: 10_000 }).toBe(1)
    const sent = draftsOnDisk()
    expect(sent).toHaveLength(1)
    expect(sent[0]?.create?.inFlight).toEqual({ firstName: 'Crash', lastName: 'Safe', email })
    process.kill(t.pid(), 'SIGKILL')
    expect(await t.waitForExit()).toBe(137)
    t.kill()
    loopback.sandbox.setFaults(false)

    const again = await launch()
    await again.waitFor('1 unsaved new contact kept as a draft: n continues it')
    again.keys('n')
    await again.waitFor('Unsaved new contact: Crash Safe')
    expect(again.screen()).toContain('It was being created when cc-tui stopped.')
    again.keys('r')
    await again.waitFor('Crash Safe (new) · 3 unsaved changes')
    for (let i = 0; i < 10; i++) again.keys('Tab')
    await again.waitFor('› City')
    again.type('Safeton')
    again.keys('C-s')
    await again.waitFor('Review: finish creating this contact (4 fields)')
    again.keys('Enter')
    await again.waitFor(/Created Crash Safe · request [0-9a-f-]+/)
    await again.waitFor('Crash Safe · no changes')
    const found = await loopback.client.people.search({ email })
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ firstName: 'Crash', lastName: 'Safe', city: 'Safeton' })
    expect(storedWithEmail(email)).toBe(1)
    expect(draftsOnDisk()).toEqual([])
  })
})

describe('deleting in a real terminal', () => {
  it('moves a contact to the trash with d and Enter, and deletes another for good with d, p and its last name', async () => {
    const first = await contactAt(0)
    const second = await contactAt(1)
    const t = await launch()
    t.keys('d')
    await t.waitFor(`Move ${first.fullName} to the trash?`)
    t.keys('Enter')
    await t.waitFor(`Moved ${first.fullName} to the trash`)
    await t.waitFor(/1 of 49\+/)
    await expect(loopback.client.people.get(first.id)).rejects.toThrow(/not found|404/i)

    t.keys('d', 'p')
    await t.waitFor(`Delete ${second.fullName} for good?`)
    expect(t.screen()).toContain('This cannot be undone.')
    t.type(second.lastName ?? '')
    t.keys('Enter')
    await t.waitFor(`Deleted ${second.fullName} for good`)
    await t.waitFor(/1 of 48\+/)
    // The first is in the trash still (deleting it for good finds it); the second is gone for good.
    await expect(loopback.client.people.delete(second.id, { permanent: true })).rejects.toThrow(/not found|404/i)
    await expect(loopback.client.people.delete(first.id, { permanent: true })).resolves.toMatchObject({ deleted: true })
  })
})

describe('logging an activity in a real terminal', () => {
  it('logs an outbound call with a, and the API keeps it with the contact', async () => {
    const person = await contactAt(0)
    const t = await launch()
    t.keys('a')
    await t.waitFor(`Log an activity on ${person.fullName}`)
    t.keys('Left', 'Left')
    await t.waitFor('[call]')
    t.keys('Tab', 'Right', 'Right')
    await t.waitFor('[outbound]')
    t.keys('Tab')
    t.type('Left a voicemail')
    t.keys('Enter')
    t.type('Call back Friday')
    t.keys('C-s')
    await t.waitFor(`Review: log an outbound call on ${person.fullName}`)
    t.keys('Enter')
    await t.waitFor(/Logged an outbound call · request [0-9a-f]{8}-/)
    await t.waitFor('1 of 50+')
    expect(activitiesOf(person.id).at(-1)).toEqual({
      type: 'call',
      direction: 'outbound',
      content: 'Left a voicemail\nCall back Friday',
    })
  })
})

describe('an activity draft in a real terminal', () => {
  it('survives kill -9: the relaunched editor offers the activity back', async () => {
    const person = await contactAt(2)
    const t = await launch()
    t.keys('Down', 'Down', 'a')
    await t.waitFor(`Log an activity on ${person.fullName}`)
    t.keys('Left')
    await t.waitFor('[email]')
    t.keys('Tab', 'Tab')
    t.type('Sent the brochure')
    await expect
      .poll(() => draftsOnDisk().find((draft) => draft.contactId === person.id), { timeout: 3000 })
      .toMatchObject({ kind: 'activity', values: { type: 'email', content: 'Sent the brochure' } })
    process.kill(t.pid(), 'SIGKILL')
    expect(await t.waitForExit()).toBe(137)
    t.kill()

    const again = await launch()
    again.keys('Down', 'Down', 'a')
    await again.waitFor(`Unsaved activity for ${person.fullName}`)
    expect(again.screen()).toContain('an email, "Sent the brochure"')
    again.keys('r')
    await again.waitFor('Sent the brochure')
    again.keys('C-s')
    await again.waitFor(`Review: log an email on ${person.fullName}`)
    again.keys('Enter')
    await again.waitFor(/Logged an email · request [0-9a-f]{8}-/)
    expect(activitiesOf(person.id).at(-1)).toEqual({ type: 'email', direction: null, content: 'Sent the brochure' })
    expect(draftsOnDisk()).toEqual([])
  })
})

describe('tags in a real terminal', () => {
  it('adds three tags from one paste of "VIP, Relocating, Pool"', async () => {
    const person = await contactAt(0)
    const t = await launch()
    t.keys('Enter')
    await t.waitFor(`${person.fullName} · no changes`)
    for (let i = 0; i < 8; i++) t.keys('Tab')
    await t.waitFor('› Tags')
    t.paste('VIP, Relocating, Pool')
    await t.waitFor('[Relocating] [Pool]')
    t.keys('C-s')
    await t.waitFor('Review 1 change')
    t.keys('Enter')
    await t.waitFor('Saved 1 field')
    const tags = (await loopback.client.people.get(person.id)).tags?.split(', ') ?? []
    expect(tags).toEqual(expect.arrayContaining(['VIP', 'Relocating', 'Pool']))
  })
})
