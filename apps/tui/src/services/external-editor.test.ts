import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { editExternally } from './external-editor.js'

const work = mkdtempSync(join(tmpdir(), 'cc-tui-editor-test-'))
const originalTmp = process.env.TMPDIR
afterEach(() => {
  if (originalTmp === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = originalTmp
})

/** An "editor": a Node script run the way $EDITOR is, with the file it is given as its one argument. */
function fakeEditor(name: string, body: string): string {
  const script = join(work, `${name}.mjs`)
  writeFileSync(
    script,
    `import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'\nconst file = process.argv[2]\n${body}\n`,
  )
  return `'${process.execPath}' '${script}'`
}

const edit = (text: string, editor: string, env: NodeJS.ProcessEnv = {}) =>
  editExternally(text, {
    label: 'Background',
    maxLength: 5000,
    fileName: 'background.txt',
    env: { PATH: process.env.PATH ?? '', ...env, EDITOR: editor },
    suspend: (run) => run(),
  })

describe('editExternally', () => {
  it("keeps the person's own lines that start like the editor's notes, and drops the notes", async () => {
    const editor = fakeEditor('append', `appendFileSync(file, '# cc-tui: my own line\\nmore\\n')`)
    const result = await edit('Notes', editor)
    expect(result).toEqual({ kind: 'edited', text: 'Notes\n# cc-tui: my own line\nmore' })
  })

  it('gives the editor no API key', async () => {
    const editor = fakeEditor(
      'env',
      `writeFileSync(file, 'key: ' + (process.env.CC_API_KEY ?? 'none') + ', home: ' + process.env.HOME)`,
    )
    const result = await edit('Notes', editor, { CC_API_KEY: 'ccmd_live_secret_key', HOME: '/home/ada' })
    expect(result).toEqual({ kind: 'edited', text: 'key: none, home: /home/ada' })
  })

  it('hands the file over as one argument, whatever its path holds, and removes it after', async () => {
    // A temporary directory whose name the shell would expand, were the path spliced into the command.
    const strange = join(work, 'a$(printf spliced)b "c"')
    mkdirSync(strange)
    process.env.TMPDIR = strange
    const log = join(work, 'argv.json')
    const editor = fakeEditor(
      'argv',
      `writeFileSync(process.env.ARGV_LOG, JSON.stringify(process.argv.slice(2)))\nwriteFileSync(file, 'edited')`,
    )
    const result = await edit('Notes', editor, { ARGV_LOG: log })
    expect(result).toEqual({ kind: 'edited', text: 'edited' })
    const argv = JSON.parse(readFileSync(log, 'utf8')) as string[]
    expect(argv).toHaveLength(1)
    expect(argv[0]?.startsWith(`${strange}/cc-tui-`)).toBe(true)
    expect(argv[0]?.endsWith('/background.txt')).toBe(true)
    expect(readdirSync(strange)).toEqual([])
  })
})
