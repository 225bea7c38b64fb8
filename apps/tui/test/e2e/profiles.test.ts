import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type CcClient, createClient, NotFoundError } from '@cc/client'
import { createSandbox, type Sandbox, type SandboxProfile } from '@cc/sandbox'
import type { Person } from '@cc/schema'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'
import { createHome } from './tmux.js'

/**
 * The editor's commands without a terminal (`get`, `set`, `create`, `delete`, `log`, `export`, `import`), run as a
 * user runs them, over loopback against both profiles of the sandbox: `sandbox` (every operation, our rules, extras)
 * and `docs` (only what the API docs state: no `GET /people/{id}`, no `success` flag, no `X-Request-Id` header). Each
 * command must do the same against both.
 */

describe.each<SandboxProfile>(['sandbox', 'docs'])('cc-tui scripts against the %s profile', (profile) => {
  let sandbox: Sandbox
  let client: CcClient
  let env: Record<string, string>
  let dir: string
  beforeAll(async () => {
    sandbox = await createSandbox({ profile, listen: { port: 0 }, seed: 1 })
    client = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, logLevel: 'off' })
    const home = createHome()
    dir = home.dir
    env = { ...home.env, PATH: process.env.PATH ?? '', CC_BASE_URL: sandbox.url, CC_API_KEY: sandbox.apiKey }
  })
  afterAll(() => sandbox.close())

  const cli = (...args: string[]) => runCli(args, env)

  /** Every contact, through the list. */
  async function everyone(): Promise<Person[]> {
    const people: Person[] = []
    for await (const person of client.people.list({ limit: 100 })) people.push(person)
    return people
  }

  /** A contact by id, through the documented search (the same in both profiles). */
  const byId = async (id: string) => (await client.people.search({ id }))[0]

  it('get prints a contact, as text and as JSON; an unknown id exits 1', async () => {
    const person = (await client.people.list({ limit: 1 })).data[0]
    if (!person) throw new Error('no demo data')
    const text = await cli('get', person.id)
    expect(text).toMatchObject({ code: 0, stderr: '' })
    expect(text.stdout).toContain(`${person.fullName} (${person.id})`)
    const json = await cli('get', person.id, '--json')
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual(person)
    const missing = await cli('get', 'doesnotexist1')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('Not found (404)')
  })

  it('set checks every field first (exit 2), then saves them and names the request (exit 0)', async () => {
    const person = (await client.people.list({ limit: 1 })).data[0]
    if (!person) throw new Error('no demo data')
    const bad = await cli('set', person.id, 'email=nope', 'color=blue')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('Email:')
    expect(bad.stderr).toContain('unknown field "color"')
    const good = await cli('set', person.id, 'city=Austin', 'state=tx', 'tags=VIP, Buyer', 'stage=')
    expect(good.stderr).toBe('')
    expect(good.code).toBe(0)
    // The request id comes from the answer's body, which both profiles send.
    expect(good.stdout).toMatch(/^Updated \S+: .*city.* \(request [0-9a-f-]{36}\)\n$/)
    const after = await byId(person.id)
    expect(after).toMatchObject({ city: 'Austin', state: 'TX', tags: 'VIP, Buyer' })
    expect(after?.stageId).toBeUndefined()
    const missing = await cli('set', 'doesnotexist1', 'city=Nowhere')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('Not found (404)')
  })

  it('create prints the new id, --json the contact; an existing email updates that contact', async () => {
    const created = await cli('create', 'firstName=Nia', `email=nia.${profile}@example.com`, 'phone=(555) 301-0001')
    expect(created).toMatchObject({ code: 0, stderr: '' })
    const id = created.stdout.trim()
    expect(await byId(id)).toMatchObject({ firstName: 'Nia', phones: [{ value: '+15553010001' }] })
    const again = await cli('create', `email=NIA.${profile}@example.com`, 'city=Reno', '--json')
    expect(again.code).toBe(0)
    expect(again.stderr).toBe(`A contact with this email already existed: updated it (${id}).\n`)
    expect(JSON.parse(again.stdout)).toMatchObject({ id, firstName: 'Nia', city: 'Reno' })
  })

  it('log records an activity on a contact, from the arguments or stdin', async () => {
    const person = (await client.people.list({ limit: 1 })).data[0]
    if (!person) throw new Error('no demo data')
    const logged = await cli('log', person.id, '--type', 'call', '--direction', 'outbound', 'Called', 'back')
    expect(logged.code).toBe(0)
    expect(logged.stdout).toMatch(new RegExp(`^Logged call on ${person.id} \\(activity \\S+\\)\\.\\n$`))
    const json = await runCli(['log', person.id, '--json', '-'], env, 'A note\nfrom stdin\n')
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toMatchObject({ personId: person.id, type: 'note', content: 'A note\nfrom stdin' })
    const missing = await cli('log', 'doesnotexist1', 'Hello')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('is not a known contact')
  })

  it('delete moves a contact to the trash, or deletes it for good; one already gone exits 0', async () => {
    const { id } = await client.people.create({ firstName: 'Del', email: `del.${profile}@example.com` })
    const refused = await cli('delete', id)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('add --yes')
    expect(await byId(id)).toBeDefined()
    const trashed = await cli('delete', id, '--yes')
    expect(trashed).toMatchObject({ code: 0, stdout: `Moved ${id} to the trash.\n` })
    await expect(client.people.get(id)).rejects.toThrow(NotFoundError)
    const again = await cli('delete', id, '--yes')
    expect(again).toMatchObject({ code: 0, stdout: `Contact ${id} is already gone (404): nothing to delete.\n` })
    expect(await cli('delete', id, '--permanent', '--yes')).toMatchObject({
      code: 0,
      stdout: `Deleted ${id} for good.\n`,
    })
  })

  it('export writes every contact; import creates and updates, and a second run sends nothing again', async () => {
    const before = await everyone()
    const csvFile = join(dir, `export-${profile}.csv`)
    const exported = await cli('export', '--out', csvFile)
    expect(exported).toMatchObject({ code: 0, stderr: `Exported ${before.length} contacts to ${csvFile} (CSV).\n` })
    const rows = parse(readFileSync(csvFile, 'utf8')) as string[][]
    expect(rows).toHaveLength(before.length + 1)
    expect(rows.slice(1).map((row) => row[0])).toEqual(before.map((person) => person.id))
    const jsonl = await cli('export', '--format', 'jsonl')
    expect(jsonl.code).toBe(0)
    expect(jsonl.stdout.trim().split('\n')).toHaveLength(before.length)

    const target = before[0] as Person
    const importFile = join(dir, `import-${profile}.csv`)
    writeFileSync(
      importFile,
      `id,First Name,E-mail,City\n${target.id},,,Denver\n,Ola,ola.${profile}@example.com,Omaha\nnosuchcontact1,,,Nowhere\n`,
    )
    const dryRun = await cli('import', importFile, '--dry-run')
    expect(dryRun.code).toBe(0)
    expect(dryRun.stdout).toContain('1 row to create, 2 to update, 0 to skip, 0 invalid (3 rows, CSV).')
    const imported = await cli('import', importFile, '--yes')
    expect(imported.code).toBe(1)
    expect(imported.stderr).toContain('row 4: Not found (404)')
    expect(imported.stdout).toBe('Created 1, updated 1, skipped 0, failed 1 (3 of 3 rows done).\n')
    expect((await byId(target.id))?.city).toBe('Denver')
    expect(await client.people.search({ email: `ola.${profile}@example.com` })).toMatchObject([
      { firstName: 'Ola', city: 'Omaha' },
    ])
    const second = await cli('import', importFile, '--yes')
    expect(second.stdout).toBe('Created 0, updated 0, skipped 0, failed 1, 2 done before (3 of 3 rows done).\n')
    expect((await everyone()).length).toBe(before.length + 1)
  }, 60_000)
})
