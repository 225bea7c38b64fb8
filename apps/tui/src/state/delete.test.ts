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

describe('the delete dialog, step by step', () => {
  it('matches the name typed with spaces around it, in any case, against a name with spaces around it', () => {
    const spaced = openDelete({ ...target, confirmWord: ' Walker ' })
    const typed = run(spaced, { type: 'permanentStep' }, { type: 'type', text: '  wALKER ' })
    expect(canConfirm(typed)).toBe(true)
    expect(canConfirm(run(spaced, { type: 'permanentStep' }, { type: 'type', text: 'Walke' }))).toBe(false)
  })

  it('starts the second step afresh after a failure: nothing typed, no message, asking', () => {
    const failed = run(openDelete(target), { type: 'started' }, { type: 'failed', message: 'Server error' })
    expect(run(failed, { type: 'permanentStep' })).toEqual({
      ...failed,
      step: 'permanent',
      phase: 'asking',
      message: undefined,
      typed: { value: '', cursor: 0 },
    })
  })

  it('goes back to the first question after a failure of the second, asking again', () => {
    const failed = run(
      openDelete(target),
      { type: 'permanentStep' },
      { type: 'type', text: 'Walker' },
      { type: 'started' },
      { type: 'failed', message: 'Server error' },
    )
    expect(run(failed, { type: 'back' })).toEqual({
      ...failed,
      step: 'trash',
      phase: 'asking',
      message: undefined,
      typed: { value: '', cursor: 0 },
    })
  })

  it('edits what is typed in the second step with editing keys, which clear the message', () => {
    const s = run(
      openDelete(target),
      { type: 'permanentStep' },
      { type: 'type', text: 'Walkr' },
      { type: 'mismatch' },
      { type: 'textOp', op: 'left' },
    )
    expect(s.typed).toEqual({ value: 'Walkr', cursor: 4 })
    expect(s.message).toBeUndefined()
    const first = openDelete(target)
    expect(run(first, { type: 'textOp', op: 'deleteLeft' })).toBe(first)
  })

  it('starts the request and forgets the message of an earlier attempt', () => {
    const s = run(openDelete(target), { type: 'started' }, { type: 'failed', message: 'x' }, { type: 'started' })
    expect(s).toEqual({ ...openDelete(target), phase: 'deleting', message: undefined })
  })
})

describe('a new delete dialog', () => {
  it('starts with nothing typed', () => {
    expect(openDelete(target).typed).toEqual({ value: '', cursor: 0 })
  })
})
