import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ContactValues, ListPeopleResponse, type Person } from '@cc/schema'
import { afterAll, describe, expect, it } from 'vitest'
import { call } from '../../test/call.js'
import { createSandbox, type Sandbox } from '../index.js'
import { DEMO_ACTIVITIES, DEMO_CONTACTS, DEMO_DEALS, demoSize, generateDemoData } from './demo-data.js'
import { contactStages, users } from './fixtures.js'
import { createRandom } from './random.js'

async function allPeople(sandbox: Sandbox): Promise<Person[]> {
  const people: Person[] = []
  let cursor: string | null | undefined
  do {
    const res = await call(sandbox, 'GET', `/people?limit=100${cursor ? `&cursor=${cursor}` : ''}`)
    const page = ListPeopleResponse.parse(res.body)
    people.push(...page.data)
    cursor = page.meta.hasMore ? page.meta.nextCursor : undefined
  } while (cursor)
  return people
}

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('demo data', () => {
  it('is the same for the same seed and different for another', () => {
    expect(generateDemoData(42)).toEqual(generateDemoData(42))
    expect(generateDemoData(43).people[0]).not.toEqual(generateDemoData(42).people[0])
  })

  it('has ~200 valid, realistic contacts: every one passes the write schema', () => {
    const { people, deals, activities } = generateDemoData(1)
    expect(people).toHaveLength(DEMO_CONTACTS)
    for (const { id, createdAt, updatedAt, assignedAgentId, relationship, ...fields } of people) {
      expect(ContactValues.parse(fields)).toEqual(fields)
      expect(id).toMatch(/^[a-z0-9]{13}$/)
      expect(Date.parse(updatedAt)).toBeGreaterThanOrEqual(Date.parse(createdAt))
      expect(users.map((u) => u.id)).toContain(assignedAgentId)
      expect(typeof relationship).toBe('boolean')
    }
    expect(new Set(people.map((p) => p.email).filter(Boolean)).size).toBe(people.filter((p) => p.email).length)
    expect(people.every((p) => p.email || p.phone)).toBe(true)
    expect(people.filter((p) => p.phone).every((p) => /^\+1\d{10}$/.test(p.phone ?? ''))).toBe(true)
    expect(new Set(people.map((p) => p.stage)).size).toBe(contactStages.length)
    expect(people.filter((p) => p.tags?.length).length).toBeGreaterThan(100)
    expect(people.filter((p) => p.background).length).toBeGreaterThan(100)
    expect(deals.length).toBeGreaterThan(10)
    expect(activities.length).toBeGreaterThan(50)
  })

  it('the same seed serves identical contacts from two sandboxes', async () => {
    const a = await createSandbox({ seed: 5 })
    const b = await createSandbox({ seed: 5 })
    expect(await allPeople(a)).toEqual(await allPeople(b))
    await Promise.all([a.close(), b.close()])
  })

  it('seed false starts with no contacts but with the account (users, stages)', async () => {
    const sandbox = await createSandbox({ seed: false })
    expect(await allPeople(sandbox)).toEqual([])
    expect((await call(sandbox, 'GET', '/users')).body.data.length).toBe(users.length)
    const created = await call(sandbox, 'POST', '/people', { body: { firstName: 'Solo', stage: 'stage_closed' } })
    expect(created.body.data.person.stageName).toBe('Closed')
    await sandbox.close()
  })
})

describe('persistence', () => {
  it('keeps data in dataDir across restarts and seeds only an empty database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-sandbox-'))
    dirs.push(dir)
    const first = await createSandbox({ dataDir: join(dir, 'nested') })
    const created = await call(first, 'POST', '/people', { body: { firstName: 'Persisted', email: 'p@example.com' } })
    await call(first, 'DELETE', `/people/${(await allPeople(first))[0]?.id}?permanent=true`)
    await first.close()

    const second = await createSandbox({ dataDir: join(dir, 'nested'), seed: 99 })
    const people = await allPeople(second)
    expect(people).toHaveLength(DEMO_CONTACTS) // 200 seeded - 1 deleted + 1 created, not reseeded with 99
    expect(people.at(-1)?.id).toBe(created.body.data.id)
    await second.reset()
    const reset = await allPeople(second)
    expect(reset.map((p) => p.id)).not.toContain(created.body.data.id)
    expect(reset).toEqual(await allPeople(await keep(createSandbox({ seed: 99 }))))
    await second.close()
  })
})

