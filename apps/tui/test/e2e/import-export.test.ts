import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { Person } from '@cc/schema'
import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { useLoopbackApi } from './loopback-api.js'
import { runCli } from './run-cli.js'
import { CLI, createHome } from './tmux.js'

const api = useLoopbackApi()
let env: Record<string, string>
let dir: string
beforeAll(() => {
  const home = createHome()
  dir = home.dir
  env = { ...home.env, PATH: process.env.PATH ?? '', CC_BASE_URL: api.sandbox.url, CC_API_KEY: api.sandbox.apiKey }
})
const cli = (...args: string[]) => runCli(args, env)

async function everyone(): Promise<Person[]> {
  const people: Person[] = []
  for await (const person of api.client.people.list({ limit: 100 })) people.push(person)
  return people
}

const file = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe('cc-tui import', () => {
  // A spreadsheet's CSV: a byte order mark, CRLF, the headers people write, quoted commas and line breaks.
  const header = '\uFEFFFirst Name,Last Name,E-mail,Mobile,Zip,Tags,Notes\r\n'
  const ada = 'Ada,Lovelace,ada.import@example.com,(555) 201-0001,10001,"VIP, Math",\r\n'
  const empty = ',,,,,,\r\n'
  const longTag = `ok, ${'x'.repeat(51)}`

  it('reports every invalid row exactly (row, column, value, rule), sends nothing, then imports the fixed file', async () => {
    const before = (await everyone()).length
    const invalid = file(
      'invalid.csv',
      `${header}${ada}Bob,,bob@,555-201-0002,1234,,"Line one\r\nLine two, with a comma"\r\n${empty}Cy,,cy.import@example.com,,,"${longTag}",\r\n`,
    )
    const dryRun = await cli('import', invalid, '--dry-run')
    expect(dryRun.code).toBe(2)
    expect(dryRun.stderr).toBe(
      [
        'row 3, column "E-mail", value "bob@": must be a valid email address',
        'row 3, column "Zip", value "1234": must be a US ZIP code like 90210 or 90210-1234',
        `row 5, column "Tags", value "ok, ${'x'.repeat(35)}…": tag 2 must be at most 50 characters (you have 51)`,
        '',
      ].join('\n'),
    )
    expect(dryRun.stdout).toBe(
      [
        'row 2: create ada.import@example.com (firstName, lastName, email, phone, tags, zipCode)',
        'row 4: skip (empty row)',
        '1 row to create, 0 to update, 1 to skip, 2 invalid (4 rows, CSV).',
        '',
      ].join('\n'),
    )

    const noTerminal = await cli('import', invalid)
    expect(noTerminal).toMatchObject({
      code: 2,
      stderr:
        'Not imported: add --yes to import without a terminal to confirm on (check the file first with --dry-run).\n',
    })
    const refused = await cli('import', invalid, '--yes')
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('Nothing was sent: fix the rows above (check again with --dry-run).')
    expect((await everyone()).length).toBe(before)

    const fixed = file(
      'fixed.csv',
      `${header}${ada}Bob,,bob.import@example.com,555-201-0002,12345,,"Line one\r\nLine two, with a comma"\r\n${empty}Cy,,cy.import@example.com,,,"ok, fine",\r\n`,
    )
    expect((await cli('import', fixed, '--dry-run')).code).toBe(0)
    const imported = await cli('import', fixed, '--yes')
    expect(imported).toMatchObject({
      code: 0,
      stdout: 'Created 3, updated 0, skipped 1, failed 0 (3 of 3 rows done).\n',
      stderr: '',
    })
    const byEmail = new Map((await everyone()).map((person) => [person.emails[0]?.value, person]))
    expect(byEmail.get('ada.import@example.com')).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      phones: [{ value: '+15552010001' }],
      zipCode: '10001',
      tags: 'VIP, Math',
    })
    expect(byEmail.get('bob.import@example.com')?.background).toBe('Line one\r\nLine two, with a comma')
    expect(byEmail.get('cy.import@example.com')?.tags).toBe('ok, fine')
    expect((await everyone()).length).toBe(before + 3)

    // The same file again: each create carries the same idempotency key, so the API answers from its record.
    expect(await cli('import', fixed, '--yes')).toMatchObject({
      code: 0,
      stdout: 'Created 0, updated 0, skipped 1, failed 0, 3 done before (3 of 3 rows done).\n',
    })
    expect((await everyone()).length).toBe(before + 3)
  }, 60_000)

  it('exits 2 for a file it cannot read, saying why', async () => {
    const missing = join(dir, 'missing.csv')
    expect(await cli('import', missing, '--dry-run')).toMatchObject({
      code: 2,
      stderr: `Cannot read ${missing}: no such file\n`,
    })
    const broken = file('broken.csv', 'First Name,City\nAda,"Austin\nBob,Dallas\n')
    const result = await cli('import', broken, '--yes')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(new RegExp(`^Cannot read ${broken}: line \\d+: .*[Qq]uote`))
  })

  it('stops at an unknown column unless told to leave it out', async () => {
    const path = file('unknown.csv', 'First Name,E-mail,Favourite colour\nDee,dee.import@example.com,teal\n')
    const stopped = await cli('import', path, '--yes')
    expect(stopped.code).toBe(2)
    expect(stopped.stderr).toMatch(/^column 3 "Favourite colour": is not a contact field \(columns: id, firstName,/)
    expect(stopped.stderr).toContain('(--ignore-unknown imports the other columns and leaves these out)')
    const ignored = await cli('import', path, '--yes', '--ignore-unknown')
    expect(ignored.code).toBe(0)
    expect(ignored.stderr).toBe('Not read: "Favourite colour".\n')
    expect(ignored.stdout).toMatch(/^Created 1,/)
  })

  it('with --match email, updates by email and leaves the id column out', async () => {
    const { id } = await api.client.people.create({ firstName: 'Eve', email: 'eve.import@example.com' })
    const path = file('by-email.jsonl', `{"id":"doesnotexist1","email":"eve.import@example.com","city":"Boston"}\n`)
    const result = await cli('import', path, '--yes', '--match', 'email')
    expect(result).toMatchObject({ code: 0, stdout: 'Created 0, updated 1, skipped 0, failed 0 (1 of 1 rows done).\n' })
    expect(result.stderr).toBe('')
    expect((await api.client.people.get(id)).city).toBe('Boston')
  })

  it('exits 1 with the rows the API refused, and retries only those on the next run', async () => {
    const { id } = await api.client.people.create({ firstName: 'Fay', email: 'fay.import@example.com' })
    const path = file('refused.csv', `id,city\n${id},Denver\nnosuchcontact1,Nowhere\n`)
    const first = await cli('import', path, '--yes')
    expect(first.code).toBe(1)
    expect(first.stderr).toContain('row 3: Not found (404)')
    expect(first.stdout).toBe('Created 0, updated 1, skipped 0, failed 1 (2 of 2 rows done).\n')
    const second = await cli('import', path, '--yes')
    expect(second.code).toBe(1)
    expect(second.stderr).toContain('An import of this file finished on')
    expect(second.stdout).toBe('Created 0, updated 0, skipped 0, failed 1, 1 done before (2 of 2 rows done).\n')
  })
})

