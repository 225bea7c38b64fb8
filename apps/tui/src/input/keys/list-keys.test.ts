import { describe, expect, it } from 'vitest'
import { one } from '../../../test/support/keys.js'
import { listKeys } from './list-keys.js'

describe('list keys for the jobs on one contact', () => {
  it('starts a new contact, a delete and an activity from the list', () => {
    expect(listKeys(one('n'), 10)).toEqual([{ type: 'newContact' }])
    expect(listKeys(one('d'), 10)).toEqual([{ type: 'deleteAsk', from: 'list' }])
    expect(listKeys(one('a'), 10)).toEqual([{ type: 'logActivity', from: 'list' }])
  })
})
