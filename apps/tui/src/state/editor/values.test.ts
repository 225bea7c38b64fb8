import { describe, expect, it } from 'vitest'
import { emptyForm, type FormValues, toForm } from '../form.js'
import { type EditorAction, editorReducer } from './editor.js'
import { createEditor, type EditorState } from './state.js'
import { setValue, textOf } from './values.js'

const base: FormValues = toForm({ firstName: 'Ada', lastName: 'Lovelace', city: 'London', tags: ['VIP'] })
const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state)
const editor = () => createEditor({ contactId: 'jd79abc123def', title: 'Ada Lovelace', base })
const onCity = () => run(editor(), { type: 'focus', field: 'city' })

describe('a field’s value', () => {
  it('is the text of a text field, and no text for the tags', () => {
    expect(textOf(base, 'city')).toBe('London')
    expect(textOf(base, 'tags')).toBe('')
  })

  it('upper-cases only the state, and leaves every other text as typed', () => {
    const s = run(
      editor(),
      { type: 'edit', field: 'state', value: 'tx', kind: 'insert' },
      { type: 'edit', field: 'city', value: 'Austin', kind: 'insert' },
      { type: 'edit', field: 'tags', value: ['vip'], kind: 'replace' },
    )
    expect(s.values).toMatchObject({ state: 'TX', city: 'Austin', tags: ['vip'] })
  })

  it('moves the cursor to the end of the focused field’s new text, and leaves it alone for another field', () => {
    const s = onCity()
    expect(s.cursor).toBe('London'.length)
    expect(run(s, { type: 'edit', field: 'city', value: 'Paris', kind: 'replace' }).cursor).toBe('Paris'.length)
    expect(run(s, { type: 'edit', field: 'street', value: '1 Main Street', kind: 'insert' }).cursor).toBe(6)
    // Another field's shorter value does not pull the focused field's cursor back.
    expect(run(s, { type: 'edit', field: 'state', value: 'tx', kind: 'insert' }).cursor).toBe(6)
  })

  it('puts the cursor where the edit says, and keeps it on the tags field when the tags change', () => {
    const s = onCity()
    expect(setValue(s, 'city', 'Londres', 'insert', 4).cursor).toBe(4)
    const onTags = run(editor(), { type: 'focus', field: 'tags' })
    expect(run(onTags, { type: 'edit', field: 'tags', value: ['VIP', 'Buyer', 'Pool'], kind: 'replace' }).cursor).toBe(
      0,
    )
  })

  it('drops what the server said about the field, and about the whole contact, but not about other fields', () => {
    const rejected = run(
      editor(),
      { type: 'edit', field: 'lastName', value: 'King', kind: 'insert' },
      {
        type: 'saveRejected',
        errors: { city: 'City: unknown', lastName: 'Last name: taken', other: 'Something else is wrong' },
      },
    )
    expect(rejected.serverErrors).toEqual({
      city: 'City: unknown',
      lastName: 'Last name: taken',
      '*': 'Something else is wrong',
    })
    const edited = run(rejected, { type: 'edit', field: 'city', value: 'Paris', kind: 'insert' })
    expect(edited.serverErrors).toEqual({ lastName: 'Last name: taken' })
  })

  it('drops the note about how the field was normalised once it is edited, and only that note', () => {
    const s = run(
      editor(),
      { type: 'focus', field: 'phone' },
      { type: 'edit', field: 'phone', value: '555 987 6543', kind: 'replace' },
      { type: 'focusNext' },
    )
    expect(s.notices).toEqual({ phone: 'Normalised from 555 987 6543' })
    expect(run(s, { type: 'edit', field: 'city', value: 'Paris', kind: 'insert' }).notices).toEqual(s.notices)
    expect(run(s, { type: 'edit', field: 'phone', value: '', kind: 'delete' }).notices).toEqual({})
  })
})

