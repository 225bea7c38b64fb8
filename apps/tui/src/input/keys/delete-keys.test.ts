import { describe, expect, it } from 'vitest'
import { key, one } from '../../../test/support/keys.js'
import { toKeyPresses } from '../../keys/keypress.js'
import { deleteReducer, openDelete } from '../../state/delete.js'
import { deleteKeys } from './delete-keys.js'

const dialog = openDelete({ id: 'renee0001', name: 'Renée Walker', confirmWord: 'Walker', from: 'list', drafts: 0 })
const press = (over: Parameters<typeof key>[0]) => {
  const [pressed] = toKeyPresses('', key(over))
  if (!pressed) throw new Error('no key')
  return pressed
}

describe('keys of the delete dialog', () => {
  it('moves to the trash with Enter, asks for more with p, keeps the contact with Esc, n or Ctrl+C', () => {
    expect(deleteKeys(press({ return: true }), dialog)).toEqual([{ type: 'deleteConfirm' }])
    expect(deleteKeys(one('p'), dialog)).toEqual([{ type: 'delete', action: { type: 'permanentStep' } }])
    expect(deleteKeys(press({ escape: true }), dialog)).toEqual([{ type: 'deleteCancel' }])
    expect(deleteKeys(one('n'), dialog)).toEqual([{ type: 'deleteCancel' }])
    expect(deleteKeys(one('c', { ctrl: true }), dialog)).toEqual([{ type: 'deleteCancel' }])
    expect(deleteKeys(one('x'), dialog)).toEqual([])
  })

  it('types the name in the second step, and deletes for good only once it matches', () => {
    const second = deleteReducer(dialog, { type: 'permanentStep' })
    // Letters the first step reads as commands are typed here.
    expect(deleteKeys(one('n'), second)).toEqual([{ type: 'delete', action: { type: 'type', text: 'n' } }])
    expect(deleteKeys(press({ backspace: true }), second)).toEqual([
      { type: 'delete', action: { type: 'textOp', op: 'deleteLeft' } },
    ])
    expect(deleteKeys(press({ return: true }), second)).toEqual([{ type: 'delete', action: { type: 'mismatch' } }])
    const typed = deleteReducer(second, { type: 'type', text: 'Walker' })
    expect(deleteKeys(press({ return: true }), typed)).toEqual([{ type: 'deleteConfirm' }])
    expect(deleteKeys(press({ escape: true }), typed)).toEqual([{ type: 'delete', action: { type: 'back' } }])
    expect(deleteKeys(one('c', { ctrl: true }), typed)).toEqual([{ type: 'deleteCancel' }])
  })

  it('takes no key while the request is out', () => {
    const deleting = deleteReducer(dialog, { type: 'started' })
    expect(deleteKeys(press({ escape: true }), deleting)).toEqual([])
    expect(deleteKeys(press({ return: true }), deleting)).toEqual([])
  })
})
