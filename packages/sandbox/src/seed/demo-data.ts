import type { ActivityType } from '@cc/schema'
import type { ActivityRecord } from '../storage/activities.js'
import type { DealRecord } from '../storage/deals.js'
import { ID_ALPHABET } from '../storage/ids.js'
import type { PersonRecord } from '../storage/people.js'
import { pipelines, teams, users } from './fixtures.js'
import { createRandom, type Random } from './random.js'
import * as words from './word-lists.js'

export const DEMO_CONTACTS = 200
export const DEMO_DEALS = 30
export const DEMO_ACTIVITIES = 150

/** Demo data is dated relative to this moment, not to "now", so the same seed always gives the same data. */
const EPOCH = Date.parse('2025-06-01T12:00:00Z')
const DAY = 24 * 60 * 60 * 1000

export interface DemoData {
  people: PersonRecord[]
  deals: DealRecord[]
  activities: ActivityRecord[]
}

/** Realistic contacts, deals and activities, entirely determined by `seed`. */
export function generateDemoData(seed: number): DemoData {
  const random = createRandom(seed)
  const people = generatePeople(random)
  return { people, deals: generateDeals(random, people), activities: generateActivities(random, people) }
}

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

function weighted(random: Random, weights: Record<string, number>): string {
  const entries = Object.entries(weights)
  let roll = random.next() * entries.reduce((sum, [, w]) => sum + w, 0)
  for (const [key, weight] of entries) {
    roll -= weight
    if (roll < 0) return key
  }
  return (entries.at(-1) as [string, number])[0]
}

const slug = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')

function generatePeople(random: Random): PersonRecord[] {
  const emails = new Set<string>()
  const phones = new Set<string>()
  const ids = new Set<string>()
  // Sorted creation times, so list order (insertion order) is also creation order.
  const created = Array.from({ length: DEMO_CONTACTS }, () => EPOCH - random.int(1, 730) * DAY - random.int(0, DAY))
  created.sort((a, b) => a - b)

  return created.map((createdMs) => {
    let id = random.string(ID_ALPHABET, 13)
    while (ids.has(id)) id = random.string(ID_ALPHABET, 13)
    ids.add(id)
    const firstName = random.pick(words.firstNames)
    const lastName = random.pick(words.lastNames)
    const place = random.pick(words.places)
    const record: PersonRecord = {
      id,
      firstName,
      lastName,
      stage: weighted(random, stageWeights),
      source: random.pick(words.sources),
      assignedAgentId: random.pick(agents).id,
      relationship: random.chance(0.1),
      createdAt: new Date(createdMs).toISOString(),
      updatedAt: new Date(Math.min(EPOCH, createdMs + random.int(0, 60) * DAY)).toISOString(),
    }
    const hasEmail = random.chance(0.92)
    if (hasEmail) {
      let email = `${slug(firstName)}.${slug(lastName)}@${random.pick(words.emailDomains)}`
      for (let n = 2; emails.has(email); n++) email = email.replace(/\d*@/, `${n}@`)
      emails.add(email)
      record.email = email
    }
    if (!hasEmail || random.chance(0.9)) {
      let phone = ''
      do phone = `+1${place.area}5550${random.int(100, 199)}`
      while (phones.has(phone))
      phones.add(phone)
      record.phone = phone
    }
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
    return record
  })
}

function generateDeals(random: Random, people: PersonRecord[]): DealRecord[] {
  return Array.from({ length: DEMO_DEALS }, (_, index) => {
    const pipeline = random.pick(pipelines)
    const person = random.pick(people)
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

function generateActivities(random: Random, people: PersonRecord[]): ActivityRecord[] {
  const drafts = Array.from({ length: DEMO_ACTIVITIES }, () => {
    const person = random.pick(people)
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
  return drafts.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}
