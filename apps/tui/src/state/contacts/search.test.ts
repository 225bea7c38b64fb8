import { describe, expect, it } from 'vitest'
import { searchQueries } from './search.js'

describe('search queries', () => {
  it('picks what the API can match from what was typed', () => {
    expect(searchQueries('  ')).toEqual([])
    expect(searchQueries('ada@example.com')).toEqual([{ email: 'ada@example.com' }])
    expect(searchQueries('(555) 123')).toEqual([{ phone: '(555) 123' }])
    expect(searchQueries('jd79abc123def')).toEqual([{ id: 'jd79abc123def' }, { name: 'jd79abc123def' }])
    expect(searchQueries('Ada Love')).toEqual([{ name: 'Ada Love' }])
    expect(searchQueries('A')).toEqual([])
  })

  it('takes digits with phone punctuation only as a phone, from three digits on', () => {
    expect(searchQueries('5551234')).toEqual([{ phone: '5551234' }])
    expect(searchQueries('123')).toEqual([{ phone: '123' }])
    expect(searchQueries('12')).toEqual([{ name: '12' }])
    expect(searchQueries('1 2')).toEqual([{ name: '1 2' }])
  })

  it('searches by name when letters come before or after the digits', () => {
    expect(searchQueries('Ada 555')).toEqual([{ name: 'Ada 555' }])
    expect(searchQueries('555 Ada')).toEqual([{ name: '555 Ada' }])
  })

  it('searches a name from two characters on', () => {
    expect(searchQueries('Al')).toEqual([{ name: 'Al' }])
    expect(searchQueries('')).toEqual([])
  })
})
