import { describe, expect, it } from 'vitest'
import { columnFor, EXPORT_COLUMNS, mapHeader } from './columns.js'

describe('header matching', () => {
  it.each([
    ['id', 'id'],
    ['First Name', 'firstName'],
    ['first_name', 'firstName'],
    ['FIRSTNAME', 'firstName'],
    [' last name ', 'lastName'],
    ['Surname', 'lastName'],
    ['E-mail', 'email'],
    ['Email Address', 'email'],
    ['Mobile', 'phone'],
    ['Phone Number', 'phone'],
    ['Zip', 'zipCode'],
    ['ZIP code', 'zipCode'],
    ['Postal Code', 'zipCode'],
    ['Tags', 'tags'],
    ['Lead Source', 'source'],
    ['Stage ID', 'stage'],
    ['Notes', 'background'],
    ['updated_at', 'updatedAt'],
  ])('%j is %s', (header, column) => {
    expect(columnFor(header)).toBe(column)
  })

  it('knows every export column by its own name', () => {
    for (const column of EXPORT_COLUMNS) expect(columnFor(column)).toBe(column)
  })

  it('reports unknown and repeated columns by position, and maps an empty header to nothing', () => {
    const map = mapHeader(['E-mail', 'Favourite colour', 'email', '', 'First Name'])
    expect(map.columns).toEqual(['email', undefined, undefined, undefined, 'firstName'])
    expect(map.unknown.map(({ position, header }) => ({ position, header }))).toEqual([
      { position: 2, header: 'Favourite colour' },
    ])
    expect(map.unknown[0]?.message).toMatch(/^is not a contact field \(columns: id, firstName, /)
    expect(map.duplicates).toEqual([
      { position: 3, header: 'email', message: 'is the same field as column 1 "E-mail" (email)' },
    ])
  })
})
