import { describe, expect, it } from 'vitest'
import type { Column } from './columns.js'
import { planRow } from './plan-row.js'
import { formatRowProblem, type SourceRow } from './source-rows.js'

/** A CSV-like row: `[header, column, text]` per cell. */
const row = (number: number, cells: Array<[string, Column, unknown]>, extra: Partial<SourceRow> = {}): SourceRow => ({
  row: number,
  cells: cells.map(([header, column, value]) => ({ header, column, value, raw: value })),
  unknown: [],
  problems: [],
  ...extra,
})

const report = (planned: ReturnType<typeof planRow>) =>
  planned.action === 'invalid' ? planned.problems.map(formatRowProblem) : planned

describe('planRow', () => {
  it('creates a row without an id, reading values as the editor does and leaving empty cells out', () => {
    const planned = planRow(
      row(2, [
        ['id', 'id', ''],
        ['First Name', 'firstName', 'Jane'],
        ['Mobile', 'phone', '(555) 123-4567'],
        ['Price', 'price', '$450,000'],
        ['Tags', 'tags', 'VIP, Buyer'],
        ['State', 'state', 'tx'],
        ['City', 'city', ''],
        ['Created', 'createdAt', '2020-01-01T00:00:00Z'],
      ]),
      { match: 'id' },
    )
    expect(planned).toEqual({
      row: 2,
      action: 'create',
      values: { firstName: 'Jane', phone: '+15551234567', price: 450000, tags: ['VIP', 'Buyer'], state: 'TX' },
    })
  })

  it('keeps a phone number the schema already accepts as it is (a file exported from the API)', () => {
    expect(planRow(row(2, [['phone', 'phone', '5551234567']]), { match: 'id' })).toMatchObject({
      values: { phone: '5551234567' },
    })
  })

  it('updates a row with an id (only its non-empty cells), and skips rows with nothing to send', () => {
    expect(
      planRow(
        row(3, [
          ['id', 'id', 'abcdefgh12'],
          ['city', 'city', 'Austin'],
          ['email', 'email', ''],
        ]),
        { match: 'id' },
      ),
    ).toEqual({ row: 3, action: 'update', id: 'abcdefgh12', values: { city: 'Austin' } })
    expect(planRow(row(4, [['id', 'id', 'abcdefgh12']]), { match: 'id' })).toEqual({
      row: 4,
      action: 'skip',
      reason: 'nothing to change besides the id',
    })
    expect(planRow(row(5, [['city', 'city', '']]), { match: 'id' })).toEqual({
      row: 5,
      action: 'skip',
      reason: 'empty row',
    })
  })

  it('reports every problem of a row with its column, value and rule, in column order', () => {
    const planned = planRow(
      row(
        6,
        [
          ['Contact ID', 'id', 'short'],
          ['E-mail', 'email', 'bob@'],
          ['Price', 'price', 'lots'],
          ['Tags', 'tags', `ok, ${'x'.repeat(51)}`],
          ['Zip', 'zipCode', '123'],
          ['Background', 'background', 'y'.repeat(5001)],
        ],
        { problems: [{ row: 6, value: '"z"', rule: 'has 8 cells, the header has 7' }] },
      ),
      { match: 'id' },
    )
    expect(report(planned)).toEqual([
      'row 6, column "Contact ID", value "short": must be at least 8 characters of letters, digits, "_" or "-"',
      'row 6, column "E-mail", value "bob@": must be a valid email address',
      'row 6, column "Price", value "lots": must be an amount like 450000 or $450,000',
      `row 6, column "Tags", value "ok, ${'x'.repeat(35)}…": tag 2 must be at most 50 characters (you have 51)`,
      'row 6, column "Zip", value "123": must be a US ZIP code like 90210 or 90210-1234',
      `row 6, column "Background", value "${'y'.repeat(39)}…": must be at most 5000 characters (you have 5001)`,
      'row 6, value "z": has 8 cells, the header has 7',
    ])
  })

  it('reports unknown JSONL keys unless told to leave them out', () => {
    const source = row(8, [['email', 'email', 'a@b.co']], { unknown: ['nickname'] })
    expect(report(planRow(source, { match: 'id' }))).toEqual([
      expect.stringMatching(/^row 8, column "nickname": is not a contact field/),
    ])
    expect(planRow(source, { match: 'id', ignoreUnknown: true })).toMatchObject({ action: 'create' })
  })

  it('with --match email, sends every row as an upsert by email and does not read the id', () => {
    const withId = row(9, [
      ['id', 'id', 'abcdefgh12'],
      ['email', 'email', 'a@b.co'],
      ['city', 'city', 'Austin'],
    ])
    expect(planRow(withId, { match: 'email' })).toEqual({
      row: 9,
      action: 'create',
      values: { email: 'a@b.co', city: 'Austin' },
    })
    expect(report(planRow(row(10, [['city', 'city', 'Austin']]), { match: 'email' }))).toEqual([
      'row 10: needs an email: with --match email every row is matched by its email',
    ])
  })

  it('checks JSON values by type', () => {
    expect(
      planRow(
        row(11, [
          ['firstName', 'firstName', 42],
          ['price', 'price', 100],
          ['tags', 'tags', ['a', 'b']],
        ]),
        { match: 'id' },
      ),
    ).toEqual({
      row: 11,
      action: 'invalid',
      problems: [{ row: 11, column: 'firstName', value: '42', rule: 'must be text' }],
    })
  })
})
