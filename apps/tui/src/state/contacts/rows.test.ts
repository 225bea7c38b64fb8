import { describe, expect, it } from 'vitest'
import { person } from '../../../test/support/people.js'
import { MAX_STAGES, mergeStages, stagesSeen, toRow } from './rows.js'

describe('contact rows', () => {
  it('shows the primary email and phone, the stage name and a short date, cleaned', () => {
    const row = toRow(
      person(1, {
        fullName: 'Evil\u001b]0;pwned\u0007 Name',
        emails: [{ value: 'a@x' }, { value: 'b@x', isPrimary: true }],
      }),
    )
    expect(row).toMatchObject({ name: 'Evil Name', email: 'b@x', stage: 'Lead', updated: '2026-02-03' })
  })

  it('asks for the last name to delete for good, else the first name, else the id', () => {
    expect(toRow(person(1, { lastName: 'Wal\u001b[31mker' })).confirmWord).toBe('Walker')
    expect(toRow(person(1, { lastName: null })).confirmWord).toBe('First1')
    expect(toRow(person(1, { lastName: ' ', firstName: null })).confirmWord).toBe('contact0001')
  })

  it('collects the stages seen, by name', () => {
    expect(stagesSeen([1, 2, 3].map((n) => toRow(person(n))))).toEqual([
      { id: 'stage_hot', name: 'Hot' },
      { id: 'stage_lead', name: 'Lead' },
    ])
  })

  it('has no email or phone for a contact without any', () => {
    const row = toRow(person(1, { emails: undefined, phones: [] }))
    expect(row).toMatchObject({ email: '', phone: '' })
  })

  it('takes the first email when none is primary', () => {
    expect(toRow(person(1, { emails: [{ value: 'a@x' }, { value: 'b@x' }] })).email).toBe('a@x')
  })

  it('names a contact without a full name by its first and last names, else says it has none', () => {
    expect(toRow(person(1, { fullName: null, firstName: 'Ada', lastName: 'Lovelace' })).name).toBe('Ada Lovelace')
    expect(toRow(person(1, { fullName: '', firstName: null, lastName: 'Lovelace' })).name).toBe('Lovelace')
    expect(toRow(person(1, { fullName: null, firstName: null, lastName: null })).name).toBe('(no name)')
  })

  it('remembers the stages known before and adds only new ones, leaving out contacts without a stage', () => {
    const known = [{ id: 'stage_won', name: 'Won' }]
    const rows = [toRow(person(1)), toRow(person(3, { stageId: null, stageName: null })), toRow(person(2))]
    expect(mergeStages(known, rows)).toEqual([
      { id: 'stage_hot', name: 'Hot' },
      { id: 'stage_lead', name: 'Lead' },
      { id: 'stage_won', name: 'Won' },
    ])
  })

  it('returns the known stages themselves when the rows bring none new', () => {
    const known = [{ id: 'stage_lead', name: 'Old name' }]
    const rows = [toRow(person(1)), toRow(person(3)), toRow(person(5, { stageId: null, stageName: null }))]
    expect(mergeStages(known, rows)).toBe(known)
    expect(mergeStages(known, [])).toBe(known)
  })

  it('remembers no more stages once it holds the most it keeps', () => {
    const known = Array.from({ length: MAX_STAGES }, (_, i) => ({ id: `stage_${i}`, name: `S${i}` }))
    expect(mergeStages(known, [toRow(person(1))])).toBe(known)
    const almost = known.slice(1)
    expect(mergeStages(almost, [toRow(person(1)), toRow(person(2))])).toHaveLength(MAX_STAGES)
  })
})
