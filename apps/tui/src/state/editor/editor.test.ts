import { describe, expect, it } from 'vitest'
import { emptyForm, type FormValues, patchOf, toForm } from '../form.js'
import { findConflicts } from './conflict.js'
import { type EditorAction, editorReducer } from './editor.js'
import { checkReview } from './save.js'
import { dirtyFields, editorErrors } from './selectors.js'
import { createEditor, type EditorState } from './state.js'

const base: FormValues = toForm({
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '+15551234567',
  price: 450000,
  tags: ['VIP', 'Hot Lead'],
  background: 'Met at the open house.',
})

const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state)
/** The minimal patch a save would send. */
const patch = (state: EditorState) => patchOf(state.base, state.values)
const editor = () => createEditor({ contactId: 'jd79abc123def', title: 'Ada Lovelace', base })

describe('editor reducer', () => {
  it('tracks dirty fields and builds the minimal patch', () => {
    const s = run(
      editor(),
      { type: 'edit', field: 'firstName', value: 'Ada M.', kind: 'insert' },
      { type: 'edit', field: 'city', value: 'London', kind: 'insert' },
      { type: 'edit', field: 'price', value: '$450,000', kind: 'insert' },
    )
    // The price reads as the same amount, so it is not a change.
    expect(dirtyFields(s)).toEqual(['firstName', 'city'])
    expect(patch(s)).toEqual({ firstName: 'Ada M.', city: 'London' })
  })

  it('sends a cleared text field as an empty string and cleared tags as an empty list', () => {
    const s = run(
      editor(),
      { type: 'edit', field: 'background', value: '', kind: 'delete' },
      { type: 'edit', field: 'tags', value: [], kind: 'replace' },
    )
    expect(patch(s)).toEqual({ background: '', tags: [] })
  })

  it('validates changed fields from the schema, naming the field', () => {
    const s = run(
      editor(),
      { type: 'edit', field: 'email', value: 'not-an-email', kind: 'insert' },
      { type: 'edit', field: 'firstName', value: '', kind: 'delete' },
      { type: 'edit', field: 'price', value: 'lots', kind: 'insert' },
      { type: 'edit', field: 'background', value: 'x'.repeat(5001), kind: 'insert' },
    )
    const errors = editorErrors(s)
    expect(errors.email).toMatch(/^Email: /)
    expect(errors.firstName).toMatch(/^First name: must not be empty/)
    expect(errors.price).toMatch(/amount/)
    expect(errors.background).toMatch(/5000/)
    expect(checkReview(s)).toEqual({
      ok: false,
      reason: 'invalid',
      fields: ['firstName', 'email', 'price', 'background'],
    })
  })

  it('refuses to clear a price, which the API cannot do', () => {
    const s = run(editor(), { type: 'edit', field: 'price', value: '', kind: 'delete' })
    expect(editorErrors(s).price).toMatch(/cannot be cleared/)
  })

  it('upper-cases the state as it is typed', () => {
    const s = run(editor(), { type: 'edit', field: 'state', value: 'ca', kind: 'insert' })
    expect(s.values.state).toBe('CA')
  })

  it('normalises a phone number when leaving the field and says so', () => {
    const s = run(
      editor(),
      { type: 'focus', field: 'phone' },
      { type: 'edit', field: 'phone', value: '(555) 987-6543', kind: 'replace' },
      { type: 'focusNext' },
    )
    expect(s.values.phone).toBe('+15559876543')
    expect(s.notices.phone).toBe('Normalised from (555) 987-6543')
    expect(s.focus).toBe('stage')
  })

  it('undoes typing in runs per field, and undo is per field', () => {
    let s = run(
      editor(),
      { type: 'focus', field: 'city' },
      { type: 'edit', field: 'city', value: 'L', kind: 'insert' },
      { type: 'edit', field: 'city', value: 'Lo', kind: 'insert' },
      { type: 'edit', field: 'city', value: 'L', kind: 'delete' },
      { type: 'focus', field: 'street' },
      { type: 'edit', field: 'street', value: '1 Main St', kind: 'insert' },
      { type: 'focus', field: 'city' },
    )
    s = run(s, { type: 'undo' })
    expect(s.values.city).toBe('Lo')
    s = run(s, { type: 'undo' })
    expect(s.values.city).toBe('')
    s = run(s, { type: 'undo' })
    expect(s.values.city).toBe('')
    expect(s.values.street).toBe('1 Main St')
  })

  it('reverts a field to its saved value, and the revert can be undone', () => {
    let s = run(editor(), { type: 'edit', field: 'firstName', value: 'Grace', kind: 'insert' }, { type: 'revert' })
    expect(s.values.firstName).toBe('Ada')
    expect(dirtyFields(s)).toEqual([])
    s = run(s, { type: 'undo' })
    expect(s.values.firstName).toBe('Grace')
  })

  it('knows when there is nothing to review', () => {
    expect(checkReview(editor())).toEqual({ ok: false, reason: 'unchanged' })
  })

  it('goes through review, saving and success', () => {
    let s = run(editor(), { type: 'edit', field: 'city', value: 'Paris', kind: 'insert' }, { type: 'review' })
    expect(s.save.phase).toBe('review')
    s = run(s, { type: 'saveStarted' })
    expect(s.save.phase).toBe('saving')
    const saved = { ...s.values }
    s = run(s, { type: 'saveSucceeded', values: saved })
    expect(s.save.phase).toBe('editing')
    expect(dirtyFields(s)).toEqual([])
  })

  it('keeps the draft when a save fails', () => {
    const s = run(
      editor(),
      { type: 'edit', field: 'city', value: 'Paris', kind: 'insert' },
      { type: 'review' },
      { type: 'saveStarted' },
      { type: 'saveFailed', message: 'Server error (500)' },
    )
    expect(s.save).toEqual({ phase: 'failed', message: 'Server error (500)' })
    expect(s.values.city).toBe('Paris')
  })

  it('puts API validation errors on their fields until the field is edited', () => {
    let s = run(
      editor(),
      { type: 'edit', field: 'city', value: 'Paris', kind: 'insert' },
      { type: 'review' },
      { type: 'saveStarted' },
      { type: 'saveRejected', errors: { zipCode: 'ZIP code: must be a US ZIP code', 'tags.2': 'Tags: tag 3 is bad' } },
    )
    expect(s.save.phase).toBe('editing')
    expect(s.focus).toBe('tags')
    expect(editorErrors(s).zipCode).toBe('ZIP code: must be a US ZIP code')
    expect(editorErrors(s).tags).toBe('Tags: tag 3 is bad')
    s = run(s, { type: 'edit', field: 'zipCode', value: '90210', kind: 'insert' })
    expect(editorErrors(s).zipCode).toBeUndefined()
  })
})

