import { describe, expect, it } from 'vitest'
import { person } from '../../../test/support/people.js'
import { emptyForm } from '../form.js'
import { createBody, currentLookup, lookupValue, type Match, matchesFound, matchOf, upsertTarget } from './create.js'
import { type EditorAction, editorReducer } from './editor.js'
import { checkReview } from './save.js'
import { dirtyFields, editorTitle, hasUnsavedWork, needsDraft } from './selectors.js'
import { createEditor, type EditorState } from './state.js'

const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state)
const fresh = () =>
  createEditor({ contactId: 'new-abc123', title: 'New contact', base: emptyForm(), create: { idempotencyKey: 'k-1' } })
const typed = (...edits: [keyof EditorState['values'] & string, string][]) =>
  run(fresh(), ...edits.map(([field, value]) => ({ type: 'edit', field, value, kind: 'insert' }) as EditorAction))

const renee: Match = matchOf(
  person(7, {
    id: 'renee0001',
    firstName: 'Renée',
    lastName: 'Walker',
    fullName: 'Renée Walker',
    emails: [{ value: 'renee@example.com', isPrimary: true }],
    city: 'Austin',
  }),
)

describe('a new contact', () => {
  it('starts empty, with its key, and says what it is in the header', () => {
    const s = fresh()
    expect(s.create).toEqual({ idempotencyKey: 'k-1', lookups: {} })
    expect(editorTitle(s)).toBe('New contact')
    expect(editorTitle(typed(['firstName', 'Jane'], ['lastName', 'Doe']))).toBe('Jane Doe (new)')
    expect(needsDraft(s)).toBe(false)
    expect(checkReview(s)).toEqual({ ok: false, reason: 'unchanged' })
    expect(run(s, { type: 'review' }).flash?.text).toBe('Nothing to save yet: fill in at least one field.')
  })

  it('sends the fields that have a value, as the schema reads them', () => {
    const s = typed(['firstName', 'Jane'], ['price', '$450,000'], ['city', ''])
    expect(createBody(s.values)).toEqual({ firstName: 'Jane', price: 450000 })
    expect(checkReview(s)).toEqual({ ok: true })
  })

  it('validates with the create rules, naming the field', () => {
    const s = typed(['email', 'jane@'], ['state', 'Texas'])
    expect(checkReview(s)).toEqual({ ok: false, reason: 'invalid', fields: ['email', 'state'] })
  })

  it('looks up a valid email as typed and a phone as it would be sent; nothing while a create is out', () => {
    expect(lookupValue(typed(['email', 'jane@']), 'email')).toBeUndefined()
    expect(lookupValue(typed(['email', ' jane@example.com ']), 'email')).toBe('jane@example.com')
    expect(lookupValue(typed(['phone', '(512) 555-0101']), 'phone')).toBe('+15125550101')
    expect(lookupValue(typed(['phone', '12']), 'phone')).toBe('12')
    expect(lookupValue(typed(['phone', 'call me']), 'phone')).toBeUndefined()
    const sending = run(typed(['email', 'jane@example.com']), {
      type: 'createSending',
      body: { email: 'jane@example.com' },
    })
    expect(lookupValue(sending, 'email')).toBeUndefined()
    const existing = createEditor({ contactId: 'jd79abc123def', title: 'Ada', base: emptyForm() })
    expect(lookupValue(run(existing, { type: 'edit', field: 'email', value: 'a@b.co', kind: 'insert' }), 'email')).toBe(
      undefined,
    )
  })

  it('keeps the answer for the value typed now only, and drops a late one for an older value', () => {
    let s = typed(['email', 'renee@example.com'])
    s = run(s, { type: 'lookupStarted', field: 'email', value: 'renee@example.com' })
    expect(currentLookup(s, 'email')?.status).toBe('checking')
    s = run(s, { type: 'lookupFinished', field: 'email', value: 'renee@example.com', match: renee })
    expect(upsertTarget(s)?.name).toBe('Renée Walker')
    expect(matchesFound(s)).toEqual([{ field: 'email', match: renee }])
    // Typed on: the old answer is no longer news, and a late answer for the old value changes nothing.
    const changed = run(s, { type: 'edit', field: 'email', value: 'renee@example.org', kind: 'insert' })
    expect(upsertTarget(changed)).toBeUndefined()
    const started = run(changed, { type: 'lookupStarted', field: 'email', value: 'renee@example.org' })
    const late = run(started, { type: 'lookupFinished', field: 'email', value: 'renee@example.com', match: renee })
    expect(late).toBe(started)
    const free = run(started, { type: 'lookupFinished', field: 'email', value: 'renee@example.org' })
    expect(currentLookup(free, 'email')?.status).toBe('free')
    const failed = run(started, { type: 'lookupFailed', field: 'email', value: 'renee@example.org', message: 'down' })
    expect(currentLookup(failed, 'email')).toEqual({ value: 'renee@example.org', status: 'failed', message: 'down' })
  })

  it('lists a contact found by both email and phone once, by its email', () => {
    let s = typed(['email', 'renee@example.com'], ['phone', '+15550000007'])
    for (const [field, value] of [
      ['email', 'renee@example.com'],
      ['phone', '+15550000007'],
    ] as const) {
      s = run(s, { type: 'lookupStarted', field, value }, { type: 'lookupFinished', field, value, match: renee })
    }
    expect(matchesFound(s)).toEqual([{ field: 'email', match: renee }])
  })

  it('remembers the body sent, keeps it through a failure, and forgets it when the API refuses it', () => {
    const s = run(typed(['firstName', 'Jane']), { type: 'review' }, { type: 'saveStarted' })
    const sending = run(s, { type: 'createSending', body: { firstName: 'Jane' } })
    expect(sending.create?.inFlight).toEqual({ firstName: 'Jane' })
    expect(needsDraft(run(sending, { type: 'edit', field: 'firstName', value: '', kind: 'delete' }))).toBe(true)
    const failed = run(sending, { type: 'saveFailed', message: 'Server error' })
    expect(failed.create?.inFlight).toEqual({ firstName: 'Jane' })
    expect(
      checkReview(run(failed, { type: 'back' }, { type: 'edit', field: 'firstName', value: '', kind: 'delete' })),
    ).toEqual({ ok: true })
    const refused = run(sending, { type: 'saveRejected', errors: { email: 'Email: taken' } })
    expect(refused.create?.inFlight).toBeUndefined()
    expect(refused.create?.idempotencyKey).toBe('k-1')
  })

  it('becomes the contact the API made, keeping the edits made since the body went out', () => {
    const sent = { firstName: 'Jane', email: 'jane@example.com' }
    let s = typed(['firstName', 'Jane'], ['email', 'jane@example.com'])
    s = run(s, { type: 'createSending', body: sent }, { type: 'edit', field: 'city', value: 'Austin', kind: 'insert' })
    const stored = person(1, {
      id: 'jane00001',
      firstName: 'Jane',
      lastName: null,
      fullName: 'Jane',
      emails: [{ value: 'jane@example.com', isPrimary: true }],
      phones: [],
      stageId: 'stage_lead',
      tags: null,
    })
    const done = run(s, { type: 'createSucceeded', person: stored, sent })
    expect(done.create).toBeUndefined()
    expect(done.contactId).toBe('jane00001')
    expect(done.title).toBe('Jane')
    // The server's stage comes in; the city typed after the send is a change still to save.
    expect(done.values.stage).toBe('stage_lead')
    expect(dirtyFields(done)).toEqual(['city'])
    expect(hasUnsavedWork(done)).toBe(true)
  })

  it('takes the values of the contact it updated instead, without clearing any', () => {
    const sent = { firstName: 'Jane', email: 'renee@example.com' }
    const s = run(typed(['firstName', 'Jane'], ['email', 'renee@example.com']), { type: 'createSending', body: sent })
    const updated = person(7, {
      id: 'renee0001',
      firstName: 'Jane',
      lastName: 'Walker',
      fullName: 'Jane Walker',
      emails: [{ value: 'renee@example.com', isPrimary: true }],
      city: 'Austin',
    })
    const done = run(s, { type: 'createSucceeded', person: updated, sent })
    expect(done.values).toMatchObject({ firstName: 'Jane', lastName: 'Walker', city: 'Austin' })
    expect(dirtyFields(done)).toEqual([])
  })

  it('counts a tag typed but not added as unsaved work', () => {
    const s = run(fresh(), { type: 'focus', field: 'tags' }, { type: 'insert', text: 'VIP' })
    expect(needsDraft(s)).toBe(false)
    expect(hasUnsavedWork(s)).toBe(true)
  })
})
