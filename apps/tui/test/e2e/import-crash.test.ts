import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { type CcClient, createClient } from '@cc/client'
import { createSandbox, type Sandbox } from '@cc/sandbox'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { finished, runCli, startCli } from './run-cli.js'
import { createHome } from './tmux.js'

const ROWS = 3000

let sandbox: Sandbox
let client: CcClient
beforeAll(async () => {
  // An empty account: every contact afterwards comes from the file.
  sandbox = await createSandbox({ listen: { port: 0 }, seed: false })
  client = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, logLevel: 'off' })
})
afterAll(() => sandbox.close())

/** Outcome lines in a journal (the plan line aside). */
const outcomes = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 2 : 0)

// Two runs of a 3 000-row import on a shared 2-core machine: minutes, hence the long timeout.
it('survives kill -9 half-way: the next import of the same file resumes, and every row is there exactly once', async () => {
  const home = createHome()
  const env = { ...home.env, PATH: process.env.PATH ?? '', CC_BASE_URL: sandbox.url, CC_API_KEY: sandbox.apiKey }
  // Every third row has no email: only the idempotency keys keep a resent create of those from making a twin.
  const lines = ['First Name,Last Name,E-mail,Phone']
  for (let i = 0; i < ROWS; i++) {
    lines.push(`Crash,Row ${i},${i % 3 === 0 ? '' : `crash${i}@example.com`},+1555${String(1_000_000 + i).slice(1)}`)
  }
  const file = join(home.dir, 'contacts.csv')
  writeFileSync(file, `${lines.join('\r\n')}\r\n`)
  const hash = createHash('sha256').update(readFileSync(file)).digest('hex')
  const journal = join(home.dir, 'state', 'cc-tui', 'imports', `${hash}.jsonl`)

  const child = startCli(['import', file, '--yes', '--concurrency', '8'], env)
  const first = finished(child)
  // Kill it once a good part is done, with requests in flight.
  for (let waited = 0; outcomes(journal) < ROWS / 4; waited += 20) {
    if (waited > 120_000 || child.exitCode !== null)
      throw new Error(`the import ended or stalled: ${outcomes(journal)} rows`)
    await sleep(20)
  }
  child.kill('SIGKILL')
  expect((await first).code).toBeNull()
  const doneBeforeKill = outcomes(journal)
  expect(doneBeforeKill).toBeGreaterThanOrEqual(ROWS / 4)
  expect(doneBeforeKill).toBeLessThan(ROWS)

  const dryRun = await runCli(['import', file, '--dry-run'], env)
  expect(dryRun.stdout).toMatch(/An import of this file stopped after [\d,]+ of 3,000 rows/)
  const resumed = await runCli(['import', file, '--yes'], env)
  expect(resumed.stderr).toMatch(
    /^An import of this file stopped after [\d,]+ of 3,000 rows .*\nResuming: [\d,]+ rows already done\.\n$/,
  )
  expect(resumed).toMatchObject({ code: 0 })
  expect(resumed.stdout).toMatch(/failed 0, [\d,]+ done before \(3,000 of 3,000 rows done\)\.\n$/)
  expect(existsSync(journal)).toBe(false)

  const copies = new Array<number>(ROWS).fill(0)
  for await (const person of client.people.list({ limit: 100 })) {
    const row = Number(person.lastName?.replace('Row ', ''))
    copies[row] = (copies[row] ?? 0) + 1
  }
  const wrong = copies.flatMap((count, row) => (count === 1 ? [] : [`row ${row}: ${count}`]))
  expect(wrong).toEqual([])
}, 300_000)
