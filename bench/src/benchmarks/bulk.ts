import { type CcClient, createClient } from '@cc/client'
import type { UpdateContactInput } from '@cc/schema'
import { contactIds, type SandboxProcess, startSandboxProcess } from '../fixtures/sandbox-process.ts'
import type { Benchmark } from '../harness/benchmark.ts'
import { type Row, target } from '../harness/report.ts'
import { median, ratio } from '../harness/stats.ts'

/**
 * The faults ask for a 50 ms wait (`retry-after-ms: 50`, `Retry-After: 1` for clients that only read seconds): the
 * client honours the exact one, so the run measures the client and its shared pause rather than one-second sleeps.
 */
const FAULT_WAIT_MS = 50
const FAULTS = { rate: 0.1, kinds: ['429', '503'] as ('429' | '503')[], seed: 7, retryAfterMs: FAULT_WAIT_MS }

const plan = (quick: boolean) =>
  quick ? { items: 100, rounds: 1, faultItems: 30 } : { items: 2000, rounds: 3, faultItems: 2000 }

/** Counts what goes over the wire: attempts, and answers by status. */
class CountingFetch {
  attempts = 0
  readonly statuses = new Map<number, number>()
  readonly fetch = async (request: Request): Promise<Response> => {
    this.attempts++
    const response = await fetch(request)
    this.statuses.set(response.status, (this.statuses.get(response.status) ?? 0) + 1)
    return response
  }
  reset(): void {
    this.attempts = 0
    this.statuses.clear()
  }
}

interface Scenario {
  name: string
  concurrency: number
  faults: boolean
  run(cc: CcClient, items: Array<{ id: string; patch: UpdateContactInput }>): Promise<number>
}

/** Returns the number of failed items. */
const sequentialLoop: Scenario['run'] = async (cc, items) => {
  let failed = 0
  for (const item of items) {
    try {
      await cc.people.update(item.id, item.patch)
    } catch {
      failed++
    }
  }
  return failed
}

const updateMany =
  (concurrency: number): Scenario['run'] =>
  async (cc, items) =>
    (await cc.people.updateMany(items, { concurrency })).filter((result) => !result.ok).length

/** The ids that do not show `background` after the run: the proof that every update landed. */
async function missingUpdates(sandbox: SandboxProcess, ids: readonly string[], background: string): Promise<number> {
  const cc = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url })
  const seen = new Set<string>()
  for await (const person of cc.people.list({ limit: 100 })) if (person.background === background) seen.add(person.id)
  return ids.filter((id) => !seen.has(id)).length
}

