import type { ActivityType } from '@cc/schema'
import type { ActivityRecord } from '../storage/activities.js'
import type { DealRecord } from '../storage/deals.js'
import { ID_ALPHABET } from '../storage/ids.js'
import type { PersonRecord } from '../storage/people.js'
import { pipelines, teams, type UserFixture, users } from './fixtures.js'
import { createRandom, type Random } from './random.js'
import * as words from './word-lists.js'

export const DEMO_CONTACTS = 200
export const DEMO_DEALS = 30
export const DEMO_ACTIVITIES = 150
/** The most contacts a seed can ask for. */
export const MAX_SEED_CONTACTS = 1_000_000

/** Demo data is dated relative to this moment, not to "now", so the same seed always gives the same data. */
const EPOCH = Date.parse('2025-06-01T12:00:00Z')
const DAY = 24 * 60 * 60 * 1000

export interface DemoData {
  people: PersonRecord[]
  deals: DealRecord[]
  activities: ActivityRecord[]
}

/** Where generated records go, one at a time, in order: every contact, then the deals, then the activities. */
export interface DemoSink {
  person(record: PersonRecord): void
  deal(record: DealRecord): void
  activity(record: ActivityRecord): void
}

/**
 * How many deals and activities come with `contacts` contacts: the demo's 30 and 150 for 200 contacts or
 * more, fewer below. The API cannot list deals or activities, so more would only cost memory and time.
 */
export function demoSize(contacts: number): { contacts: number; deals: number; activities: number } {
  const share = Math.min(contacts, DEMO_CONTACTS) / DEMO_CONTACTS
  return { contacts, deals: Math.round(DEMO_DEALS * share), activities: Math.round(DEMO_ACTIVITIES * share) }
}

/** Realistic contacts, deals and activities, entirely determined by `seed` and `contacts`. */
export function generateDemoData(seed: number, contacts = DEMO_CONTACTS): DemoData {
  const data: DemoData = { people: [], deals: [], activities: [] }
  emitDemoData(seed, contacts, {
    person: (record) => data.people.push(record),
    deal: (record) => data.deals.push(record),
    activity: (record) => data.activities.push(record),
  })
  return data
}

/**
 * The same data as `generateDemoData`, handed to `sink` record by record, so that a large seed is never
 * held in memory as objects: of each contact, only what deals and activities refer to is kept, compactly.
 */
export function emitDemoData(seed: number, contacts: number, sink: DemoSink): void {
  const random = createRandom(seed)
  const size = demoSize(contacts)
  const people = generatePeople(random, size.contacts, (record) => sink.person(record))
  for (const deal of generateDeals(random, people, size.deals)) sink.deal(deal)
  for (const activity of generateActivities(random, people, size.activities)) sink.activity(activity)
}

/** What deals and activities refer to. */
type PersonRef = Pick<PersonRecord, 'id' | 'createdAt' | 'assignedAgentId'>

/** The generated contacts, by position, for deals and activities to pick from. */
interface PeopleIndex {
  count: number
  at(index: number): PersonRef
}

/** A uniformly random contact: the same draw as `random.pick` over all of them. */
const pickPerson = (random: Random, people: PeopleIndex): PersonRef => people.at(random.int(0, people.count - 1))

const agents = users.filter((u) => u.role !== 'Lender')

/** Stage frequencies a real pipeline has: many leads, few closed. */
const stageWeights: Record<string, number> = {
  stage_lead: 30,
  stage_prospect: 20,
  stage_active: 15,
  stage_under_contract: 6,
  stage_closed: 6,
  stage_past_client: 8,
  stage_nurture: 15,
}

const stageEntries = Object.entries(stageWeights)
const stageTotal = stageEntries.reduce((sum, [, w]) => sum + w, 0)

function weightedStage(random: Random): string {
  let roll = random.next() * stageTotal
  for (const [key, weight] of stageEntries) {
    roll -= weight
    if (roll < 0) return key
  }
  return (stageEntries.at(-1) as [string, number])[0]
}

/** 555-0100 to 555-0199: the numbers of each area code kept for fiction. */
const FICTIONAL_NUMBERS = 100

/**
 * Draws phone numbers in the fictional range of an area code, unique while the area has unused ones;
 * past 100 contacts in one area (large seeds), numbers repeat, as a household's do.
 */
function phoneBook(random: Random): (area: string) => string {
  const used = new Set<string>()
  const perArea = new Map<string, number>()
  return (area) => {
    const full = (perArea.get(area) ?? 0) >= FICTIONAL_NUMBERS
    let phone = ''
    do phone = `+1${area}5550${random.int(100, 199)}`
    while (!full && used.has(phone))
    if (!used.has(phone)) {
      used.add(phone)
      perArea.set(area, (perArea.get(area) ?? 0) + 1)
    }
    return phone
  }
}

const slug = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')

