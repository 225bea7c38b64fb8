import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, expect, it } from 'vitest'
import { createSandbox } from '../src/index.js'
import { DATABASE_FILE } from '../src/storage/database.js'
import { call } from './call.js'
import { startCli } from './run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'cc-sandbox-durability-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/**
 * Acknowledged writes survive kill -9: a CLI process on a file database takes concurrent creates and
 * updates, gets SIGKILL mid-load, and every write it had answered 2xx must be in the database after.
 */
it('keeps every acknowledged write after SIGKILL, and the database opens cleanly', async () => {
  const cli = await startCli(['--port', '0', '--data', dir, '--empty', '--quiet'])
  const headers = { Authorization: `Bearer ${cli.apiKey}`, 'Content-Type': 'application/json' }
  const created = new Map<string, string>() // id → email
  const priced = new Map<string, number>() // id → last acknowledged price
  let killed = false
  let failedAfterKill = 0

  const worker = async (w: number) => {
    for (let i = 0; !killed; i++) {
      const email = `w${w}.n${i}@example.com`
      try {
        const res = await fetch(`${cli.url}/people`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ firstName: `W${w}`, lastName: `N${i}`, email }),
        })
        if (res.status !== 201) throw new Error(`unexpected ${res.status}`)
        const id = ((await res.json()) as { data: { id: string } }).data.id
        created.set(id, email)
        const update = await fetch(`${cli.url}/people/${id}`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({ price: i * 1000 + w }),
        })
        if (update.status === 200) priced.set(id, i * 1000 + w)
      } catch (error) {
        if (!killed) throw error
        failedAfterKill++
      }
    }
  }
  const workers = Array.from({ length: 6 }, (_, w) => worker(w))
  while (created.size < 150) await new Promise((resolve) => setTimeout(resolve, 10))
  killed = true
  cli.child.kill('SIGKILL')
  expect((await cli.exited).signal).toBe('SIGKILL')
  await Promise.all(workers)
  expect(failedAfterKill).toBeGreaterThan(0) // the kill did land mid-load

  const raw = new DatabaseSync(join(dir, DATABASE_FILE))
  expect(raw.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' })
  expect(raw.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' })
  raw.close()

  const reopened = await createSandbox({ dataDir: dir, seed: false })
  for (const [id, email] of created) {
    const res = await call(reopened, 'GET', `/people/${id}`)
    expect(res.status, id).toBe(200)
    expect(res.body.data.emails[0].value).toBe(email)
    const price = priced.get(id)
    if (price !== undefined) expect(res.body.data.price).toBe(price)
  }
  await reopened.close()
})
