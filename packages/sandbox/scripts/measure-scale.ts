/**
 * How the sandbox's costs grow with the number of contacts: p50/p95 of each kind of request, in-process
 * (`sandbox.fetch`), and the process's memory, at a few account sizes. A measuring aid, not a test.
 *
 *   pnpm --filter @cc/sandbox build
 *   node packages/sandbox/scripts/measure-scale.ts [--sizes 1000,10000,100000] [--samples 300] [--populate seed|post]
 *     [--clock wall|cpu]
 *
 * `--populate post` creates the contacts through `POST /people` instead of the seed option. `--clock cpu`
 * times each request by the process's CPU time rather than the wall clock: steadier on a busy machine,
 * where other processes' turns on the CPU land in wall-clock times. Each size runs in its own process,
 * so that memory figures do not carry over.
 */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createSandbox, type Sandbox } from '@cc/sandbox'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    samples: { type: 'string', default: '300' },
    populate: { type: 'string', default: 'seed' },
    clock: { type: 'string', default: 'wall' },
    child: { type: 'string' },
  },
})
const samples = Number(values.samples)
/** Milliseconds by the chosen clock. */
const now =
  values.clock === 'cpu'
    ? () => {
        const { user, system } = process.cpuUsage()
        return (user + system) / 1000
      }
    : () => performance.now()
const COMMON_LAST_NAMES = ['Smith', 'Garcia', 'Nguyen', 'Johnson', 'Müller']

interface Result {
  contacts: number
  populateSeconds: number
  populateCpuSeconds: number
  timings: Record<string, { p50: number; p95: number }>
  rssMb: { afterPopulate: number; max: number; end: number }
  heapMb: number
}

if (values.child === undefined) {
  const sizes = values.sizes.split(',').map(Number)
  const results: Result[] = []
  for (const size of sizes) {
    const args = [fileURLToPath(import.meta.url), '--child', String(size), '--samples', String(samples)]
    args.push('--populate', values.populate, '--clock', values.clock)
    const output = execFileSync(process.execPath, ['--expose-gc', ...args], { encoding: 'utf8', stdio: 'pipe' })
    results.push(JSON.parse(output.trim().split('\n').at(-1) as string) as Result)
  }
  printTable(results)
} else {
  const result = await measure(Number(values.child), values.populate === 'post')
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

async function measure(contacts: number, viaPost: boolean): Promise<Result> {
  let maxRss = 0
  const rss = (): number => {
    const mb = process.memoryUsage().rss / 1e6
    maxRss = Math.max(maxRss, mb)
    return Math.round(mb)
  }
  const started = performance.now()
  const cpu = process.cpuUsage()
  const sandbox = viaPost ? await populateViaPost(contacts) : await createSandbox({ seed: { contacts } })
  const populateSeconds = (performance.now() - started) / 1000
  const { user, system } = process.cpuUsage(cpu)
  const populateCpuSeconds = (user + system) / 1e6
  const afterPopulate = rss()

  // A walk through every page (list timings), keeping a sample of contacts and cursors for the other requests.
  const people: { id: string; name: string; email?: string; phone?: string }[] = []
  const cursors: string[] = []
  const listTimes: number[] = []
  let cursor: string | undefined
  const every = Math.max(1, Math.floor(contacts / 1000))
  let index = 0
  do {
    const path = `/people?limit=100${cursor ? `&cursor=${cursor}` : ''}`
    const started = now()
    const body = (await request(sandbox, 'GET', path)) as PageBody
    listTimes.push(now() - started)
    for (const person of body.data) {
      if (index++ % every !== 0) continue
      people.push({
        id: person.id,
        name: person.fullName ?? '',
        ...(person.emails[0] ? { email: person.emails[0].value } : {}),
        ...(person.phones[0] ? { phone: person.phones[0].value } : {}),
      })
    }
    cursor = body.meta.hasMore ? (body.meta.nextCursor ?? undefined) : undefined
    if (cursor && cursors.length < 1000) cursors.push(cursor)
  } while (cursor)
  rss()

  const pick = <T>(items: T[], i: number): T => items[(i * 7919) % items.length] as T
  const withEmail = people.filter((p) => p.email)
  const withPhone = people.filter((p) => p.phone)
  const search = (query: string) => `/people/search?${query}`
  const operations: [string, (i: number) => [string, string, unknown?]][] = [
    ['full name', (i) => ['GET', search(`name=${encodeURIComponent(pick(people, i).name)}`)]],
    ['one word', (i) => ['GET', search(`name=${encodeURIComponent(pick(COMMON_LAST_NAMES, i))}`)]],
    ['email', (i) => ['GET', search(`email=${encodeURIComponent(pick(withEmail, i).email as string)}`)]],
    ['phone', (i) => ['GET', search(`phone=${encodeURIComponent(pick(withPhone, i).phone as string)}`)]],
    [
      'list page',
      (i) => ['GET', cursors.length ? `/people?limit=100&cursor=${pick(cursors, i)}` : '/people?limit=100'],
    ],
    ['get', (i) => ['GET', `/people/${pick(people, i).id}`]],
    ['update', (i) => ['PUT', `/people/${pick(people, i).id}`, { price: 100_000 + i }]],
  ]
  const timings: Result['timings'] = {}
  for (const [name, make] of operations) {
    for (let i = 0; i < 20; i++) await request(sandbox, ...make(i)) // warm-up
    const times: number[] = []
    for (let i = 0; i < samples; i++) {
      const [method, path, body] = make(i)
      const started = now()
      await request(sandbox, method, path, body)
      times.push(now() - started)
    }
    timings[name] = { p50: quantile(times, 0.5), p95: quantile(times, 0.95) }
    rss()
  }
  timings['list walk page'] = { p50: quantile(listTimes, 0.5), p95: quantile(listTimes, 0.95) }
  const end = rss()
  // Live objects only, when run with --expose-gc (as the parent process runs each size).
  ;(globalThis as { gc?: () => void }).gc?.()
  const heapMb = Math.round(process.memoryUsage().heapUsed / 1e6)
  await sandbox.close()
  const rssMb = { afterPopulate, max: Math.round(maxRss), end }
  return { contacts, populateSeconds, populateCpuSeconds, timings, rssMb, heapMb }
}

interface PageBody {
  data: { id: string; fullName?: string; emails: { value: string }[]; phones: { value: string }[] }[]
  meta: { hasMore: boolean; nextCursor: string | null }
}

/** The issue's way of making a large account: every contact created through the API. */
async function populateViaPost(contacts: number): Promise<Sandbox> {
  const source = await createSandbox({ seed: { contacts } })
  const sandbox = await createSandbox({ seed: false })
  let cursor: string | undefined
  do {
    const body = (await request(source, 'GET', `/people?limit=100${cursor ? `&cursor=${cursor}` : ''}`)) as PageBody
    for (const person of body.data as unknown as Record<string, unknown>[]) {
      const { firstName, lastName, emails, phones, city, state, street, zipCode, price, source: from } = person
      const input: Record<string, unknown> = { firstName, lastName, city, state, street, zipCode, price, source: from }
      input.email = (emails as { value: string }[])[0]?.value
      input.phone = (phones as { value: string }[])[0]?.value
      for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key]
      await request(sandbox, 'POST', '/people', input)
    }
    cursor = body.meta.hasMore ? (body.meta.nextCursor ?? undefined) : undefined
  } while (cursor)
  await source.close()
  ;(globalThis as { gc?: () => void }).gc?.()
  return sandbox
}

