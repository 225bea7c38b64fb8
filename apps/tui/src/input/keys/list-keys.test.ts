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

describe('a burst of keys in the list', () => {
  it('is each of its keys: Space held down selects contact after contact, jjj moves three rows', () => {
    const burst = (text: string) => listKeys({ name: 'text', text, ctrl: false, meta: false, shift: false }, 10)
    expect(burst('   ')).toEqual(Array(3).fill({ type: 'contacts', action: { type: 'toggleSelected' } }))
    expect(burst('jjk')).toEqual([
      { type: 'contacts', action: { type: 'move', delta: 1 } },
      { type: 'contacts', action: { type: 'move', delta: 1 } },
      { type: 'contacts', action: { type: 'move', delta: -1 } },
    ])
  })
})

describe('list keys for a bulk edit and an import', () => {
  it('selects, selects every one shown, unselects, and opens a bulk edit or an import', () => {
    expect(listKeys(one(' '), 10)).toEqual([{ type: 'contacts', action: { type: 'toggleSelected' } }])
    expect(listKeys(one('*'), 10)).toEqual([{ type: 'contacts', action: { type: 'selectShown' } }])
    expect(listKeys(one('u'), 10)).toEqual([{ type: 'contacts', action: { type: 'clearSelection' } }])
    expect(listKeys(one('b'), 10)).toEqual([{ type: 'job', command: 'openBulk' }])
    expect(listKeys(one('i'), 10)).toEqual([{ type: 'job', command: 'openImport' }])
  })
})
