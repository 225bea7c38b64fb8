import { NotFoundError } from '@cc/client'
import { beforeAll, describe, expect, it } from 'vitest'
import { useLoopbackApi } from './loopback-api.js'
import { runCli } from './run-cli.js'
import { createHome } from './tmux.js'

const api = useLoopbackApi()
let env: Record<string, string>
beforeAll(() => {
  env = {
    ...createHome().env,
    PATH: process.env.PATH ?? '',
    CC_BASE_URL: api.sandbox.url,
    CC_API_KEY: api.sandbox.apiKey,
  }
})
const cli = (args: string[], input?: string) => runCli(args, env, input)

describe('cc-tui create', () => {
  it('prints the new id, and the contact with --json', async () => {
    const created = await cli([
      'create',
      'firstName=Jane',
      'lastName=Script',
      'email=jane.script@example.com',
      'tags=VIP, New',
      'phone=(555) 301-0001',
    ])
    expect(created).toMatchObject({ code: 0, stderr: '' })
    const id = created.stdout.trim()
    expect(id).toMatch(/^[a-zA-Z0-9_-]{8,}$/)
    expect(await api.client.people.get(id)).toMatchObject({
      firstName: 'Jane',
      tags: 'VIP, New',
      phones: [{ value: '+15553010001' }],
    })

    const json = await cli(['create', 'firstName=Json', 'email=json.script@example.com', '--json'])
    expect(json.code).toBe(0)
    const person = JSON.parse(json.stdout)
    expect(person).toMatchObject({ firstName: 'Json', emails: [{ value: 'json.script@example.com' }] })
    expect((await api.client.people.get(person.id)).firstName).toBe('Json')
  })

  it('says when the API updated the contact that has the email instead, and prints its id', async () => {
    const first = (await cli(['create', 'firstName=Same', 'email=same.script@example.com'])).stdout.trim()
    const again = await cli(['create', 'city=Austin', 'email=same.script@example.com'])
    expect(again).toMatchObject({ code: 0, stdout: `${first}\n` })
    expect(again.stderr).toBe(`A contact with this email already existed: updated it (${first}).\n`)
    expect(await api.client.people.get(first)).toMatchObject({ firstName: 'Same', city: 'Austin' })
  })

  it('exits 2 naming each field and rule, sending nothing', async () => {
    const bad = await cli(['create', 'email=nope', 'price=lots', 'zipCode=1'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toBe(
      [
        'Not saved:',
        '  price: Price: must be an amount like 450000 or $450,000',
        '  email: Email: must be a valid email address',
        '  zipCode: ZIP code: must be a US ZIP code like 90210 or 90210-1234',
        '',
      ].join('\n'),
    )
    const empty = await cli(['create', 'firstName=', 'email=empty.script@example.com'])
    expect(empty).toMatchObject({ code: 2, stderr: 'Not saved:\n  firstName: First name: must not be empty\n' })
    expect(await api.client.people.search({ email: 'empty.script@example.com' })).toEqual([])
  })
})

describe('cc-tui delete', () => {
  it('needs --yes without a terminal, moves to the trash, deletes for good, and is fine with a contact already gone', async () => {
    const { id } = await api.client.people.create({ firstName: 'Doomed', email: 'doomed.script@example.com' })
    const unasked = await cli(['delete', id])
    expect(unasked).toMatchObject({
      code: 2,
      stderr: `Not deleted: add --yes to delete ${id} without a terminal to confirm on.\n`,
    })
    expect((await api.client.people.get(id)).firstName).toBe('Doomed')

    expect(await cli(['delete', id, '--yes'])).toMatchObject({ code: 0, stdout: `Moved ${id} to the trash.\n` })
    await expect(api.client.people.get(id)).rejects.toBeInstanceOf(NotFoundError)
    expect(await cli(['delete', id, '--yes'])).toMatchObject({
      code: 0,
      stdout: `Contact ${id} is already gone (404): nothing to delete.\n`,
    })
    // A contact in the trash can still be deleted for good.
    expect(await cli(['delete', id, '--permanent', '--yes'])).toMatchObject({
      code: 0,
      stdout: `Deleted ${id} for good.\n`,
    })
    expect(await cli(['delete', id, '--permanent', '-y'])).toMatchObject({
      code: 0,
      stdout: `Contact ${id} is already gone (404): nothing to delete.\n`,
    })
  }, 60_000)

  it('exits 2 for an id that cannot be one, and for a flag of another command', async () => {
    expect(await cli(['delete', 'x', '--yes'])).toMatchObject({ code: 2 })
    const wrongFlag = await cli(['delete', 'abcdefgh12', '--dry-run'])
    expect(wrongFlag.code).toBe(2)
    expect(wrongFlag.stderr).toContain('--dry-run is for import, not delete')
  })
})

describe('cc-tui log', () => {
  it('logs a call with its direction and text, or a note with the text from stdin', async () => {
    const { id } = await api.client.people.create({ firstName: 'Caller', email: 'caller.script@example.com' })
    const call = await cli([
      'log',
      id,
      '--type',
      'call',
      '--direction',
      'outbound',
      'Talked',
      'about the offer',
      '--json',
    ])
    expect(call.code).toBe(0)
    expect(JSON.parse(call.stdout)).toMatchObject({
      personId: id,
      type: 'call',
      direction: 'outbound',
      content: 'Talked about the offer',
    })
    const note = await cli(['log', id, '-'], 'First line\nSecond line, from stdin\n')
    expect(note.code).toBe(0)
    expect(note.stdout).toMatch(new RegExp(`^Logged note on ${id} \\(activity [^)]+\\)\\.\\n$`))
    const noteJson = await cli(['log', id, '--json', '-'], 'Kept\nas is\n\n')
    expect(JSON.parse(noteJson.stdout).content).toBe('Kept\nas is')
  })

  it('exits 2 naming the flag and rule, or the field the API refused', async () => {
    const fax = await cli(['log', 'abcdefgh12', '--type', 'fax', 'x'])
    expect(fax).toMatchObject({
      code: 2,
      stderr: 'Not saved:\n  type: --type: must be one of "call", "email", "note", "meeting", "sms", "activity"\n',
    })
    const long = await cli(['log', 'abcdefgh12', '-'], 'y'.repeat(5001))
    expect(long).toMatchObject({
      code: 2,
      stderr: 'Not saved:\n  content: Text: must be at most 5000 characters (you have 5001)\n',
    })
    const nobody = await cli(['log', 'nosuchcontact1', 'hello'])
    expect(nobody.code).toBe(2)
    expect(nobody.stderr).toContain('Not saved: The server rejected some fields (422)')
    expect(nobody.stderr).toContain('personId')
  })
})
