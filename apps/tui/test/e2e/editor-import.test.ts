import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useEditorTerminal } from './editor-terminal.js'

// An import from the editor (tmux, 100×30) against the loopback API: the same check as `cc-tui import --dry-run`,
// then the run and its result, and what the API holds after.

const { loopback, home, launch } = useEditorTerminal()

describe('import in a real terminal', () => {
  it('shows the dry-run check with each invalid row, sends nothing for it, then imports the fixed file through faults', async () => {
    const file = join(home().dir, 'leads.csv')
    writeFileSync(
      file,
      'First Name,Last Name,E-mail,Tags\r\nAda,Lovelace,ada.editor@example.com,"VIP, Math"\r\nAlan,Turing,alan@,Logic\r\n',
    )
    const t = await launch({ columns: 100, rows: 30 })
    t.keys('i')
    await t.waitFor('File to import')
    t.type(file)
    t.keys('Enter')
    const preview = await t.waitFor('1 invalid')
    expect(preview).toContain('1 to create, 0 to update, 0 to skip, 1 invalid (2 rows, CSV)')
    expect(preview).toContain('row 3, column "E-mail", value "alan@": must be a valid email address')
    t.keys('Enter')
    t.keys('Escape')
    await t.waitFor('File to import')
    expect((await loopback.client.people.search({ email: 'ada.editor@example.com' })).length).toBe(0)

    writeFileSync(
      file,
      'First Name,Last Name,E-mail,Tags\r\nAda,Lovelace,ada.editor@example.com,"VIP, Math"\r\nAlan,Turing,alan.editor@example.com,Logic\r\n',
    )
    loopback.sandbox.setFaults({ rate: 0.1, kinds: ['429', '503'], seed: 3, retryAfterMs: 50 })
    t.keys('Enter')
    await t.waitFor('2 to create, 0 to update, 0 to skip, 0 invalid')
    t.keys('Enter')
    const done = await t.waitFor(
      /Done: Import .*leads\.csv\n.*2 of 2 rows done · 2 created · 0 updated · 0 skipped · 0 failed/,
      30_000,
    )
    expect(done).not.toContain('Failed or skipped')
    loopback.sandbox.setFaults(false)
    const alan = await loopback.client.people.search({ email: 'alan.editor@example.com' })
    expect(alan.map((person) => [person.lastName, person.tags])).toEqual([['Turing', 'Logic']])
    t.keys('Enter')
    await t.waitFor('1 of 50+')
  })
})