function generatePeople(random: Random, count: number, emit: (record: PersonRecord) => void): PeopleIndex {
  // How many contacts have each email so far: the next one gets "first.last2@", "first.last3@"…
  const emails = new Map<string, number>()
  const phone = phoneBook(random)
  const ids = new Set<string>()
  const agentOf = new Uint8Array(count)
  // Sorted creation times, so list order (insertion order) is also creation order.
  const created = Array.from({ length: count }, () => EPOCH - random.int(1, 730) * DAY - random.int(0, DAY))
  created.sort((a, b) => a - b)

  created.forEach((createdMs, index) => {
    let id = random.string(ID_ALPHABET, 13)
    while (ids.has(id)) id = random.string(ID_ALPHABET, 13)
    ids.add(id)
    const firstName = random.pick(words.firstNames)
    const lastName = random.pick(words.lastNames)
    const place = random.pick(words.places)
    const stage = weightedStage(random)
    const source = random.pick(words.sources)
    const agent = random.int(0, agents.length - 1) // the draw of random.pick(agents)
    agentOf[index] = agent
    const record: PersonRecord = {
      id,
      firstName,
      lastName,
      stage,
      source,
      assignedAgentId: (agents[agent] as UserFixture).id,
      relationship: random.chance(0.1),
      createdAt: new Date(createdMs).toISOString(),
      updatedAt: new Date(Math.min(EPOCH, createdMs + random.int(0, 60) * DAY)).toISOString(),
    }
    const hasEmail = random.chance(0.92)
    if (hasEmail) {
      // Slugs have no digits, so the numbered emails of one name never collide with another's.
      const email = `${slug(firstName)}.${slug(lastName)}@${random.pick(words.emailDomains)}`
      const taken = emails.get(email) ?? 0
      emails.set(email, taken + 1)
      record.email = taken === 0 ? email : email.replace('@', `${taken + 1}@`)
    }
    if (!hasEmail || random.chance(0.9)) record.phone = phone(place.area)
    if (random.chance(0.85)) record.price = random.int(30, 500) * 5000
    if (random.chance(0.8)) record.timeframe = random.pick(words.timeframes)
    const tags = random.sample(words.tagPool, random.int(0, 4))
    if (tags.length > 0) record.tags = tags
    if (random.chance(0.8)) {
      record.street = `${random.int(100, 9899)} ${random.pick(words.streetNames)} ${random.pick(words.streetSuffixes)}`
      record.city = place.city
      record.state = place.state
      record.zipCode = place.zip
    }
    if (random.chance(0.75)) {
      const want = random.pick(words.propertyKinds)
      const why = random.pick(words.motivations)
      record.background = `Looking for ${want} in ${place.city}; ${why}. ${random.pick(words.notes)}`
    }
    emit(record)
  })

  const idList = [...ids]
  return {
    count,
    at: (index) => ({
      id: idList[index] as string,
      createdAt: new Date(created[index] as number).toISOString(),
      assignedAgentId: (agents[agentOf[index] as number] as UserFixture).id,
    }),
  }
}

function generateDeals(random: Random, people: PeopleIndex, count: number): DealRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const pipeline = random.pick(pipelines)
    const person = pickPerson(random, people)
    const price = random.int(40, 400) * 5000
    const createdAt = new Date(EPOCH - random.int(1, 180) * DAY).toISOString()
    const street = `${random.int(100, 9899)} ${random.pick(words.streetNames)} ${random.pick(words.streetSuffixes)}`
    return {
      id: `deal_${random.string(ID_ALPHABET, 12)}`,
      title: `${street} - ${pipeline.id === 'pipe_buyers' ? 'Purchase' : 'Listing'}`,
      pipelineId: pipeline.id,
      stageId: random.pick(pipeline.stages).id,
      peopleIds: [person.id],
      teamIds: random.chance(0.5) ? [random.pick(teams).id] : [],
      pricing: price,
      commission: Math.round(price * 0.03),
      closeDate: new Date(EPOCH + random.int(-60, 120) * DAY).toISOString(),
      position: index,
      createdAt,
      updatedAt: createdAt,
    }
  })
}

const activityTypes: readonly ActivityType[] = ['call', 'email', 'note', 'meeting', 'sms']

function generateActivities(random: Random, people: PeopleIndex, count: number): ActivityRecord[] {
  const drafts = Array.from({ length: count }, () => {
    const person = pickPerson(random, people)
    const type = random.pick(activityTypes)
    const at = Math.min(EPOCH, Date.parse(person.createdAt) + random.int(0, 90) * DAY)
    return {
      id: `act_${random.string(ID_ALPHABET, 12)}`,
      personId: person.id,
      type,
      ...(type === 'note' ? {} : { direction: random.pick(['inbound', 'outbound'] as const) }),
      ...(type === 'call' || type === 'sms' ? { channel: 'phone' } : type === 'email' ? { channel: 'email' } : {}),
      content: random.pick(words.activityNotes),
      agentId: person.assignedAgentId,
      starred: random.chance(0.1),
      createdAt: new Date(at).toISOString(),
    } satisfies ActivityRecord
  })
  // ISO timestamps of one format: code unit order is time order (and cheaper than localeCompare).
  return drafts.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
}