const opened: Sandbox[] = []
async function keep(promise: Promise<Sandbox>): Promise<Sandbox> {
  const sandbox = await promise
  opened.push(sandbox)
  return sandbox
}
afterAll(() => Promise.all(opened.map((s) => s.close())))

describe('createRandom', () => {
  it('is deterministic and stays in range', () => {
    const a = createRandom(3)
    const b = createRandom(3)
    const draws = Array.from({ length: 1000 }, () => a.int(1, 6))
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b.int(1, 6)))
    expect(new Set(draws)).toEqual(new Set([1, 2, 3, 4, 5, 6]))
    const floats = Array.from({ length: 1000 }, () => a.next())
    expect(floats.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(a.sample([1, 2, 3, 4], 3)).toHaveLength(3)
    expect(new Set(a.sample([1, 2, 3, 4], 4)).size).toBe(4)
    expect(() => a.pick([])).toThrow(RangeError)
  })
})

describe('seed sizes', () => {
  it('a seed number is the demo: the same as { value } and { value, contacts: 200 }', async () => {
    const people = await allPeople(await keep(createSandbox({ seed: 5 })))
    expect(people).toHaveLength(DEMO_CONTACTS)
    expect(await allPeople(await keep(createSandbox({ seed: { value: 5 } })))).toEqual(people)
    expect(await allPeople(await keep(createSandbox({ seed: { value: 5, contacts: DEMO_CONTACTS } })))).toEqual(people)
    expect(await allPeople(await keep(createSandbox({ seed: { contacts: DEMO_CONTACTS } })))).toEqual(
      await allPeople(await keep(createSandbox())),
    )
  })

  it('{ contacts } gives that many realistic, valid contacts, the same each time, and the demo deals and activities', () => {
    const data = generateDemoData(9, 5000)
    expect(generateDemoData(9, 5000)).toEqual(data)
    expect(data.people).toHaveLength(5000)
    for (const { id, createdAt, updatedAt, assignedAgentId, relationship, ...fields } of data.people) {
      expect(ContactValues.parse(fields)).toEqual(fields)
    }
    const ids = new Set(data.people.map((p) => p.id))
    expect(ids.size).toBe(5000)
    const emails = data.people.flatMap((p) => (p.email ? [p.email] : []))
    expect(new Set(emails).size).toBe(emails.length)
    expect(emails.length).toBeGreaterThan(4000)
    // Every phone stays in the fictional 555-0100–0199 range; past 100 per area code, numbers repeat.
    expect(data.people.every((p) => p.phone === undefined || /^\+1\d{3}55501\d\d$/.test(p.phone))).toBe(true)
    expect(data.people.every((p) => p.email || p.phone)).toBe(true)
    const created = data.people.map((p) => p.createdAt)
    expect(created).toEqual([...created].sort())
    expect(new Set(data.people.map((p) => p.lastName)).size).toBeGreaterThan(50)
    expect(data.deals).toHaveLength(DEMO_DEALS)
    expect(data.activities).toHaveLength(DEMO_ACTIVITIES)
    expect(data.deals.every((deal) => deal.peopleIds?.every((id) => ids.has(id)))).toBe(true)
    expect(data.activities.every((activity) => ids.has(activity.personId))).toBe(true)
    expect(demoSize(100)).toEqual({ contacts: 100, deals: 15, activities: 75 })
    expect(demoSize(0)).toEqual({ contacts: 0, deals: 0, activities: 0 })
  })

  it('createSandbox({ seed: { contacts } }) serves them, finds them by name, and reset brings them back', async () => {
    const sandbox = await keep(createSandbox({ seed: { value: 2, contacts: 1500 } }))
    const people = await allPeople(sandbox)
    expect(people).toHaveLength(1500)
    const target = people[700] as Person
    const found = await call(sandbox, 'GET', `/people/search?name=${encodeURIComponent(target.fullName ?? '')}`)
    expect(found.body.data.map((p: Person) => p.id)).toContain(target.id)
    await call(sandbox, 'DELETE', `/people/${target.id}?permanent=true`)
    await sandbox.reset()
    expect(await allPeople(sandbox)).toEqual(people)
    expect(await allPeople(await keep(createSandbox({ seed: { contacts: 0 } })))).toEqual([])
  })

  it('rejects a bad seed, naming the option', async () => {
    for (const seed of [{ contacts: -1 }, { contacts: 1_000_001 }, { contacts: 1.5 }, { value: 'x' }, { count: 5 }]) {
      await expect(createSandbox({ seed } as never)).rejects.toThrow(/options\.seed/)
    }
  })
})
