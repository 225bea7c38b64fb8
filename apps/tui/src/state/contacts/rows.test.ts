import { describe, expect, it } from 'vitest'
import { person } from '../../../test/support/people.js'
import { stagesSeen, toRow } from './rows.js'

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
})
