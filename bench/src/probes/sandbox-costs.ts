// The sandbox's costs at one account size, measured in a process of its own so that memory figures do not carry over
// from another size: `node sandbox-costs.ts <contacts> <samples> <warm-up>` prints one JSON line, a `SandboxCosts`.
// The approach of packages/sandbox/scripts/measure-scale.ts: seeded demo data, requests in-process (`sandbox.fetch`,
// no HTTP), each timed by this process's CPU time and by the wall clock.
import { createSandbox, type Sandbox } from '@cc/sandbox'
import { processMemory } from '../harness/proc.ts'
import { summarize } from '../harness/stats.ts'

/** p50 and p95 of one kind of request, in ms, by CPU time and by the wall clock. */
export interface RequestCosts {
  cpu: { p50: number; p95: number }
  wall: { p50: number; p95: number }
  n: number
}

export interface SandboxCosts {
  contacts: number
  /** Seeding, wall and CPU seconds. */
  seed: { seconds: number; cpuSeconds: number }
  /** By kind, in the order they were measured. */
  requests: Record<RequestKind, RequestCosts>
  /** RSS after seeding, after every request, and the peak (VmHWM), MB. */
  memory: { afterSeedMb: number; endMb: number; peakMb: number }
}

const REQUEST_KINDS = ['full name', 'one word', 'email', 'phone', 'list page', 'get', 'update'] as const
export type RequestKind = (typeof REQUEST_KINDS)[number]

/** The `count` most frequent last words of `names`: one-word searches that match many contacts each. */
function commonLastNames(names: readonly string[], count: number): string[] {
  const frequency = new Map<string, number>()
  for (const name of names) {
    const last = name.trim().split(/\s+/).at(-1)
    if (last) frequency.set(last, (frequency.get(last) ?? 0) + 1)
  }
  return [...frequency.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([word]) => word)
}

