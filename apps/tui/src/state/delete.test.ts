import { describe, expect, it } from 'vitest'
import { canConfirm, type DeleteAction, type DeleteDialog, deleteReducer, isPermanent, openDelete } from './delete.js'

const target = { id: 'renee0001', name: 'Renée Walker', confirmWord: 'Walker', from: 'list', drafts: 1 } as const
const run = (dialog: DeleteDialog, ...actions: DeleteAction[]) => actions.reduce(deleteReducer, dialog)

describe('the delete dialog', () => {
  it('moves to the trash on the first step, and deletes for good only from the second', () => {
    const first = openDelete(target)
    expect(first).toMatchObject({ name: 'delete', step: 'trash', phase: 'asking' })
    expect(canConfirm(first)).toBe(true)
    expect(isPermanent(first)).toBe(false)
    const second = run(first, { type: 'permanentStep' })
    expect(isPermanent(second)).toBe(true)
    expect(canConfirm(second)).toBe(false)
  })

  it('waits for the last name, typed in any case, before deleting for good', () => {
    let s = run(openDelete(target), { type: 'permanentStep' }, { type: 'type', text: 'walk' })
    expect(canConfirm(s)).toBe(false)
    s = run(s, { type: 'mismatch' })
    expect(s.message).toBe('Type Walker to delete Renée Walker for good.')
    s = run(s, { type: 'type', text: 'er ' })
    expect(s.message).toBeUndefined()
    expect(canConfirm(s)).toBe(true)
    s = run(s, { type: 'textOp', op: 'deleteToStart' })
    expect(s.typed).toEqual({ value: '', cursor: 0 })
    expect(run(s, { type: 'started' }).phase).toBe('asking')
  })

  it('goes back to the first question, forgetting what was typed; typing there does nothing', () => {
    const back = run(openDelete(target), { type: 'permanentStep' }, { type: 'type', text: 'Walker' }, { type: 'back' })
    expect(back).toMatchObject({ step: 'trash', typed: { value: '' } })
    expect(run(back, { type: 'type', text: 'x' })).toBe(back)
    expect(run(back, { type: 'mismatch' })).toBe(back)
    const second = run(back, { type: 'permanentStep' })
    expect(run(second, { type: 'permanentStep' })).toBe(second)
  })

  it('ignores everything but the answer while the request is out, and can be retried after a failure', () => {
    const deleting = run(openDelete(target), { type: 'started' })
    expect(deleting.phase).toBe('deleting')
    expect(canConfirm(deleting)).toBe(false)
    expect(run(deleting, { type: 'permanentStep' }, { type: 'back' }, { type: 'started' })).toBe(deleting)
    const failed = run(deleting, { type: 'failed', message: 'Not deleted. The server had a problem (500).' })
    expect(failed).toMatchObject({ phase: 'failed', message: 'Not deleted. The server had a problem (500).' })
    expect(canConfirm(failed)).toBe(true)
    expect(run(failed, { type: 'started' })).toMatchObject({ phase: 'deleting', message: undefined })
  })
})
