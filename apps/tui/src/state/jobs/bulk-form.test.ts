import { describe, expect, it } from 'vitest'
import { person } from '../../../test/support/people.js'
import { toRow } from '../contacts/rows.js'
import { noSelection, selectAll } from '../contacts/selection.js'
import { bulkActionOf, bulkItemsOf, previewBulk, stagesMatching } from './bulk-form.js'

const stages = [
  { id: 'stage_lead', name: 'Lead' },
  { id: 'stage_won', name: 'Closed Won' },
]

describe('the bulk edit form', () => {
  it('narrows the known stages by name or id as the value is typed', () => {
    expect(stagesMatching(stages, '')).toEqual(stages)
    expect(stagesMatching(stages, 'WON')).toEqual([stages[1]])
    expect(stagesMatching(stages, 'stage_l')).toEqual([stages[0]])
    expect(stagesMatching(stages, 'nothing')).toEqual([])
  })

  it('makes the action from the picked stage, or the typed id, or says which field and rule refuse the value', () => {
    expect(bulkActionOf('stage', 'won', stages[1])).toEqual({
      ok: true,
      action: { kind: 'set', field: 'stage', value: 'stage_won', label: 'Closed Won' },
    })
    expect(bulkActionOf('stage', ' stage_new ')).toEqual({
      ok: true,
      action: { kind: 'set', field: 'stage', value: 'stage_new' },
    })
    expect(bulkActionOf('stage', '  ')).toEqual({ ok: false, error: 'Stage: type a stage id, or pick a stage' })
    expect(bulkActionOf('source', '')).toEqual({ ok: true, action: { kind: 'set', field: 'source', value: '' } })
    const long = bulkActionOf('timeframe', 'x'.repeat(101))
    expect(long.ok).toBe(false)
    expect(!long.ok && long.error).toMatch(/^Timeframe: .*100/)
    expect(bulkActionOf('addTags', 'VIP, Buyer ,')).toEqual({
      ok: true,
      action: { kind: 'addTags', tags: ['VIP', 'Buyer'] },
    })
    expect(bulkActionOf('removeTags', 'Old')).toEqual({ ok: true, action: { kind: 'removeTags', tags: ['Old'] } })
    expect(bulkActionOf('addTags', ' , ')).toEqual({
      ok: false,
      error: 'Tags: type at least one tag (several: separated by commas)',
    })
    const tooLong = bulkActionOf('addTags', 'x'.repeat(51))
    expect(!tooLong.ok && tooLong.error).toMatch(/^Tags: "x+" .*50/)
    const many = bulkActionOf('addTags', Array.from({ length: 21 }, (_, i) => `T${i}`).join(','))
    expect(many).toEqual({ ok: false, error: 'Tags: at most 20 tags at once (you typed 21)' })
  })

  it('previews how many change, a sample old → new, and how many need no change, from the picked values', () => {
    // person(n) has the tags VIP, Buyer; an odd one the stage Lead, an even one Hot.
    const rows = [0, 1, 2].map((n) => toRow(person(n)))
    const selection = selectAll(noSelection, rows)
    const preview = previewBulk({ kind: 'removeTags', tags: ['vip'] }, selection)
    expect(preview).toMatchObject({ total: 3, change: 3, unchanged: 0, invalid: 0, summary: 'Remove tag vip' })
    expect(preview.samples[0]).toEqual({ name: rows[0]?.name, before: 'VIP, Buyer', after: 'Buyer' })
    const lead = previewBulk({ kind: 'set', field: 'stage', value: 'stage_lead' }, selection)
    expect(lead).toMatchObject({ change: 2, unchanged: 1 })
    expect(lead.samples.map((sample) => sample.before)).toEqual(['stage_hot', 'stage_hot'])
    const same = previewBulk({ kind: 'addTags', tags: ['buyer'] }, selection)
    expect(same).toMatchObject({ change: 0, unchanged: 3, samples: [] })
    expect(previewBulk({ kind: 'addTags', tags: ['New'] }, noSelection)).toMatchObject({ total: 0, change: 0 })
  })

  it('gives each contact of a set action the value it had when picked, to detect a change meanwhile', () => {
    const selection = selectAll(noSelection, [toRow(person(0)), toRow(person(1, { source: 'Web' }))])
    expect(bulkItemsOf({ kind: 'set', field: 'source', value: 'Fair' }, selection)).toEqual([
      { id: person(0).id, expect: '' },
      { id: person(1).id, expect: 'Web' },
    ])
    expect(bulkItemsOf({ kind: 'addTags', tags: ['A'] }, selection)).toEqual([
      { id: person(0).id },
      { id: person(1).id },
    ])
  })

  it('matches a stage by its name whatever the case, ignoring spaces around what is typed', () => {
    expect(stagesMatching(stages, '  closed ')).toEqual([stages[1]])
    expect(stagesMatching(stages, 'LEAD')).toEqual([stages[0]])
  })

  it('takes a picked stage only for the stage: another field keeps what was typed', () => {
    expect(bulkActionOf('source', ' Web ', stages[0])).toEqual({
      ok: true,
      action: { kind: 'set', field: 'source', value: 'Web' },
    })
  })

  it('accepts exactly 20 tags at once', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `T${i}`)
    expect(bulkActionOf('addTags', twenty.join(','))).toEqual({ ok: true, action: { kind: 'addTags', tags: twenty } })
  })

  it('shows at most five samples, and counts apart the contacts the action cannot apply to', () => {
    const rows = [1, 3, 5, 7, 9, 11, 13].map((n) => toRow(person(n)))
    const full = toRow(person(2, { tags: Array.from({ length: 20 }, (_, i) => `T${i}`).join(', ') }))
    const selection = selectAll(noSelection, [...rows, full])
    const preview = previewBulk({ kind: 'addTags', tags: ['New'] }, selection)
    expect(preview).toMatchObject({ total: 8, change: 7, unchanged: 0, invalid: 1 })
    expect(preview.samples.map((sample) => sample.name)).toEqual(rows.slice(0, 5).map((row) => row.name))
  })

  it('gives no expected value to the contacts of a tag action', () => {
    const items = bulkItemsOf({ kind: 'removeTags', tags: ['VIP'] }, selectAll(noSelection, [toRow(person(0))]))
    expect(items).toStrictEqual([{ id: person(0).id }])
  })
})
