import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Person } from '@cc/schema'
import { describe, expect, it } from 'vitest'
import { useEditorTerminal } from './editor-terminal.js'
import type { Terminal } from './tmux.js'

const FAKE_EDITOR = fileURLToPath(new URL('./fake-editor.mjs', import.meta.url))
const WAITING_EDITOR = fileURLToPath(new URL('./waiting-editor.mjs', import.meta.url))

const { loopback, home, launch } = useEditorTerminal()

async function firstContact(): Promise<Person> {
  const person = (await loopback.client.people.list({ limit: 1 })).data[0]
  if (!person) throw new Error('no demo data')
  return person
}

/** Launch against the loopback API and open the first contact. */
async function openFirst(env: Record<string, string> = {}): Promise<{ t: Terminal; person: Person }> {
  const person = await firstContact()
  const t = await launch({ env, waitFor: person.fullName ?? '' })
  t.keys('Enter')
  await t.waitFor('› First name')
  return { t, person }
}

type DraftOnDisk = { contactId: string; values: Record<string, unknown> }
/** The drafts file's drafts, by contact (each editor keeps its own under a key of its own). */
const draftsOnDisk = (): Record<string, DraftOnDisk> => {
  if (!existsSync(home().draftsFile)) return {}
  const drafts = Object.values(JSON.parse(readFileSync(home().draftsFile, 'utf8')).drafts) as DraftOnDisk[]
  return Object.fromEntries(drafts.map((draft) => [draft.contactId, draft]))
}

