import { describe, expect, it } from 'vitest'
import { emptyHistory, endRun, newHistory, recordEdit, recordStep, stepBack, stepForward } from './history.js'

describe('undo history', () => {
  it('makes a run of one kind of edit one step; a space, a replacement or a motion starts the next', () => {
    let h = recordEdit(emptyHistory, 'city', '', 'insert')
    h = recordEdit(h, 'city', 'P', 'insert')
    expect(h.undo.city).toEqual([''])
    h = recordEdit(h, 'city', 'Pa', 'insert', true)
    h = recordEdit(h, 'city', 'Pa ', 'delete')
    h = recordEdit(endRun(h), 'city', 'Pa', 'delete')
    h = recordEdit(h, 'city', 'P', 'replace')
    expect(h.undo.city).toEqual(['', 'Pa', 'Pa ', 'Pa', 'P'])
  })

  it('steps back per field, newest first, and a normalisation is a step of its own', () => {
    let h = recordEdit(emptyHistory, 'phone', '', 'insert')
    h = recordStep(h, 'phone', '(555) 123-4567')
    h = recordEdit(h, 'city', '', 'insert')
    const first = stepBack(h, 'phone')
    expect(first?.value).toBe('(555) 123-4567')
    expect(first && stepBack(first.history, 'phone')?.value).toBe('')
    expect(first?.history.undo.city).toEqual([''])
    expect(stepBack(emptyHistory, 'phone')).toBeUndefined()
  })

  it('keeps the last 200 values of a field', () => {
    let h = emptyHistory
    for (let i = 0; i < 250; i++) h = recordEdit(h, 'city', String(i), 'replace')
    expect(h.undo.city).toHaveLength(200)
    expect(h.undo.city?.[0]).toBe('50')
  })

  it('redoes what undo took back, newest first, until a new edit of the field', () => {
    let h = recordEdit(emptyHistory, 'city', '', 'insert')
    h = recordEdit(endRun(h), 'city', 'Pa', 'insert', true)
    const back = stepBack(h, 'city', 'Paris')
    expect(back?.value).toBe('Pa')
    expect(back?.history.redo.city).toEqual(['Paris'])
    const again = back && stepBack(back.history, 'city', 'Pa')
    expect(again?.history.redo.city).toEqual(['Paris', 'Pa'])
    const forward = again && stepForward(again.history, 'city', '')
    expect(forward?.value).toBe('Pa')
    expect(forward?.history.undo.city).toEqual([''])
    expect(forward?.history.redo.city).toEqual(['Paris'])
    // A new edit of the field ends what could be redone there, and only there.
    const other = forward && recordEdit(forward.history, 'street', '', 'insert')
    expect(other?.redo.city).toEqual(['Paris'])
    const edited = forward && recordEdit(forward.history, 'city', 'Pa', 'insert')
    expect(edited?.redo.city).toBeUndefined()
    expect(edited && stepForward(edited, 'city', 'Pax')).toBeUndefined()
    expect(stepForward(emptyHistory, 'city', 'x')).toBeUndefined()
  })

  it('keeps redo across the end of a run, and a step of its own clears it', () => {
    const undone = stepBack(recordEdit(emptyHistory, 'phone', '', 'insert'), 'phone', '555')
    if (!undone) throw new Error('nothing to undo')
    expect(endRun(undone.history).redo.phone).toEqual(['555'])
    expect(recordStep(undone.history, 'phone', '').redo.phone).toBeUndefined()
    // Without the current value, undo leaves nothing to redo.
    expect(stepBack(recordEdit(emptyHistory, 'phone', '', 'insert'), 'phone')?.history.redo).toEqual({})
  })
})

describe('undo history, step boundaries', () => {
  it('starts a new step when another field is edited, even with the same kind of edit', () => {
    const h = recordEdit(recordEdit(emptyHistory, 'city', '', 'insert'), 'street', '', 'insert')
    expect(h.undo).toEqual({ city: [''], street: [''] })
    expect(h.run).toEqual({ field: 'street', kind: 'insert' })
  })

  it('starts a new step after a step of its own, and never joins replacements', () => {
    let h = recordEdit(emptyHistory, 'phone', '', 'insert')
    h = recordStep(h, 'phone', '555')
    expect(h.run).toBeUndefined()
    h = recordEdit(h, 'phone', '+1555', 'insert')
    expect(h.undo.phone).toEqual(['', '555', '+1555'])
    const replaced = recordEdit(recordEdit(emptyHistory, 'city', 'a', 'replace'), 'city', 'b', 'replace')
    expect(replaced.undo.city).toEqual(['a', 'b'])
  })

  it('has nothing more to undo or redo once the stack is used up', () => {
    const once = stepBack(recordEdit(emptyHistory, 'city', '', 'insert'), 'city', 'P')
    expect(once && stepBack(once.history, 'city', '')).toBeUndefined()
    const forward = once && stepForward(once.history, 'city', '')
    expect(forward?.value).toBe('P')
    expect(forward && stepForward(forward.history, 'city', 'P')).toBeUndefined()
  })

  it('keeps the last 200 values to redo as well', () => {
    let h = newHistory<'city', string>()
    for (let i = 0; i < 250; i++) h = recordEdit(h, 'city', String(i), 'replace')
    for (let i = 0; i < 200; i++) h = stepBack(h, 'city', `now${i}`)?.history ?? h
    expect(h.undo.city).toEqual([])
    expect(h.redo.city).toHaveLength(200)
    const more = stepBack(recordEdit(h, 'street', 'x', 'replace'), 'street', 'y')
    expect(more?.history.redo.city).toHaveLength(200)
  })

  it('ends a run without touching the stacks, and leaves a history without one as it is', () => {
    const h = recordEdit(emptyHistory, 'city', '', 'insert')
    expect(endRun(h)).toEqual({ undo: h.undo, redo: h.redo })
    expect(endRun(emptyHistory)).toBe(emptyHistory)
    expect(newHistory()).toEqual({ undo: {}, redo: {} })
  })
})

describe('redo, field by field', () => {
  it('keeps what other fields can redo when one field is edited', () => {
    let h = recordEdit(recordEdit(emptyHistory, 'city', '', 'replace'), 'street', '', 'replace')
    h = stepBack(h, 'city', 'Paris')?.history ?? h
    h = stepBack(h, 'street', '1 Main St')?.history ?? h
    expect(h.redo).toEqual({ city: ['Paris'], street: ['1 Main St'] })
    expect(recordEdit(h, 'street', '', 'insert').redo).toEqual({ city: ['Paris'] })
  })

  it('redoes the newest undo first, leaving the older ones', () => {
    let h = newHistory<'city', string>()
    for (const value of ['', 'a', 'ab']) h = recordEdit(h, 'city', value, 'replace')
    for (const current of ['abc', 'ab', 'a']) h = stepBack(h, 'city', current)?.history ?? h
    expect(h.redo.city).toEqual(['abc', 'ab', 'a'])
    const forward = stepForward(h, 'city', '')
    expect(forward?.value).toBe('a')
    expect(forward?.history.redo.city).toEqual(['abc', 'ab'])
  })
})

describe('redo after an edit', () => {
  it('keeps the redo steps as they are when the edited field has none', () => {
    const h = recordEdit(emptyHistory, 'city', '', 'insert')
    expect(recordEdit(h, 'street', '', 'insert').redo).toBe(h.redo)
    expect(recordStep(h, 'street', '').redo).toBe(h.redo)
  })
})
