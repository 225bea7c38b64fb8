import { describe, expect, it } from 'vitest'
import { emptyForm, type FormValues, toForm } from '../form.js'
import { type EditorAction, editorReducer } from './editor.js'
import { editorErrors, editorTitle, hasUnsavedWork, needsDraft } from './selectors.js'
import { createEditor, type EditorState } from './state.js'

const base: FormValues = toForm({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' })
const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state)
const editor = () => createEditor({ contactId: 'jd79abc123def', title: 'Ada Lovelace', base })
const fresh = () =>
  createEditor({ contactId: 'new-abc123', title: 'New contact', base: emptyForm(), create: { idempotencyKey: 'k-1' } })
const edit = (field: keyof FormValues, value: string): EditorAction => ({ type: 'edit', field, value, kind: 'replace' })

describe('editor selectors', () => {
  it('show the field’s own problem over what the server said about it', () => {
    const s = run(editor(), edit('email', 'ada@'), { type: 'saveRejected', errors: { email: 'Email: taken' } })
    expect(editorErrors(s).email).toMatch(/^Email: /)
    expect(editorErrors(s).email).not.toBe('Email: taken')
  })

  it('keep the server’s messages beside the schema’s', () => {
    const s = run(editor(), edit('email', 'ada@'), { type: 'saveRejected', errors: { city: 'City: unknown' } })
    expect(Object.keys(editorErrors(s)).sort()).toEqual(['city', 'email'])
  })

  it('need a draft for changed fields only, and count a tag in the box as work that would be lost', () => {
    expect(needsDraft(editor())).toBe(false)
    expect(hasUnsavedWork(editor())).toBe(false)
    expect(needsDraft(run(editor(), edit('city', 'Paris')))).toBe(true)
    const onTags = run(editor(), { type: 'focus', field: 'tags' })
    expect(hasUnsavedWork(run(onTags, { type: 'insert', text: '   ' }))).toBe(false)
    expect(hasUnsavedWork(run(onTags, { type: 'insert', text: 'VIP' }))).toBe(true)
  })

  it('title an existing contact by the name the list showed, and a new one by the name typed so far', () => {
    expect(editorTitle(run(editor(), edit('firstName', 'Augusta')))).toBe('Ada Lovelace')
    expect(editorTitle(run(fresh(), edit('lastName', ' Doe ')))).toBe('Doe (new)')
    expect(editorTitle(run(fresh(), edit('firstName', ' Jane '), edit('lastName', 'Doe')))).toBe('Jane Doe (new)')
    expect(editorTitle(run(fresh(), edit('firstName', '  ')))).toBe('New contact')
  })
})
