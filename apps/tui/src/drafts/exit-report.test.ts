import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { emptyForm } from '../state/form.js'
import { DraftStore } from './draft-store.js'
import { draftsExitReport } from './exit-report.js'

const home = () => mkdtempSync(join(tmpdir(), 'cc-tui-exit-'))
const draft = (contactId: string, city: string) => ({
  contactId,
  title: 'Ada Lovelace',
  base: emptyForm(),
  values: { ...emptyForm(), city },
})

describe('draftsExitReport', () => {
  it('says nothing when this editor has no drafts', () => {
    expect(draftsExitReport(new DraftStore(join(home(), 'drafts.json')))).toEqual([])
  })

  it('says where kept drafts are', () => {
    const store = new DraftStore(join(home(), 'drafts.json'))
    store.put(draft('a1234567', 'Paris'))
    store.flush()
    expect(draftsExitReport(store)).toEqual([
      `cc-tui: 1 unsaved draft is kept in ${store.path}: open the contact again to restore it.`,
    ])
  })

  it('says how to get a new contact and an activity back', () => {
    const store = new DraftStore(join(home(), 'drafts.json'))
    store.put({ ...draft('new-0123abcd', 'Paris'), create: { idempotencyKey: 'k' } })
    store.putActivity({ contactId: 'a1234567', title: 'Ada', values: { type: 'note', content: 'x' } })
    store.flush()
    expect(draftsExitReport(store)).toEqual([
      `cc-tui: 2 unsaved drafts are kept in ${store.path}: press n in the list (a new contact), or press a on the contact (an activity) to restore them.`,
    ])
  })

  it('says the drafts were not saved, why, and puts their text in a private file', () => {
    const dir = home()
    // The drafts directory cannot be created (a file is in its way), so neither the drafts file nor a rescue file
    // beside it can be written: the text goes to a private temporary directory.
    writeFileSync(join(dir, 'state'), '')
    const store = new DraftStore(join(dir, 'state', 'drafts.json'))
    store.put(draft('a1234567', 'Paris'))
    store.flush()
    const lines = draftsExitReport(store, { tempDir: dir })
    expect(lines[0]).toMatch(
      /^cc-tui: 1 unsaved draft \(Ada Lovelace\) could not be saved: cannot write the drafts file \(.*\): .*drafts\.json\.$/,
    )
    expect(lines.join('\n')).not.toContain('kept in')
    const file = /^Its text is in (.+) \(readable only by you\)\.$/.exec(lines[1] ?? '')?.[1]
    if (!file) throw new Error(`no rescue file in ${lines.join('\n')}`)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700)
    const rescued = JSON.parse(readFileSync(file, 'utf8'))
    expect(Object.values(rescued.drafts)).toEqual([expect.objectContaining({ contactId: 'a1234567' })])
    // The rescue file is a drafts file: put where the drafts file belongs, the editor offers it back.
    rmSync(join(dir, 'state'))
    mkdirSync(join(dir, 'state'))
    writeFileSync(join(dir, 'state', 'drafts.json'), readFileSync(file))
    expect(new DraftStore(join(dir, 'state', 'drafts.json')).get('a1234567')?.values.city).toBe('Paris')
  })

  it('prints the text itself when no file can take it', () => {
    const dir = home()
    writeFileSync(join(dir, 'state'), '')
    const store = new DraftStore(join(dir, 'state', 'drafts.json'))
    store.put({ ...draft('a1234567', 'Paris'), title: 'Eve\u001b]52;c;aGk=\u0007' })
    store.flush()
    const lines = draftsExitReport(store, { tempDir: join(dir, 'state') })
    expect(lines[1]).toBe('Its text could not be written anywhere either; here it is:')
    const printed = JSON.parse(lines.slice(2).join('\n')) as { drafts: Record<string, { values: { city: string } }> }
    expect(Object.values(printed.drafts).map((d) => d.values.city)).toEqual(['Paris'])
    expect(lines.join('\n')).not.toContain('\u001b')
  })
})
