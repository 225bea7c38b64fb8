import { describe, expect, it } from 'vitest'
import { person } from '../../../test/support/people.js'
import { linear, reviewing } from '../../../test/support/screens.js'
import { matchOf } from '../../state/editor/create.js'
import { type EditorAction, editorReducer } from '../../state/editor/editor.js'
import { createEditor } from '../../state/editor/state.js'
import { emptyForm } from '../../state/form.js'
import { createSummary, LinearReview } from './ReviewScreen.js'

const newContact = (...actions: EditorAction[]) =>
  actions.reduce(
    editorReducer,
    createEditor({ contactId: 'new-1', title: 'New contact', base: emptyForm(), create: { idempotencyKey: 'k' } }),
  )
const typed = (email: string): EditorAction[] => [
  { type: 'edit', field: 'firstName', value: 'Renée', kind: 'insert' },
  { type: 'edit', field: 'lastName', value: 'Moved', kind: 'insert' },
  { type: 'edit', field: 'email', value: email, kind: 'insert' },
]

describe('linear layout (INK_SCREEN_READER)', () => {
  it('reads the review as one sentence per change, long values cut with their length', () => {
    const frame = linear(<LinearReview editor={reviewing()} />)
    expect(frame).toContain('Review 2 changes to Ada Lovelace.')
    expect(frame).toContain('Change 1 of 2: First name, from "Ada" to "Augusta".')
    expect(frame).toMatch(
      /Change 2 of 2: Background, from "Notes" to "(abcdefghi ){11}abcdefghi…" \(299 characters\)\./,
    )
    expect(frame).toContain('Press Enter to save, Escape to go back.')
    // No box drawing, no columns: nothing a screen reader would spell out.
    expect(frame).not.toMatch(/[─│╭╮]/)
  })

  it('says how a failed save ended and what to do next', () => {
    const frame = linear(
      <LinearReview
        editor={reviewing({ type: 'saveStarted' }, { type: 'saveFailed', message: 'The server had a problem (500).' })}
      />,
    )
    expect(frame).toContain('Not saved: The server had a problem (500). Press r to retry')
    expect(frame).toContain('Your draft is kept.')
  })
})

describe('the review of a new contact', () => {
  const email = 'renee@example.com'
  const renee = matchOf(
    person(7, { firstName: 'Renée', lastName: 'Walker', fullName: 'Renée Walker', emails: [{ value: email }] }),
  )

  it('says it creates a contact, and that the email is still being checked', () => {
    const checking = createSummary(newContact(...typed(email)))
    expect(checking.title).toBe('Review: creates a new contact (3 fields)')
    expect(checking.notes).toContain('Checking whether another contact has this email…')
    const free = createSummary(
      newContact(
        ...typed(email),
        { type: 'lookupStarted', field: 'email', value: email },
        { type: 'lookupFinished', field: 'email', value: email },
      ),
    )
    expect(free.notes).toEqual(['These fields are sent, in one request.'])
  })

  it('says plainly that it updates the contact that has the email, with only the fields that change on it', () => {
    const editor = newContact(
      ...typed(email),
      { type: 'lookupStarted', field: 'email', value: email },
      { type: 'lookupFinished', field: 'email', value: email, match: renee },
    )
    const summary = createSummary(editor)
    expect(summary.title).toBe('Review: updates Renée Walker (1 field)')
    expect(summary.fields).toEqual(['lastName'])
    const frame = linear(<LinearReview editor={editor} />)
    expect(frame).toContain('Review: updates Renée Walker (1 field). Renée Walker already has this email')
    expect(frame).toContain('Change 1 of 1: Last name, from "Walker" to "Moved".')
    expect(frame).not.toContain('creates')
  })

  it('finishes a create whose answer was lost before anything else', () => {
    const editor = newContact(...typed(email), { type: 'createSending', body: { email } })
    expect(createSummary(editor).title).toBe('Review: finish creating this contact (3 fields)')
    expect(linear(<LinearReview editor={editor} />)).toContain('Change 1 of 3: First name to "Renée".')
  })
})
