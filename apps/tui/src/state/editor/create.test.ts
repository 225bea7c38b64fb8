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

describe('lookups of a new contact', () => {
  const found = (state: EditorState, field: 'email' | 'phone', value: string, match?: Match) =>
    run(state, { type: 'lookupStarted', field, value }, { type: 'lookupFinished', field, value, match })
  const jo: Match = matchOf(
    person(8, { id: 'jo0000001', fullName: 'Jo \u001b[31mMarch', phones: [{ value: '+15125550101' }] }),
  )

  it('cleans the name of a contact found', () => {
    expect(jo).toMatchObject({ id: 'jo0000001', name: 'Jo March' })
    expect(jo.values.phone).toBe('+15125550101')
  })

  it('lists the contacts found by phone too, after the one found by email', () => {
    let s = typed(['email', 'renee@example.com'], ['phone', '(512) 555-0101'])
    s = found(s, 'phone', '+15125550101', jo)
    expect(matchesFound(s)).toEqual([{ field: 'phone', match: jo }])
    expect(upsertTarget(s)).toBeUndefined()
    s = found(s, 'email', 'renee@example.com', renee)
    expect(matchesFound(s)).toEqual([
      { field: 'email', match: renee },
      { field: 'phone', match: jo },
    ])
    expect(upsertTarget(s)).toBe(renee)
  })

  it('lists nothing while a lookup is out, or when the value is free', () => {
    const checking = run(typed(['email', 'renee@example.com']), {
      type: 'lookupStarted',
      field: 'email',
      value: 'renee@example.com',
    })
    expect(matchesFound(checking)).toEqual([])
    expect(upsertTarget(checking)).toBeUndefined()
    expect(matchesFound(found(typed(['email', 'renee@example.com']), 'email', 'renee@example.com'))).toEqual([])
  })

  it('drops an answer no lookup was started for', () => {
    const s = typed(['email', 'renee@example.com'])
    const answer = { field: 'email', value: 'renee@example.com' } as const
    expect(run(s, { type: 'lookupFinished', ...answer, match: renee })).toBe(s)
    expect(run(s, { type: 'lookupFailed', ...answer, message: 'down' })).toBe(s)
  })

  it('keeps the lookup of the other field when one starts', () => {
    const s = run(found(typed(['email', 'renee@example.com']), 'email', 'renee@example.com', renee), {
      type: 'lookupStarted',
      field: 'phone',
      value: '+15125550101',
    })
    expect(s.create?.lookups).toEqual({
      email: { value: 'renee@example.com', status: 'taken', match: renee },
      phone: { value: '+15125550101', status: 'checking' },
    })
  })

  it('looks nothing up for a value that is empty or only spaces', () => {
    expect(lookupValue(fresh(), 'email')).toBeUndefined()
    expect(lookupValue(typed(['phone', '   ']), 'phone')).toBeUndefined()
  })

  it('changes nothing of a contact that exists', () => {
    const existing = createEditor({ contactId: 'jd79abc123def', title: 'Ada', base: emptyForm() })
    for (const action of [
      { type: 'lookupStarted', field: 'email', value: 'a@b.co' },
      { type: 'lookupFinished', field: 'email', value: 'a@b.co' },
      { type: 'lookupFailed', field: 'email', value: 'a@b.co', message: 'x' },
      { type: 'createSending', body: {} },
      { type: 'createSucceeded', person: person(1), sent: {} },
    ] as const) {
      expect(run(existing, action), action.type).toBe(existing)
    }
    expect(currentLookup(existing, 'email')).toBeUndefined()
  })

  it('forgets what the server said and ends the run of typing once created', () => {
    const sent = { firstName: 'Jane' }
    let s = run(typed(['firstName', 'Jane']), { type: 'focus', field: 'city' }, { type: 'insert', text: 'Aus' })
    s = run(s, { type: 'createSending', body: sent }, { type: 'saveRejected', errors: { id: 'Contact: odd' } })
    expect(s.serverErrors).toEqual({ '*': 'Contact: odd' })
    const created = run(
      { ...s, create: { idempotencyKey: 'k-1', inFlight: sent, lookups: {} } },
      { type: 'createSucceeded', person: person(3, { id: 'jane00003', fullName: 'Jane Q', city: null }), sent },
    )
    expect(created.serverErrors).toEqual({})
    expect(created.title).toBe('Jane Q')
    const more = run(created, { type: 'insert', text: 'tin' })
    expect(more.values.city).toBe('Austin')
    expect(run(more, { type: 'undo' }).values.city).toBe('Aus')
  })
})

describe('the email looked up', () => {
  it('is the email as typed, dots and dashes kept', () => {
    expect(lookupValue(typed(['email', 'jane.doe-x@example.com']), 'email')).toBe('jane.doe-x@example.com')
  })
})
