import { describe, expect, it } from 'vitest'
import { emptyForm, type FormValues, toForm } from '../form.js'
import { type EditorAction, editorReducer } from './editor.js'
import { checkReview } from './save.js'
import { createEditor, type EditorState } from './state.js'

const base: FormValues = toForm({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', tags: ['VIP'] })
const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state)
const editor = () => createEditor({ contactId: 'jd79abc123def', title: 'Ada', base })
const fresh = () =>
  createEditor({ contactId: 'new-abc123', title: 'New contact', base: emptyForm(), create: { idempotencyKey: 'k-1' } })
const edit = (field: keyof FormValues, value: string): EditorAction => ({ type: 'edit', field, value, kind: 'replace' })

describe('opening the review', () => {
  it('says why nothing is to be saved, and clears that once the review opens', () => {
    const nothing = run(editor(), { type: 'review' })
    expect(nothing.save.phase).toBe('editing')
    expect(nothing.flash).toEqual({ kind: 'info', text: 'Nothing to save: no field has changed.' })
    const opened = run(nothing, edit('firstName', 'Augusta'), { type: 'review' })
    expect(opened.save.phase).toBe('review')
    expect(opened.flash).toBeUndefined()
  })

  it('names the field to fix and moves to it', () => {
    const s = run(editor(), { type: 'focus', field: 'city' }, edit('email', 'ada@'), { type: 'review' })
    expect(s.save.phase).toBe('editing')
    expect(s.focus).toBe('email')
    expect(s.cursor).toBe('ada@'.length)
    expect(s.flash).toEqual({ kind: 'error', text: 'Fix this field first: Email' })
  })

  it('names every field to fix, in form order, and moves to the first', () => {
    const s = run(editor(), edit('email', 'ada@'), edit('firstName', ''), { type: 'review' })
    expect(s.focus).toBe('firstName')
    expect(s.flash?.text).toBe('Fix these fields first: First name, Email')
  })

  it('adds the tag still typed in its box first, and ends the run of typing', () => {
    const s = run(
      editor(),
      { type: 'focus', field: 'tags' },
      { type: 'insert', text: 'Buyer' },
      { type: 'review' },
      { type: 'back' },
    )
    expect(s.values.tags).toEqual(['VIP', 'Buyer'])
    expect(s.save.phase).toBe('editing')
  })

  it('opens for a new contact only with its create rules met, naming the field', () => {
    // A state of three letters breaks the create rules of the schema.
    const s = run(fresh(), edit('state', 'Texas'), { type: 'review' })
    expect(s.save.phase).toBe('editing')
    expect(s.focus).toBe('state')
    expect(s.flash?.text).toBe('Fix this field first: State')
    expect(checkReview(run(fresh(), edit('firstName', 'Jane')))).toEqual({ ok: true })
  })

  it('opens for a new contact whose create answer was lost even with nothing left to change', () => {
    const s = run(fresh(), { type: 'createSending', body: {} })
    expect(checkReview(s)).toEqual({ ok: true })
  })

  it('refuses while a tag typed in the box cannot be added, even with nothing else changed', () => {
    const s = run(editor(), { type: 'focus', field: 'tags' }, { type: 'insert', text: 'vip' }, { type: 'tagAdd' })
    expect(s.tagBox.problem).toBe('Tags: "vip" is already there')
    expect(checkReview(s)).toEqual({ ok: false, reason: 'invalid', fields: ['tags'] })
  })
})

describe('saving', () => {
  it('goes back to editing from the review', () => {
    const s = run(editor(), edit('firstName', 'Augusta'), { type: 'review' }, { type: 'back' })
    expect(s.save).toEqual({ phase: 'editing' })
    expect(s.values.firstName).toBe('Augusta')
  })

  it('takes the saved values as the new base, and forgets the server’s messages and notes', () => {
    const s = run(
      editor(),
      { type: 'focus', field: 'phone' },
      edit('phone', '555 987 6543'),
      { type: 'saveRejected', errors: { email: 'Email: taken', x: 'Bad' } },
      { type: 'focus', field: 'lastName' },
      { type: 'insert', text: 'X' },
      { type: 'review' },
      { type: 'saveStarted' },
    )
    expect(s.notices.phone).toBeDefined()
    const saved = { ...s.values, city: 'Paris' }
    const done = run(s, { type: 'saveSucceeded', values: saved })
    expect(done.base).toEqual(saved)
    expect(done.values).toEqual(saved)
    expect(done.serverErrors).toEqual({})
    expect(done.notices).toEqual({})
    expect(done.save).toEqual({ phase: 'editing' })
    // Typing on after the save is a step of its own: undo does not take back what was saved.
    const typed = run(done, { type: 'insert', text: 'Y' })
    expect(run(typed, { type: 'undo' }).values.lastName).toBe('LovelaceX')
  })
})

describe('a save the API refused (422)', () => {
  it('puts each message on its field, the first one per field, and the rest on the contact', () => {
    const s = run(editor(), edit('city', 'Paris'), {
      type: 'saveRejected',
      errors: { 'tags.0': 'Tags: first', 'tags.1': 'Tags: second', personId: 'Who?', email: undefined },
    })
    expect(s.serverErrors).toEqual({ tags: 'Tags: first', '*': 'Who?' })
    expect(s.focus).toBe('tags')
  })

  it('moves to the first rejected field in form order, and stays put when none is a field', () => {
    const s = run(editor(), edit('city', 'Paris'), {
      type: 'saveRejected',
      errors: { zipCode: 'ZIP code: bad', lastName: 'Last name: bad' },
    })
    expect(s.focus).toBe('lastName')
    const onCity = run(editor(), { type: 'focus', field: 'city' }, { type: 'textOp', op: 'home', width: 80 })
    const general = run(onCity, { type: 'saveRejected', errors: { id: 'Gone' } })
    expect(general.focus).toBe('city')
    expect(general.cursor).toBe(0)
    expect(general.serverErrors).toEqual({ '*': 'Gone' })
  })

  it('keeps no create on a contact that exists', () => {
    const s = run(editor(), edit('city', 'Paris'), { type: 'saveRejected', errors: { city: 'bad' } })
    expect('create' in s).toBe(false)
  })
})

describe('the create rules', () => {
  it('apply to a new contact only: a contact whose saved email the rules refuse can still save another field', () => {
    const odd = createEditor({ contactId: 'jd79abc123def', title: 'Ada', base: toForm({ email: 'not an email' }) })
    expect(checkReview(run(odd, edit('city', 'Paris')))).toEqual({ ok: true })
  })
})

describe('the create rules on a new contact with values already in it', () => {
  it('refuses a value the rules break even when it was there from the start, naming its field', () => {
    const prefilled = createEditor({
      contactId: 'new-abc123',
      title: 'New contact',
      base: toForm({ state: 'Texas' }),
      create: { idempotencyKey: 'k-1' },
    })
    expect(checkReview(run(prefilled, edit('firstName', 'Jane')))).toEqual({
      ok: false,
      reason: 'invalid',
      fields: ['state'],
    })
    const fine = createEditor({
      contactId: 'new-abc123',
      title: 'New contact',
      base: toForm({ state: 'TX' }),
      create: { idempotencyKey: 'k-1' },
    })
    expect(checkReview(run(fine, edit('firstName', 'Jane')))).toEqual({ ok: true })
  })
})

describe('a refused save', () => {
  it('leaves out a field the API names without a message', () => {
    const s = run(editor(), edit('city', 'Paris'), {
      type: 'saveRejected',
      errors: { city: '', email: 'Email: taken' },
    })
    expect(s.serverErrors).toEqual({ email: 'Email: taken' })
    expect(s.focus).toBe('email')
  })
})
