import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { NotFoundError } from '@cc/client'
import { afterEach, describe, expect, it } from 'vitest'
import { useLoopbackApi } from './loopback-api.js'
import { createHome, startEditor, type Terminal } from './tmux.js'

const api = useLoopbackApi()
let terminal: Terminal | undefined
afterEach(() => terminal?.kill())

/** `cc-tui <args>` in a real terminal, talking to the loopback API. */
function inTerminal(args: string[]) {
  const home = createHome()
  terminal = startEditor({
    home,
    args,
    env: { CC_BASE_URL: api.sandbox.url, CC_API_KEY: api.sandbox.apiKey },
    columns: 120,
  })
  return { terminal, home }
}

describe('script commands on a terminal ask first', () => {
  it('import shows what it will do and sends nothing until asked, then everything', async () => {
    const home = createHome()
    const file = join(home.dir, 'two.csv')
    writeFileSync(file, 'First Name,E-mail\nPia,pia.prompt@example.com\nQuinn,quinn.prompt@example.com\n')
    const { terminal } = inTerminal(['import', file])
    await terminal.waitFor('2 rows to create, 0 to update, 0 to skip, 0 invalid (2 rows, CSV).')
    await terminal.waitFor(`Import ${file} into the account? [y/N]`)
    expect((await api.client.people.search({ email: 'pia.prompt@example.com' })).length).toBe(0)
    terminal.type('y')
    terminal.keys('Enter')
    expect(await terminal.waitForExit(30_000)).toBe(0)
    expect(terminal.screen()).toContain('Created 2, updated 0, skipped 0, failed 0 (2 of 2 rows done).')
    expect((await api.client.people.search({ email: 'quinn.prompt@example.com' })).length).toBe(1)
  })

  it('import offers to resume a run that left rows to do, and goes on when told to', async () => {
    const { id } = await api.client.people.create({ firstName: 'Rex', email: 'rex.prompt@example.com' })
    const home = createHome()
    const file = join(home.dir, 'resume.csv')
    writeFileSync(file, `id,city\n${id},Reno\nnosuchcontact1,Nowhere\n`)
    const first = inTerminal(['import', file, '--yes'])
    expect(await first.terminal.waitForExit(30_000)).toBe(1)
    first.terminal.kill()
    // The same state directory: the journal of the first run is there.
    terminal = startEditor({
      home: first.home,
      args: ['import', file],
      env: { CC_BASE_URL: api.sandbox.url, CC_API_KEY: api.sandbox.apiKey },
      columns: 120,
    })
    await terminal.waitFor(/An import of this file finished on \S+ with 1 failed row\./)
    await terminal.waitFor('Resume it (rows already done are not sent again)? [Y/n]')
    terminal.keys('Enter')
    expect(await terminal.waitForExit(30_000)).toBe(1)
    expect(terminal.screen()).toContain('Resuming: 1 row already done.')
    expect(terminal.screen()).toContain('failed 1, 1 done before (2 of 2 rows done).')
  })

  it('delete names the contact and keeps it unless told yes', async () => {
    const { id } = await api.client.people.create({
      firstName: 'Pat',
      lastName: 'Prompt',
      email: 'pat.prompt@example.com',
    })
    const kept = inTerminal(['delete', id])
    await kept.terminal.waitFor(`Move Pat Prompt (${id}) to the trash? [y/N]`)
    kept.terminal.keys('Enter')
    expect(await kept.terminal.waitForExit()).toBe(0)
    expect(kept.terminal.screen()).toContain('Not deleted.')
    expect((await api.client.people.get(id)).firstName).toBe('Pat')
    kept.terminal.kill()

    const gone = inTerminal(['delete', id, '--permanent'])
    await gone.terminal.waitFor(`Delete Pat Prompt (${id}) for good? This cannot be undone. [y/N]`)
    gone.terminal.type('y')
    gone.terminal.keys('Enter')
    expect(await gone.terminal.waitForExit()).toBe(0)
    expect(gone.terminal.screen()).toContain(`Deleted ${id} for good.`)
    await expect(api.client.people.get(id)).rejects.toBeInstanceOf(NotFoundError)
  })
})
