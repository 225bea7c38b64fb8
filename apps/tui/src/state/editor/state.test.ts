import { describe, expect, it } from 'vitest'
import { type FormValues, toForm } from '../form.js'
import { createEditor } from './state.js'

const base: FormValues = toForm({ firstName: 'Ada', lastName: 'Lovelace' })

describe('a new editor', () => {
  it('starts on the first field, with the cursor at the end of its text', () => {
    const s = createEditor({ contactId: 'jd79abc123def', title: 'Ada', base })
    expect(s.focus).toBe('firstName')
    expect(s.cursor).toBe(3)
    expect(s.values).toBe(base)
    expect(s.save).toEqual({ phase: 'editing' })
    expect(s.tagBox.input).toEqual({ value: '', cursor: 0 })
    expect(s.history).toEqual({ undo: {}, redo: {} })
    expect(s.serverErrors).toEqual({})
    expect(s.notices).toEqual({})
    expect(s.create).toBeUndefined()
  })

  it('starts from a restored draft, with the cursor at the end of the draft’s text', () => {
    const values = { ...base, firstName: 'Augusta' }
    const s = createEditor({ contactId: 'jd79abc123def', title: 'Ada', base, values })
    expect(s.base).toBe(base)
    expect(s.values).toBe(values)
    expect(s.cursor).toBe('Augusta'.length)
  })

  it('keeps a new contact’s key, and the body of a create whose answer was lost', () => {
    const key = { idempotencyKey: 'k-1' }
    expect(createEditor({ contactId: 'new-1', title: '', base, create: key }).create).toEqual({
      idempotencyKey: 'k-1',
      lookups: {},
    })
    const lost = createEditor({ contactId: 'new-1', title: '', base, create: { ...key, inFlight: { firstName: 'A' } } })
    expect(lost.create).toEqual({ idempotencyKey: 'k-1', inFlight: { firstName: 'A' }, lookups: {} })
  })
})
