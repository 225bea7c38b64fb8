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
})
