import { createClient as createCcClient } from '@cc/client'
import type { UpdateContactInput } from '@cc/schema'
import createOpenApiClient from 'openapi-fetch'
import type { paths } from '../fixtures/openapi-paths.ts'
import { contactIds, startSandboxProcess } from '../fixtures/sandbox-process.ts'
import type { Benchmark } from '../harness/benchmark.ts'
import { type Row, target, times } from '../harness/report.ts'
import { measureInRounds, type RoundsOptions } from '../harness/rounds.ts'
import { ratio } from '../harness/stats.ts'

const TARGET = 1.15

const rounds = (quick: boolean): RoundsOptions =>
  quick
    ? { rounds: 1, time: 100, iterations: 10, warmupTime: 0, warmupIterations: 5 }
    : { rounds: 5, time: 3000, iterations: 200, warmupTime: 500, warmupIterations: 100 }

/** A realistic edit: a few fields, tags and a paragraph of notes. */
const PATCH: UpdateContactInput = {
  firstName: 'Maria',
  phone: '+15551234567',
  stage: 'stage_prospect',
  tags: ['VIP', 'Buyer'],
  city: 'Austin',
  state: 'TX',
  background:
    'Looking for a three-bedroom house near downtown, pre-approved, wants to move before the school year. '.repeat(3),
}

export const clientOverhead: Benchmark = {
  id: 'client',
  number: 1,
  title: 'Client overhead: cc.people.update vs raw fetch vs openapi-fetch, one sandbox over loopback',
  async run({ quick, log }) {
    const sandbox = await startSandboxProcess()
    try {
      const [id] = await contactIds(sandbox, 1)
      if (!id) throw new Error('the sandbox has no contacts')
      const url = `${sandbox.url}/people/${id}`
      const cc = createCcClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, maxRetries: 0 })
      const openapi = createOpenApiClient<paths>({
        baseUrl: sandbox.url,
        headers: { authorization: `Bearer ${sandbox.apiKey}` },
      })
      const body = JSON.stringify(PATCH)

      const tasks = [
        {
          name: 'raw fetch',
          fn: async () => {
            const response = await fetch(url, { method: 'PUT', headers: sandbox.headers, body })
            const json = (await response.json()) as { success?: boolean }
            if (!response.ok || !json.success) throw new Error(`raw fetch: ${response.status}`)
          },
        },
        {
          name: 'openapi-fetch',
          fn: async () => {
            const { data, response } = await openapi.PUT('/people/{id}', { params: { path: { id } }, body: PATCH })
            if (!response.ok || !data?.success) throw new Error(`openapi-fetch: ${response.status}`)
          },
        },
        {
          name: '@cc/client',
          fn: async () => {
            const result = await cc.people.update(id, PATCH)
            if (!result.success) throw new Error('@cc/client: success false')
          },
        },
      ]
      log(`PUT /people/${id} with a ${body.length}-byte patch, one request at a time`)
      const measured = await measureInRounds(tasks, rounds(quick))
      const raw = measured.find((m) => m.name === 'raw fetch')
      if (!raw) throw new Error('missing raw fetch measurement')
      const rows: Row[] = measured.map((m) => ({
        client: m.name,
        validates: m.name === '@cc/client' ? 'request + response' : 'nothing',
        median: m.summary.median,
        p99: m.summary.p99,
        rounds: m.roundMedians.map((value) => value.toFixed(3)).join(' '),
        medianRatio: ratio(m.summary.median, raw.summary.median),
        p99Ratio: ratio(m.summary.p99, raw.summary.p99),
        samples: m.summary.n,
      }))
      const ours = measured.find((m) => m.name === '@cc/client')
      const r = ours ? ratio(ours.summary.median, raw.summary.median) : Number.NaN
      return {
        columns: [
          { key: 'client', label: 'client' },
          { key: 'validates', label: 'validates' },
          { key: 'median', label: 'p50 ms', digits: 3 },
          { key: 'p99', label: 'p99 ms', digits: 3 },
          { key: 'medianRatio', label: 'p50 vs fetch', digits: 2 },
          { key: 'p99Ratio', label: 'p99 vs fetch', digits: 2 },
          { key: 'rounds', label: 'round medians ms' },
          { key: 'samples', label: 'requests timed' },
        ],
        rows,
        targets: [target('@cc/client p50 vs raw fetch', `≤ ${TARGET}×`, times(r), r <= TARGET)],
        notes: [
          'The sandbox (in memory, seeded) runs in a child process; the three clients take turns in the parent, each sending one PUT at a time on a kept-alive connection, each reading and checking the JSON answer.',
          `${rounds(quick).rounds} rounds of tinybench, the order of the clients rotated each round, warm-up excluded. @cc/client runs with its defaults (request validated, response validated), retries off.`,
        ],
        failures: [],
      }
    } finally {
      await sandbox.stop()
    }
  },
}
