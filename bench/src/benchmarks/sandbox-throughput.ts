import { startBareServer } from '../fixtures/bare-process.ts'
import { PRISM, startPrism } from '../fixtures/prism.ts'
import { contactIds, startSandboxProcess } from '../fixtures/sandbox-process.ts'
import type { Benchmark } from '../harness/benchmark.ts'
import { type LoadResult, load } from '../harness/load.ts'
import { type Row, type Target, target, times } from '../harness/report.ts'
import { median, ratio } from '../harness/stats.ts'

const CONNECTIONS = 10
const PUT_BODY = JSON.stringify({ city: 'Austin', tags: ['VIP', 'Buyer'], price: 450000 })
const VS_PRISM = 3
const VS_BARE = 0.4

const plan = (quick: boolean) =>
  quick ? { rounds: 1, duration: 1, warmup: 0 } : { rounds: 3, duration: 10, warmup: 3 }

interface Server {
  name: string
  /** URL of the contact, e.g. http://127.0.0.1:1234/v1/people/abc. */
  contactUrl: string
  stop(): Promise<void>
}

export const sandboxThroughput: Benchmark = {
  id: 'sandbox',
  number: 3,
  title: 'Sandbox throughput: GET and PUT requests/s under autocannon vs bare node:http vs Prism',
  async run({ quick, log }) {
    const { rounds, duration, warmup } = plan(quick)
    const notes: string[] = []
    const servers: Server[] = []
    try {
      const sandbox = await startSandboxProcess()
      const [id] = await contactIds(sandbox, 1)
      if (!id) throw new Error('the sandbox has no contacts')
      const headers = sandbox.headers
      servers.push({ name: '@cc/sandbox', contactUrl: `${sandbox.url}/people/${id}`, stop: sandbox.stop })
      // The bare server answers exactly what the sandbox answers.
      const get = await (await fetch(`${sandbox.url}/people/${id}`, { headers })).json()
      const put = await (await fetch(`${sandbox.url}/people/${id}`, { method: 'PUT', headers, body: PUT_BODY })).json()
      const bare = await startBareServer({ get, put })
      servers.push({ name: 'node:http (bare)', contactUrl: `${bare.url}/people/${id}`, stop: bare.stop })
      if (quick) {
        log(`Prism skipped in quick mode (\`pnpm dlx ${PRISM}\` downloads it)`)
        notes.push('Prism skipped in quick mode.')
      } else {
        log(`starting Prism (pnpm dlx ${PRISM}; the first run downloads it)`)
        try {
          const prism = await startPrism()
          servers.push({ name: 'Prism mock', contactUrl: `${prism.url}/people/${id}`, stop: prism.stop })
        } catch (error) {
          notes.push(`Prism could not run here: ${(error as Error).message}`)
        }
      }

      const runs = new Map<string, LoadResult[]>()
      const measure = async (server: Server, method: 'GET' | 'PUT', seconds: number) =>
        load({
          url: server.contactUrl,
          method,
          headers,
          ...(method === 'PUT' ? { body: PUT_BODY } : {}),
          connections: CONNECTIONS,
          duration: seconds,
        })
      for (const server of servers) {
        for (const method of ['GET', 'PUT'] as const) if (warmup > 0) await measure(server, method, warmup)
      }
      for (let round = 0; round < rounds; round++) {
        // Rotate the servers each round, so that a slow stretch of a shared machine is spread across them.
        const order = servers.map((_, i) => servers[(i + round) % servers.length] as Server)
        for (const server of order) {
          for (const method of ['GET', 'PUT'] as const) {
            const result = await measure(server, method, duration)
            log(`round ${round + 1}: ${server.name} ${method} ${Math.round(result.requestsPerSecond)} req/s`)
            const key = `${server.name} ${method}`
            runs.set(key, [...(runs.get(key) ?? []), result])
          }
        }
      }

      const summary = (name: string, method: string) => {
        const results = runs.get(`${name} ${method}`)
        if (!results) return undefined
        return {
          rps: median(results.map((r) => r.requestsPerSecond)),
          p50: median(results.map((r) => r.latencyP50)),
          p99: median(results.map((r) => r.latencyP99)),
          requests: results.reduce((total, r) => total + r.requests, 0),
          bad: results.reduce((total, r) => total + r.bad, 0),
          perRound: results.map((r) => Math.round(r.requestsPerSecond)).join(' '),
        }
      }
      const rows: Row[] = []
      const targets: Target[] = []
      const failures: string[] = []
      for (const method of ['GET', 'PUT'] as const) {
        const ours = summary('@cc/sandbox', method)
        const bareResult = summary('node:http (bare)', method)
        const prismResult = summary('Prism mock', method)
        for (const server of servers) {
          const s = summary(server.name, method)
          if (!s) continue
          if (s.bad > 0)
            failures.push(`${server.name} ${method}: ${s.bad} of ${s.requests} requests failed or were not 2xx`)
          rows.push({
            method,
            server: server.name,
            rps: s.rps,
            p50: s.p50,
            p99: s.p99,
            vsBare: bareResult ? ratio(s.rps, bareResult.rps) : null,
            vsPrism: prismResult ? ratio(s.rps, prismResult.rps) : null,
            rounds: s.perRound,
          })
        }
        if (ours && bareResult) {
          const share = ratio(ours.rps, bareResult.rps)
          targets.push(
            target(
              `${method} req/s vs bare node:http`,
              `≥ ${VS_BARE * 100} %`,
              `${(share * 100).toFixed(0)} %`,
              share >= VS_BARE,
            ),
          )
        }
        if (ours && prismResult) {
          const r = ratio(ours.rps, prismResult.rps)
          targets.push(target(`${method} req/s vs Prism`, `≥ ${VS_PRISM}×`, times(r, 1), r >= VS_PRISM))
        }
      }
      notes.unshift(
        `autocannon in this process, ${CONNECTIONS} connections, no pipelining, ${duration} s per run, ${rounds} round(s) with the servers in rotated order after a ${warmup} s warm-up per server and method (not counted). req/s is the median over rounds of autocannon's mean; latency p50/p99 in ms, median over rounds.`,
        "Each server runs in its own process: the sandbox seeded and in memory (SQLite), the bare server answering the sandbox's own bodies (it parses the PUT body, nothing else), Prism (static examples, logging errors only) on @cc/schema/openapi.json. GET /people/{id} and PUT /people/{id} of one contact; every PUT is a real write in the sandbox.",
      )
      return {
        columns: [
          { key: 'method', label: 'method' },
          { key: 'server', label: 'server' },
          { key: 'rps', label: 'req/s' },
          { key: 'p50', label: 'p50 ms', digits: 1 },
          { key: 'p99', label: 'p99 ms', digits: 1 },
          { key: 'vsBare', label: 'vs bare', digits: 2 },
          { key: 'vsPrism', label: 'vs Prism', digits: 2 },
          { key: 'rounds', label: 'req/s per round' },
        ],
        rows,
        targets,
        notes,
        failures,
      }
    } finally {
      for (const server of servers) await server.stop()
    }
  },
}