interface PersonBody {
  id: string
  fullName?: string
  emails: { value: string }[]
  phones: { value: string }[]
}
interface Sampled {
  id: string
  name: string
  email?: string
  phone?: string
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

async function request(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<string> {
  const headers: Record<string, string> = { authorization: `Bearer ${sandbox.apiKey}` }
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await sandbox.fetch(
    new Request(`${sandbox.url}${path}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) }),
  )
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`)
  return text
}

const dataOf = <T>(text: string): T => (JSON.parse(text) as { data: T }).data

async function measure(contacts: number, samples: number, warmUp: number): Promise<SandboxCosts> {
  const wall0 = performance.now()
  const cpu0 = cpuMs()
  const sandbox = await createSandbox({ seed: { contacts } })
  const seed = { seconds: (performance.now() - wall0) / 1000, cpuSeconds: (cpuMs() - cpu0) / 1000 }
  const afterSeedMb = processMemory('self').rssMb
  try {
    // A walk through every page, keeping about a thousand contacts spread over the account and up to a thousand
    // cursors, for the requests below; their five most frequent last names are the one-word searches.
    const people: Sampled[] = []
    const cursors: string[] = []
    const every = Math.max(1, Math.floor(contacts / 1000))
    let cursor: string | undefined
    let index = 0
    do {
      const text = await request(sandbox, 'GET', `/people?limit=100${cursor ? `&cursor=${cursor}` : ''}`)
      const page = JSON.parse(text) as { data: PersonBody[]; meta: { hasMore: boolean; nextCursor: string | null } }
      for (const person of page.data) {
        if (index++ % every !== 0) continue
        people.push({
          id: person.id,
          name: person.fullName ?? '',
          ...(person.emails[0] ? { email: person.emails[0].value } : {}),
          ...(person.phones[0] ? { phone: person.phones[0].value } : {}),
        })
      }
      cursor = page.meta.hasMore ? (page.meta.nextCursor ?? undefined) : undefined
      if (cursor && cursors.length < 1000) cursors.push(cursor)
    } while (cursor)
    if (index !== contacts) throw new Error(`the list walk found ${index} contacts, not ${contacts}`)

    const pick = <T>(items: readonly T[], i: number): T => items[(i * 7919) % items.length] as T
    const named = people.filter((p) => p.name)
    const commonNames = commonLastNames(
      named.map((p) => p.name),
      5,
    )
    const withEmail = people.filter((p) => p.email)
    const withPhone = people.filter((p) => p.phone)
    const search = (query: string, value: string) => `/people/search?${query}=${encodeURIComponent(value)}`
    // Each kind: the request for sample i, and a check of its answer (outside the timing): numbers of a request
    // that answered wrongly would mean nothing.
    const kinds: Record<
      RequestKind,
      (i: number) => { path: string; method?: string; body?: unknown; check(text: string): void }
    > = {
      'full name': (i) => {
        const { name } = pick(named, i)
        return {
          path: search('name', name),
          check: (text) => expectSome(dataOf<PersonBody[]>(text), (p) => p.fullName === name, `a "${name}"`),
        }
      },
      'one word': (i) => {
        const word = pick(commonNames, i)
        return {
          path: search('name', word),
          check: (text) => expectSome(dataOf<PersonBody[]>(text), (p) => Boolean(p.fullName?.includes(word)), word),
        }
      },
      email: (i) => {
        const { id, email } = pick(withEmail, i)
        return {
          path: search('email', email as string),
          check: (text) => expectSome(dataOf<PersonBody[]>(text), (p) => p.id === id, `${id} by its email`),
        }
      },
      phone: (i) => {
        const { phone } = pick(withPhone, i)
        return {
          path: search('phone', phone as string),
          check: (text) =>
            expectSome(dataOf<PersonBody[]>(text), (p) => p.phones.some((x) => x.value === phone), `a ${phone}`),
        }
      },
      'list page': (i) => ({
        path: cursors.length ? `/people?limit=100&cursor=${pick(cursors, i)}` : '/people?limit=100',
        check: (text) => expectSome(dataOf<PersonBody[]>(text), () => true, 'a page of contacts'),
      }),
      get: (i) => {
        const { id } = pick(people, i)
        return {
          path: `/people/${id}`,
          check: (text) => expectSome([dataOf<PersonBody>(text)], (p) => p.id === id, id),
        }
      },
      update: (i) => ({
        path: `/people/${pick(people, i).id}`,
        method: 'PUT',
        body: { price: 100_000 + i },
        check: (text) => expectSome([JSON.parse(text) as { success?: boolean }], (r) => r.success !== false, 'success'),
      }),
    }

    const requests = {} as Record<RequestKind, RequestCosts>
    for (const kind of REQUEST_KINDS) {
      const make = kinds[kind]
      // Not measured: the code of this kind compiled and optimised (on V8's threads, which count as this process's CPU).
      for (let i = 0; i < warmUp; i++) {
        const r = make(samples + i)
        r.check(await request(sandbox, r.method ?? 'GET', r.path, r.body))
      }
      const cpu: number[] = []
      const wall: number[] = []
      for (let i = 0; i < samples; i++) {
        const r = make(i)
        const c0 = cpuMs()
        const w0 = performance.now()
        const text = await request(sandbox, r.method ?? 'GET', r.path, r.body)
        wall.push(performance.now() - w0)
        cpu.push(cpuMs() - c0)
        r.check(text)
      }
      const c = summarize(cpu)
      const w = summarize(wall)
      requests[kind] = { cpu: { p50: c.median, p95: c.p95 }, wall: { p50: w.median, p95: w.p95 }, n: c.n }
    }
    const end = processMemory('self')
    return { contacts, seed, requests, memory: { afterSeedMb, endMb: end.rssMb, peakMb: end.peakMb } }
  } finally {
    await sandbox.close()
  }
}

function expectSome<T>(items: readonly T[], test: (item: T) => boolean, what: string): void {
  if (!items.some(test)) throw new Error(`expected ${what} in the answer, got ${JSON.stringify(items).slice(0, 300)}`)
}

const [contacts, samples, warmUp] = process.argv.slice(2).map(Number) as [number, number, number]
if (!Number.isInteger(contacts) || !Number.isInteger(samples) || samples < 1 || !Number.isInteger(warmUp)) {
  throw new Error('usage: node sandbox-costs.ts <contacts> <samples> <warm-up>')
}
process.stdout.write(`${JSON.stringify(await measure(contacts, samples, warmUp))}\n`)
