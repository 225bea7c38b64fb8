import type { Person } from '@cc/schema'
import { parseTags } from '@cc/schema'
import { describe, expect, it } from 'vitest'
import { useEditorTerminal } from './editor-terminal.js'

// Bulk edits in the real editor (tmux) against the loopback API with faults on, and what the API holds after: every
// selected contact changed, nothing else touched.

/** The status of every request the API answered, from its log (`PUT /v1/people/… 503 1.2ms …`). */
const statuses: number[] = []
const { loopback, launch } = useEditorTerminal({
  log: (line) => statuses.push(Number(line.split(' ')[2])),
  launch: { columns: 100, rows: 30 },
})

/** Every contact, in list order, read without faults. */
async function everyContact(): Promise<Person[]> {
  const all: Person[] = []
  for await (const person of loopback.client.people.list({ limit: 100 })) all.push(person)
  return all
}

/** What a bulk edit could touch, and when the contact last changed. */
const shape = (person: Person) => ({
  stageId: person.stageId,
  tags: person.tags ?? '',
  source: person.source ?? '',
  timeframe: person.timeframe ?? '',
  updatedAt: person.updatedAt,
})

describe('bulk edit in a real terminal', () => {
  it('changes the stage and adds a tag on exactly the selected contacts through 10 % injected 429s and 503s', async () => {
    const before = await everyContact()
    const selected = before.slice(0, 12)
    const stage = ['stage_nurture', 'stage_prospect', 'stage_closed'].find(
      (id) => selected.filter((person) => person.stageId === id).length < 12,
    ) as string
    const t = await launch()
    for (let i = 0; i < 12; i++) t.keys('Space')
    await t.waitFor('Contacts · 12 selected')
    expect(t.screen()).toContain(`✓ ${selected[0]?.fullName}`)
    loopback.sandbox.setFaults({ rate: 0.1, kinds: ['429', '503'], seed: 7, retryAfterMs: 50 })
    statuses.length = 0

    t.keys('b')
    await t.waitFor('Bulk edit of 12 selected contacts')
    t.keys('Enter')
    await t.waitFor('Stage (type to narrow')
    t.type(stage)
    t.keys('Enter')
    const preview = await t.waitFor('will change')
    const changing = selected.filter((person) => person.stageId !== stage).length
    expect(preview).toContain(`${changing} contacts will change · ${12 - changing} need no change`)
    t.keys('Enter')
    const staged = await t.waitFor(/Done: Set stage to .*\n.*12 of 12 contacts done/, 60_000)
    expect(staged).toContain(
      `${changing} updated · ${12 - changing} needed no change · 0 skipped (changed meanwhile) · 0 failed`,
    )
    t.keys('Enter')
    await t.waitFor('Contacts · 12 selected')

    t.keys('b', 'Down', 'Enter')
    await t.waitFor('Tags to add')
    t.type('E2E Bulk')
    t.keys('Enter')
    await t.waitFor('12 contacts will change · 0 need no change')
    t.keys('Enter')
    const tagged = await t.waitFor(/Done: Add tag E2E Bulk\n.*12 of 12 contacts done · 12 updated/, 60_000)
    expect(tagged).toContain('0 failed')
    loopback.sandbox.setFaults(false)
    // The faults did hit the runs (each was ridden out by a retry).
    expect(statuses.filter((status) => status === 429 || status === 503).length).toBeGreaterThan(0)

    const after = await everyContact()
    const byId = new Map(after.map((person) => [person.id, person]))
    for (const person of selected) {
      const now = byId.get(person.id) as Person
      expect(now.stageId).toBe(stage)
      expect(parseTags(now.tags)).toEqual([...parseTags(person.tags), 'E2E Bulk'])
      expect(now.source ?? '').toBe(person.source ?? '')
    }
    const others = before.slice(12)
    expect(others.length).toBeGreaterThan(100)
    for (const person of others) expect(shape(byId.get(person.id) as Person)).toEqual(shape(person))
  })

  it('offers a bulk edit killed half-way (kill -9) at the next start, and resumes it without sending twice', async () => {
    const before = await everyContact()
    const t = await launch()
    // Every contact on screen.
    t.keys('*')
    const header = await t.waitFor(/Contacts · (\d+) selected/)
    const count = Number(/Contacts · (\d+) selected/.exec(header)?.[1])
    expect(count).toBeGreaterThan(15)
    const selected = before.slice(0, count)
    // Slow answers: the run is still going when it is killed.
    loopback.sandbox.setFaults({ rate: 1, kinds: ['slow'], latencyMs: 400 })
    t.keys('b', 'Down', 'Enter')
    await t.waitFor('Tags to add')
    t.type('Resumed')
    t.keys('Enter')
    await t.waitFor(`${count} contacts will change`)
    t.keys('Enter')
    await t.waitFor(new RegExp(`\\b([1-9]|1[0-9]) of ${count} contacts done`), 30_000)
    process.kill(t.pid(), 'SIGKILL')
    expect(await t.waitForExit()).toBe(137)
    t.kill()
    loopback.sandbox.setFaults(false)

    const again = await launch({ waitFor: false })
    const offer = await again.waitFor('A bulk edit did not finish.')
    expect(offer).toContain('Add tag Resumed')
    expect(offer).toMatch(new RegExp(`\\d+ of ${count} contacts done`))
    again.keys('r')
    const done = await again.waitFor(new RegExp(`Done: Add tag Resumed\\n.*${count} of ${count} contacts done`), 30_000)
    expect(done).toContain('0 failed')
    const after = new Map((await everyContact()).map((person) => [person.id, person]))
    for (const person of selected) {
      // Once each: a contact whose PUT went through before the kill is found with the tag, not tagged again.
      expect(parseTags(after.get(person.id)?.tags)).toEqual([...parseTags(person.tags), 'Resumed'])
    }
    for (const person of before.slice(count)) expect(parseTags(after.get(person.id)?.tags)).not.toContain('Resumed')
  })
})