it('never loads React or Ink on the way to import and export', async () => {
  const path = file('modules.csv', 'First Name\nMo\n')
  for (const args of [
    ['import', path, '--dry-run'],
    ['export', '--format', 'jsonl'],
  ]) {
    const log = join(dir, `modules-${args[0]}.log`)
    await promisify(execFile)(
      process.execPath,
      ['--import', fileURLToPath(new URL('./record-modules.mjs', import.meta.url)), CLI, ...args],
      { env: { ...env, CC_TUI_MODULE_LOG: log }, maxBuffer: 64 * 1024 * 1024 },
    )
    const ours = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .filter((url) => url.startsWith('file:'))
      .map((url) => fileURLToPath(url))
    expect(ours.length).toBeGreaterThan(1)
    // The bundle names the source of each module it holds in a comment: React, Ink and yoga would show.
    expect(ours.filter((path) => /node_modules\/(ink|react|yoga-layout)\//.test(readFileSync(path, 'utf8')))).toEqual(
      [],
    )
  }
})

describe('cc-tui export', () => {
  /** The CSV without `updatedAt` (an update moves it even when it changes nothing). */
  const withoutUpdatedAt = (csv: string) => {
    const rows = parse(csv) as string[][]
    const column = (rows[0] ?? []).indexOf('updatedAt')
    return rows.map((row) => row.filter((_, index) => index !== column))
  }

  it('streams every contact; importing the export leaves the account unchanged (CSV and JSONL)', async () => {
    // Values a spreadsheet would run, and text CSV must quote.
    await api.client.people.create({
      firstName: '=HYPERLINK("http://evil.example","click")',
      lastName: "'Quoted",
      email: 'formula.export@example.com',
      city: '@SUM(A1)',
      source: '+Referral',
      background: 'Line one\nLine two, "quoted"\r\n\t-tabbed',
      tags: ['-1', "'x", 'VIP'],
    })
    const count = (await everyone()).length
    const first = join(dir, 'first.csv')
    const exported = await cli('export', '--out', first)
    expect(exported).toMatchObject({ code: 0, stdout: '', stderr: `Exported ${count} contacts to ${first} (CSV).\n` })
    const csv = readFileSync(first, 'utf8')
    const rows = parse(csv) as string[][]
    expect(rows[0]).toEqual([
      'id',
      'firstName',
      'lastName',
      'email',
      'phone',
      'source',
      'stage',
      'price',
      'timeframe',
      'background',
      'tags',
      'street',
      'city',
      'state',
      'zipCode',
      'createdAt',
      'updatedAt',
    ])
    expect(rows).toHaveLength(count + 1)
    expect(csv.split('\r\n')[1]).toMatch(/^[^,]+,[^,]*,/)
    const formula = rows.find((row) => row[3] === 'formula.export@example.com')
    expect(formula?.slice(1, 3)).toEqual([`'=HYPERLINK("http://evil.example","click")`, "''Quoted"])
    expect(formula?.[5]).toBe("'+Referral")
    expect(formula?.[10]).toBe(`'-1, 'x, VIP`)
    expect(formula?.[12]).toBe("'@SUM(A1)")

    const imported = await cli('import', first, '--yes')
    expect(imported.code).toBe(0)
    expect(imported.stdout).toMatch(new RegExp(`^Created 0, updated ${count}, skipped 0, failed 0`))
    const second = join(dir, 'second.csv')
    expect((await cli('export', '--out', second)).code).toBe(0)
    expect(withoutUpdatedAt(readFileSync(second, 'utf8'))).toEqual(withoutUpdatedAt(csv))

    const jsonl = await cli('export', '--format', 'jsonl')
    expect(jsonl.code).toBe(0)
    const lines = jsonl.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(count)
    expect(JSON.parse(lines.find((line) => line.includes('formula.export')) ?? '{}')).toMatchObject({
      firstName: '=HYPERLINK("http://evil.example","click")',
      tags: ['-1', "'x", 'VIP'],
    })
    const jsonlFile = file('all.jsonl', jsonl.stdout)
    expect((await cli('import', jsonlFile, '--yes')).code).toBe(0)
    const third = join(dir, 'third.csv')
    await cli('export', '--out', third)
    expect(withoutUpdatedAt(readFileSync(third, 'utf8'))).toEqual(withoutUpdatedAt(csv))
    expect((await everyone()).length).toBe(count)
    // Six runs of the built cli over 200 contacts: minutes on a busy 2-core machine.
  }, 180_000)
})