async function request(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { Authorization: `Bearer ${sandbox.apiKey}` }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await sandbox.fetch(
    new Request(`${sandbox.url}${path}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) }),
  )
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return response.json()
}

function quantile(times: number[], q: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}

function printTable(results: Result[]): void {
  const names = Object.keys(results[0]?.timings ?? {})
  const ms = (value: number) => value.toFixed(3).padStart(8)
  const header = [
    `request (${values.clock} ms)`.padEnd(18),
    ...results.map((r) => `${r.contacts} p50      p95`.padStart(20)),
  ]
  const lines = [header.join(' ')]
  for (const name of names) {
    const cells = results.map(
      (r) => `${ms(r.timings[name]?.p50 ?? Number.NaN)} ${ms(r.timings[name]?.p95 ?? Number.NaN)}`,
    )
    lines.push([name.padEnd(18), ...cells.map((c) => c.padStart(20))].join(' '))
  }
  const first = results[0]
  const last = results.at(-1)
  if (first && last && first !== last) {
    lines.push('', `growth of p95 from ${first.contacts} to ${last.contacts} contacts:`)
    for (const name of names) {
      const ratio = (last.timings[name]?.p95 ?? Number.NaN) / (first.timings[name]?.p95 ?? Number.NaN)
      lines.push(`  ${name.padEnd(18)} ${ratio.toFixed(2)}x`)
    }
  }
  lines.push('')
  for (const r of results) {
    lines.push(
      `${r.contacts} contacts: populated in ${r.populateSeconds.toFixed(2)} s (${r.populateCpuSeconds.toFixed(2)} s CPU); ` +
        `RSS ${r.rssMb.afterPopulate} MB after, ${r.rssMb.max} MB at most, ${r.rssMb.end} MB at the end; ` +
        `live heap ${r.heapMb} MB`,
    )
  }
  process.stdout.write(`${lines.join('\n')}\n`)
}
