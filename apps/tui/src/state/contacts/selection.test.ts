import { describe, expect, it } from 'vitest'
import { person } from '../../../test/support/people.js'
import { toRow } from './rows.js'
import {
  applyToSelected,
  deselect,
  noSelection,
  refreshAllSelected,
  refreshSelected,
  selectAll,
  toggleSelected,
} from './selection.js'

const [a, b, c] = [1, 2, 3].map((n) => toRow(person(n))) as [
  ReturnType<typeof toRow>,
  ReturnType<typeof toRow>,
  ReturnType<typeof toRow>,
]
const picked = (row: ReturnType<typeof toRow>) => ({ id: row.id, name: row.name, fields: row.fields })

describe('the selection', () => {
  it('picks a contact and lets it go on a second toggle', () => {
    const one = toggleSelected(noSelection, a)
    expect([...one.values()]).toEqual([picked(a)])
    expect(toggleSelected(one, a).size).toBe(0)
  })

  it('picks every row, keeping those picked already as they were picked', () => {
    const changedA = toRow(person(1, { source: 'Web' }))
    const all = selectAll(toggleSelected(noSelection, a), [changedA, b])
    expect([...all.values()]).toEqual([picked(a), picked(b)])
    expect(all.get(a.id)?.fields.source).toBe('')
  })

  it('stays the same selection when every row is picked already', () => {
    const both = selectAll(noSelection, [a, b])
    expect(selectAll(both, [b, a])).toBe(both)
  })

  it('takes a saved contact as its new starting point only when it is picked', () => {
    const one = toggleSelected(noSelection, a)
    const saved = toRow(person(1, { source: 'Fair' }))
    expect(refreshSelected(one, saved).get(a.id)?.fields.source).toBe('Fair')
    const other = refreshSelected(one, b)
    expect(other).toBe(one)
    expect(other.has(b.id)).toBe(false)
  })

  it('refreshes the picked contacts among rows fetched again, leaving the others out', () => {
    const one = toggleSelected(noSelection, a)
    const next = refreshAllSelected(one, [toRow(person(1, { source: 'Fair' })), b])
    expect([...next.keys()]).toEqual([a.id])
    expect(next.get(a.id)?.fields.source).toBe('Fair')
    expect(refreshAllSelected(one, [b, c])).toBe(one)
    expect(refreshAllSelected(noSelection, [a, b])).toBe(noSelection)
  })

  it('lets a contact that is gone leave the selection', () => {
    const both = selectAll(noSelection, [a, b])
    expect([...deselect(both, a.id).keys()]).toEqual([b.id])
    expect(deselect(both, c.id)).toBe(both)
  })

  it('starts a next bulk edit from the stage or field an edit set, for the contacts it went through for', () => {
    // a (odd) is at Lead, b (even) at Hot.
    const both = selectAll(noSelection, [a, b])
    const staged = applyToSelected(both, [a.id, b.id, 'gone'], { kind: 'set', field: 'stage', value: 'stage_hot' })
    expect(staged.get(a.id)).toEqual({ ...picked(a), fields: { ...a.fields, stageId: 'stage_hot' } })
    expect(staged.get(b.id)).toBe(both.get(b.id))
    expect(both.get(a.id)?.fields.stageId).toBe('stage_lead')
    const sourced = applyToSelected(both, [b.id], { kind: 'set', field: 'source', value: 'Fair' })
    expect(sourced.get(b.id)?.fields).toEqual({ ...b.fields, source: 'Fair' })
    expect(sourced.get(a.id)).toBe(both.get(a.id))
  })

  it('starts a next bulk edit from the tags an edit added or removed', () => {
    const both = selectAll(noSelection, [a, b])
    const added = applyToSelected(both, [a.id], { kind: 'addTags', tags: ['New'] })
    expect(added.get(a.id)?.fields.tags).toEqual(['VIP', 'Buyer', 'New'])
    expect(added.get(b.id)?.fields.tags).toEqual(['VIP', 'Buyer'])
    const removed = applyToSelected(both, [a.id, b.id], { kind: 'removeTags', tags: ['vip'] })
    expect([...removed.values()].map((contact) => contact.fields.tags)).toEqual([['Buyer'], ['Buyer']])
  })

  it('stays the same selection when the edit changed none of the picked contacts', () => {
    const both = selectAll(noSelection, [a, b])
    expect(applyToSelected(both, [a.id, b.id], { kind: 'addTags', tags: ['buyer'] })).toBe(both)
    expect(applyToSelected(both, [c.id], { kind: 'addTags', tags: ['New'] })).toBe(both)
    expect(applyToSelected(both, [], { kind: 'set', field: 'source', value: 'Fair' })).toBe(both)
  })
})
