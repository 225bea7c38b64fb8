import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { NotFoundError } from '@cc/client'
import { describe, expect, it } from 'vitest'
import { useEditorTerminal } from './editor-terminal.js'

const { loopback: api, home, launch } = useEditorTerminal({ launch: { columns: 120, waitFor: false } })

/** `cc-tui <args>` in a real terminal, talking to the loopback API. */
const inTerminal = (args: string[]) => launch({ args })

describe('script commands on a terminal ask first', () => {
  it('import shows what it will do and sends nothing until asked, then everything', async () => {
    const file = join(home().dir, 'two.csv')
    writeFileSync(file, 'First Name,E-mail\nPia,pia.prompt@example.com\nQuinn,quinn.prompt@example.com\n')
    const terminal = await inTerminal(['import', file])
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
    const file = join(home().dir, 'resume.csv')
    writeFileSync(file, `id,city\n${id},Reno\nnosuchcontact1,Nowhere\n`)
    const first = await inTerminal(['import', file, '--yes'])
    expect(await first.waitForExit(30_000)).toBe(1)
    first.kill()
    // The same state directory: the journal of the first run is there.
    const terminal = await inTerminal(['import', file])
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
    const kept = await inTerminal(['delete', id])
    await kept.waitFor(`Move Pat Prompt (${id}) to the trash? [y/N]`)
    kept.keys('Enter')
    expect(await kept.waitForExit()).toBe(0)
    expect(kept.screen()).toContain('Not deleted.')
    expect((await api.client.people.get(id)).firstName).toBe('Pat')
    kept.kill()

    const gone = await inTerminal(['delete', id, '--permanent'])
    await gone.waitFor(`Delete Pat Prompt (${id}) for good? This cannot be undone. [y/N]`)
    gone.type('y')
    gone.keys('Enter')
    expect(await gone.waitForExit()).toBe(0)
    expect(gone.screen()).toContain(`Deleted ${id} for good.`)
    await expect(api.client.people.get(id)).rejects.toBeInstanceOf(NotFoundError)
  })
})