export const bulk: Benchmark = {
  id: 'bulk',
  number: 4,
  title: 'Bulk: updateMany at concurrency 1, 4, 16 vs a sequential loop of update, and with 10 % 429/503 faults',
  async run({ quick, log }) {
    const { items: count, rounds, faultItems } = plan(quick)
    const sandbox = await startSandboxProcess()
    try {
      const counter = new CountingFetch()
      const setup = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url })
      let ids = await contactIds(sandbox, count)
      if (ids.length < count) {
        const missing = count - ids.length
        log(`creating ${missing} contacts`)
        for (let i = 0; i < missing; i += 50) {
          const batch = Array.from({ length: Math.min(50, missing - i) }, (_, j) =>
            setup.people.create({ firstName: 'Bulk', lastName: `Contact ${i + j}`, email: `bulk${i + j}@example.com` }),
          )
          await Promise.all(batch)
        }
        ids = await contactIds(sandbox, count)
      }
      if (ids.length < count) throw new Error(`only ${ids.length} contacts, need ${count}`)

      const client = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, fetch: counter.fetch })
      const patchesFor = (label: string, n: number) =>
        ids.slice(0, n).map((id, i) => ({ id, patch: { background: `${label}`, tags: ['Bulk', `n${i % 7}`] } }))
      const scenarios: Scenario[] = [
        { name: 'loop of update', concurrency: 1, faults: false, run: sequentialLoop },
        { name: 'updateMany', concurrency: 1, faults: false, run: updateMany(1) },
        { name: 'updateMany', concurrency: 4, faults: false, run: updateMany(4) },
        { name: 'updateMany', concurrency: 16, faults: false, run: updateMany(16) },
      ]
      const rates = new Map<Scenario, number[]>()
      const retries = new Map<Scenario, number>()
      const failures: string[] = []
      // A short warm-up, not counted.
      await updateMany(4)(client, patchesFor('warm-up', Math.min(200, count)))
      for (let round = 0; round < rounds; round++) {
        const order = scenarios.map((_, i) => scenarios[(i + round) % scenarios.length] as Scenario)
        for (const scenario of order) {
          const work = patchesFor(`round ${round} ${scenario.name} ${scenario.concurrency}`, count)
          counter.reset()
          const t0 = performance.now()
          const failed = await scenario.run(client, work)
          const seconds = (performance.now() - t0) / 1000
          if (failed > 0) failures.push(`${scenario.name} ×${scenario.concurrency}: ${failed} of ${count} items failed`)
          rates.set(scenario, [...(rates.get(scenario) ?? []), count / seconds])
          retries.set(scenario, (retries.get(scenario) ?? 0) + counter.attempts - count)
          log(
            `round ${round + 1}: ${scenario.name} ×${scenario.concurrency}: ${(count / seconds).toFixed(0)} contacts/s`,
          )
        }
      }

      // With faults: one run, with updateMany's default retries; each 429 pauses every worker for the wait.
      const faulted: Scenario = { name: 'updateMany, 10 % faults', concurrency: 16, faults: true, run: updateMany(16) }
      await sandbox.command({ setFaults: FAULTS })
      const label = `faulted run ${Date.now()}`
      const work = patchesFor(label, faultItems)
      counter.reset()
      const t0 = performance.now()
      const failed = await faulted.run(client, work)
      const seconds = (performance.now() - t0) / 1000
      await sandbox.command({ setFaults: false })
      const injected = (counter.statuses.get(429) ?? 0) + (counter.statuses.get(503) ?? 0)
      log(`faulted: ${injected} faults injected, ${counter.attempts - faultItems} retries, ${seconds.toFixed(1)} s`)
      const lost = await missingUpdates(
        sandbox,
        work.map((w) => w.id),
        label,
      )
      if (failed > 0 || lost > 0)
        failures.push(`with faults: ${failed} items failed, ${lost} updates missing afterwards`)
      rates.set(faulted, [faultItems / seconds])
      retries.set(faulted, counter.attempts - faultItems)

      const loopRate = median(rates.get(scenarios[0] as Scenario) ?? [])
      const rows: Row[] = [...scenarios, faulted].map((scenario) => {
        const values = rates.get(scenario) ?? []
        const items = scenario.faults ? faultItems : count
        return {
          scenario: scenario.name,
          concurrency: scenario.concurrency,
          items,
          perSecond: median(values),
          vsLoop: ratio(median(values), loopRate),
          retries: retries.get(scenario) ?? 0,
          rounds: values.map((v) => v.toFixed(0)).join(' '),
        }
      })
      return {
        columns: [
          { key: 'scenario', label: 'scenario' },
          { key: 'concurrency', label: 'concurrency' },
          { key: 'items', label: 'contacts' },
          { key: 'perSecond', label: 'contacts/s' },
          { key: 'vsLoop', label: 'vs loop', digits: 2 },
          { key: 'retries', label: 'retries' },
          { key: 'rounds', label: 'contacts/s per round' },
        ],
        rows,
        targets: [
          target(
            'with 10 % 429/503 faults, every update lands',
            'all',
            `${faultItems - failed - lost} of ${faultItems}`,
            failed === 0 && lost === 0,
          ),
        ],
        notes: [
          `Sandbox (in memory) in a child process; ${count} contacts, each PUT a different patch (background + tags). ${rounds} round(s), scenarios in rotated order, after a warm-up; contacts/s is the median over rounds. Retries = requests sent − contacts, counted by a fetch wrapper.`,
          `Faults: the sandbox fails ${FAULTS.rate * 100} % of requests with 429 or 503 (seeded), each asking for a ${FAULT_WAIT_MS} ms wait (retry-after-ms: ${FAULT_WAIT_MS}, Retry-After: 1), which the client honours; a 429 pauses all workers. updateMany's default retries (6 per item); afterwards every contact is read back to check its update landed.`,
        ],
        failures,
      }
    } finally {
      await sandbox.stop()
    }
  },
}