describe('cc-tui in a real terminal', () => {
  it('searches, opens, edits three fields, reviews and saves; the API has the change', async () => {
    const target = (await loopback.client.people.list({ limit: 20 })).data[7] as Person
    const t = await launch()
    t.keys('/')
    await t.waitFor('› Search:')
    t.type(target.lastName ?? '')
    await t.waitFor(/\d+ found/)
    await t.waitFor(target.fullName ?? '')
    t.keys('Enter')
    await t.waitFor('  Search:')
    // Several contacts may share the last name: move down to the one we want.
    const selected = () =>
      t
        .screen()
        .split('\n')
        .find((line) => line.startsWith('›')) ?? ''
    for (let i = 0; i < 10 && !selected().includes(target.fullName ?? ''); i++) {
      const before = selected()
      t.keys('Down')
      await expect.poll(selected).not.toBe(before)
    }
    expect(selected()).toContain(target.fullName)
    t.keys('Enter')
    await t.waitFor(`${target.fullName} · no changes`)

    t.keys('C-u')
    t.type('Edited')
    await t.waitFor('› First name*   Edited')
    t.keys('Tab', 'Tab', 'Tab')
    await t.waitFor('› Phone')
    t.keys('C-u')
    t.type('(555) 010-7788')
    t.keys('Tab')
    await t.waitFor('Normalised from (555) 010-7788')
    for (let i = 0; i < 6; i++) t.keys('Tab')
    await t.waitFor('› City')
    t.keys('C-u')
    t.type('Springfield')
    await t.waitFor('3 unsaved changes')

    t.keys('C-s')
    const review = await t.waitFor('Review 3 changes')
    expect(review).toContain('new Edited')
    expect(review).toContain('new +15550107788')
    expect(review).toContain('new Springfield')
    t.keys('Enter')
    await t.waitFor(/Saved 3 fields · request [0-9a-f-]+/)

    const saved = await loopback.client.people.get(target.id)
    expect(saved.firstName).toBe('Edited')
    expect(saved.phones[0]?.value).toBe('+15550107788')
    expect(saved.city).toBe('Springfield')
    expect(saved.lastName).toBe(target.lastName)
    expect(draftsOnDisk()[target.id]).toBeUndefined()
  })

  it('keeps the draft when the save gets a 500, and one key retries it', async () => {
    const { t, person } = await openFirst()
    t.keys('C-u')
    t.type('Persistent')
    t.keys('C-s')
    await t.waitFor('Review 1 change')
    // Confirming re-reads the contact (the conflict check), then sends the PUT: the 500 hits the PUT.
    loopback.sandbox.queueFaults(['none', '500'])
    t.keys('Enter')
    await t.waitFor('The server had a problem (500)')
    expect(t.screen()).toContain('Your draft is kept')
    expect((await loopback.client.people.get(person.id)).firstName).toBe(person.firstName)
    await expect.poll(() => draftsOnDisk()[person.id]?.values.firstName).toBe('Persistent')
    t.keys('r')
    await t.waitFor('Saved 1 field')
    expect((await loopback.client.people.get(person.id)).firstName).toBe('Persistent')
    expect(draftsOnDisk()[person.id]).toBeUndefined()
  })

  it('loses nothing to kill -9: the relaunched editor offers the draft back', async () => {
    const { t, person } = await openFirst()
    t.keys('Tab')
    t.keys('C-u')
    t.type('Survivor')
    await t.waitFor('› Last name*    Survivor')
    // The draft reaches the disk within a second of typing.
    await expect.poll(() => draftsOnDisk()[person.id]?.values.lastName, { timeout: 2000 }).toBe('Survivor')
    process.kill(t.pid(), 'SIGKILL')
    expect(await t.waitForExit()).toBe(137)
    t.kill()

    const again = await launch({ waitFor: person.fullName ?? '' })
    again.keys('Enter')
    await again.waitFor(`Unsaved changes to ${person.fullName}`)
    expect(again.screen()).toContain('changes one field: Last name')
    again.keys('r')
    await again.waitFor('› First name')
    expect(again.screen()).toContain('Last name*    Survivor')
  })

  it('hands the background to $EDITOR and reopens it while it is over the limit', async () => {
    const { t, person } = await openFirst({ EDITOR: `${process.execPath} ${FAKE_EDITOR}` })
    t.keys('C-g')
    await t.waitFor('Background updated from the editor')
    const screen = await t.waitFor('Written in the fake editor.')
    expect(screen).toContain('Second line.')
    expect(screen).toMatch(/ 40\/5000$/m)
    t.keys('C-s')
    await t.waitFor('Review 1 change')
    t.keys('Enter')
    await t.waitFor('Saved 1 field')
    expect((await loopback.client.people.get(person.id)).background).toBe('Written in the fake editor.\nSecond line.')
  })

  it('says when drafts cannot be written, and on a signal says where the unsaved text went', async () => {
    // The drafts directory cannot be made (a file is in its way): every draft write fails, for any user.
    writeFileSync(join(home().dir, 'state', 'cc-tui'), '')
    const person = await firstContact()
    const t = await launch({ columns: 200, waitFor: person.fullName ?? '' })
    t.keys('Enter')
    await t.waitFor('› First name')
    t.keys('C-u')
    t.type('Unwritable')
    await t.waitFor('* 1 unsaved change · ✗ NOT kept as a draft: cannot write the drafts file')
    process.kill(t.pid(), 'SIGTERM')
    expect(await t.waitForExit()).toBe(143)
    const screen = t.screen()
    expect(screen).toContain(
      `cc-tui: 1 unsaved draft (${person.fullName}) could not be saved: cannot write the drafts file`,
    )
    expect(screen).not.toContain('kept in')
    const file = /Its text is in (\S+) \(readable only by you\)\./.exec(screen)?.[1]
    if (!file) throw new Error(`no rescue file named:\n${screen}`)
    const rescued = JSON.parse(readFileSync(file, 'utf8')) as {
      drafts: Record<string, { values: { firstName: string } }>
    }
    expect(Object.values(rescued.drafts).map((draft) => draft.values.firstName)).toEqual(['Unwritable'])
    rmSync(join(file, '..'), { recursive: true, force: true })
  })

  it('removes the $EDITOR file and its directory when cc-tui is stopped by a signal meanwhile', async () => {
    const seen = join(home().dir, 'editor-file.txt')
    const { t } = await openFirst({ EDITOR: `${process.execPath} ${WAITING_EDITOR}`, WAITING_EDITOR_LOG: seen })
    t.keys('C-g')
    await expect.poll(() => existsSync(seen), { timeout: 5000 }).toBe(true)
    const [file = '', editorPid = ''] = readFileSync(seen, 'utf8').split('\n')
    expect(existsSync(file)).toBe(true)
    try {
      process.kill(t.pid(), 'SIGTERM')
      expect(await t.waitForExit()).toBe(143)
      expect(existsSync(join(file, '..'))).toBe(false)
    } finally {
      process.kill(Number(editorPid), 'SIGKILL')
    }
  })

  it('asks before quitting with unsaved changes; discarding quits and forgets the draft', async () => {
    const { t, person } = await openFirst()
    t.type('x')
    await t.waitFor('1 unsaved change')
    t.keys('Escape')
    await t.waitFor('You have 1 unsaved change.')
    t.keys('Escape')
    await t.waitFor('› First name*')
    t.keys('C-c')
    await t.waitFor('You have 1 unsaved change.')
    t.keys('d')
    expect(await t.waitForExit()).toBe(0)
    // Back on the normal screen: the editor's frame is gone.
    expect(t.screen()).not.toContain('Client Commander')
    expect(draftsOnDisk()[person.id]).toBeUndefined()
    expect((await loopback.client.people.get(person.id)).firstName).toBe(person.firstName)
  })

  it('lays out for 80×24 and again when the terminal is resized', async () => {
    const t = await launch({ waitFor: false })
    const small = await t.waitFor('1 of 50+')
    expect(small).toContain('Stage')
    expect(small).not.toContain('Updated')
    expect(small.split('\n')[0]?.length).toBeLessThanOrEqual(80)
    t.resize(130, 40)
    const large = await t.waitFor('Updated')
    expect(large).toContain('Tags')
    t.resize(80, 24)
    await expect.poll(() => t.screen().includes('Updated')).toBe(false)
    // The poll can catch the blank moment between clearing and redrawing: wait for the list to be back.
    await t.waitFor('1 of 50+')
  })

  it('opens the embedded sandbox without a key, says so, and quits at once when nothing changed', async () => {
    const t = await launch({ args: ['--sandbox'], api: false, waitFor: 'SANDBOX · demo data' })
    await t.waitFor('1 of 50+')
    t.keys('q')
    expect(await t.waitForExit()).toBe(0)
    expect(t.screen()).not.toContain('SANDBOX')
  })
})