describe('leaving a field', () => {
  it('keeps a typed tag it cannot add, with the reason, instead of dropping it', () => {
    const long = 'x'.repeat(51)
    let s = run(editor(), { type: 'focus', field: 'tags' }, { type: 'insert', text: long }, { type: 'focusNext' })
    expect(s.focus).toBe('street')
    expect(s.values.tags).toEqual(['VIP', 'Hot Lead'])
    expect(s.tagBox.input.value).toBe(long)
    expect(editorErrors(s).tags).toBe('Tags: a tag can be at most 50 characters (you have 51)')
    // A save would lose the typed text: it has to be fixed (or cleared) first.
    expect(checkReview(s)).toEqual({ ok: false, reason: 'invalid', fields: ['tags'] })
    s = run(s, { type: 'review' })
    expect(s.save.phase).toBe('editing')
    expect(s.focus).toBe('tags')
    // Fixed: leaving adds it, and the problem is gone.
    s = run(
      s,
      { type: 'textOp', op: 'deleteToStart', width: 80 },
      { type: 'insert', text: 'Buyer' },
      { type: 'focusNext' },
    )
    expect(s.values.tags).toEqual(['VIP', 'Hot Lead', 'Buyer'])
    expect(editorErrors(s).tags).toBeUndefined()
  })

  it('settles the field it leaves when a 422 moves focus to a rejected field, with the cursor at its end', () => {
    const s = run(
      editor(),
      { type: 'focus', field: 'phone' },
      { type: 'edit', field: 'phone', value: '(555) 987-6543', kind: 'replace' },
      { type: 'saveRejected', errors: { city: 'City: not a city we know' } },
    )
    expect(s.focus).toBe('city')
    expect(s.values.phone).toBe('+15559876543')
    expect(s.notices.phone).toBe('Normalised from (555) 987-6543')
    expect(s.cursor).toBe(0)
    const tagged = run(
      editor(),
      { type: 'edit', field: 'city', value: 'Paris', kind: 'replace' },
      { type: 'focus', field: 'tags' },
      { type: 'insert', text: 'Buyer' },
      { type: 'saveRejected', errors: { city: 'City: not a city we know' } },
    )
    expect(tagged.values.tags).toEqual(['VIP', 'Hot Lead', 'Buyer'])
    expect(tagged.focus).toBe('city')
    expect(tagged.cursor).toBe('Paris'.length)
    expect(editorErrors(tagged).city).toBe('City: not a city we know')
  })
})

describe('conflicts', () => {
  const theirs: FormValues = { ...base, firstName: 'Augusta', city: 'London', email: 'ada@new.example' }
  const mine: FormValues = { ...base, firstName: 'Ada M.', lastName: 'King', email: 'ada@new.example' }

  it('walks the conflict screen and applies the choices, then reviews against their values', () => {
    let s = run(
      createEditor({ contactId: 'jd79abc123def', title: 'Ada', base, values: mine }),
      { type: 'review' },
      { type: 'conflictDetected', theirs, conflicts: findConflicts(base, mine, theirs) },
    )
    expect(s.save.phase).toBe('conflict')
    s = run(s, { type: 'conflictChoose', side: 'theirs' }, { type: 'conflictApply' })
    expect(s.save.phase).toBe('review')
    expect(s.base).toEqual(theirs)
    expect(patch(s)).toEqual({ lastName: 'King' })
  })

  it('treats an empty form as having no values', () => {
    expect(dirtyFields(createEditor({ contactId: 'x', title: 'x', base: emptyForm() }))).toEqual([])
  })
})