describe('undo and redo', () => {
  it('undo a field’s last step, with the cursor at the end of the old text, then redo it', () => {
    const typed = run(onCity(), { type: 'edit', field: 'city', value: 'Paris', kind: 'replace' })
    const undone = run({ ...typed, cursor: 1 }, { type: 'undo' })
    expect(undone.values.city).toBe('London')
    expect(undone.cursor).toBe('London'.length)
    const redone = run(undone, { type: 'redo' })
    expect(redone.values.city).toBe('Paris')
    expect(redone.cursor).toBe('Paris'.length)
  })

  it('does nothing when the focused field has nothing to undo or redo', () => {
    const s = run(editor(), { type: 'edit', field: 'city', value: 'Paris', kind: 'replace' })
    expect(run(s, { type: 'undo' })).toBe(s)
    expect(run(s, { type: 'redo' })).toBe(s)
  })

  it('undoes the tags as a list, leaving the cursor where it was', () => {
    const onTags = run(editor(), { type: 'focus', field: 'tags' }, { type: 'paste', text: 'Buyer, Pool' })
    const undone = run({ ...onTags, cursor: 0 }, { type: 'undo' })
    expect(undone.values.tags).toEqual(['VIP'])
    expect(undone.cursor).toBe(0)
  })

  it('drops the normalisation note of the field it undoes', () => {
    const s = run(
      editor(),
      { type: 'focus', field: 'phone' },
      { type: 'edit', field: 'phone', value: '555 987 6543', kind: 'replace' },
      { type: 'focus', field: 'city' },
      { type: 'edit', field: 'city', value: 'Paris', kind: 'replace' },
      { type: 'focus', field: 'phone' },
    )
    expect(s.notices.phone).toBe('Normalised from 555 987 6543')
    const undone = run(s, { type: 'undo' })
    expect(undone.values.phone).toBe('555 987 6543')
    expect(undone.notices).toEqual({})
    const onCityAgain = run(s, { type: 'focus', field: 'city' }, { type: 'undo' })
    expect(onCityAgain.notices.phone).toBe('Normalised from 555 987 6543')
  })
})

describe('revert', () => {
  it('does nothing to a field that has its saved value, so undo still reaches the earlier edit', () => {
    const s = run(
      onCity(),
      { type: 'edit', field: 'city', value: 'Paris', kind: 'replace' },
      { type: 'edit', field: 'city', value: 'London', kind: 'replace' },
    )
    const reverted = run(s, { type: 'revert' })
    expect(reverted).toBe(s)
    expect(run(reverted, { type: 'undo' }).values.city).toBe('Paris')
  })

  it('takes the tags back to their saved list', () => {
    const s = run(editor(), { type: 'focus', field: 'tags' }, { type: 'paste', text: 'Buyer' }, { type: 'revert' })
    expect(s.values.tags).toEqual(['VIP'])
  })

  it('works on an empty form too', () => {
    const s = createEditor({ contactId: 'x', title: 'x', base: emptyForm() })
    const typed = run(s, { type: 'edit', field: 'firstName', value: 'Jo', kind: 'insert' }, { type: 'revert' })
    expect(typed.values.firstName).toBe('')
    expect(typed.cursor).toBe(0)
  })
})

describe('the cursor after an edit', () => {
  it('goes to the end of the new text from wherever it was', () => {
    const s = run(
      onCity(),
      { type: 'textOp', op: 'home', width: 80 },
      { type: 'edit', field: 'city', value: 'Paris', kind: 'replace' },
    )
    expect(s.cursor).toBe(5)
  })
})

describe('setting a value', () => {
  it('keeps the cursor of the focused field inside its new text', () => {
    expect(setValue(onCity(), 'city', 'Rome', 'replace', 10).cursor).toBe(4)
  })

  it('keeps what was said about the fields as it is when there is nothing to forget about this one', () => {
    const s = onCity()
    const next = setValue(s, 'city', 'Rome', 'replace')
    expect(next.serverErrors).toBe(s.serverErrors)
    expect(next.notices).toBe(s.notices)
  })
})
