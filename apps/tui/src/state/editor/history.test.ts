import { describe, expect, it } from 'vitest'
import { emptyHistory, endRun, recordEdit, recordStep, stepBack } from './history.js'

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
})
