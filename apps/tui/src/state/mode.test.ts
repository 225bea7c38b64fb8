import { describe, expect, it } from 'vitest'
import { activityReducer, createActivityForm } from './activity/form.js'
import { initialContacts } from './contacts/list.js'
import { editorReducer } from './editor/editor.js'
import { createEditor } from './editor/state.js'
import { emptyForm } from './form.js'
import { bulkFlow, importFlow } from './jobs/flow.js'
import { modeOf } from './mode.js'
import type { Navigation } from './navigation.js'

const editor = createEditor({ contactId: 'jd79abc123def', title: 'Ada', base: emptyForm() })
const onEditor: Navigation = { view: { name: 'editor' } }

describe('modeOf', () => {
  it('puts a dialog over whatever screen is under it', () => {
    const help = { name: 'help', top: 3 } as const
    expect(modeOf({ ...onEditor, dialog: help }, editor, initialContacts)).toEqual(help)
  })

  it('is the list, or its search while the search box has focus', () => {
    expect(modeOf({ view: { name: 'list' } }, null, initialContacts).name).toBe('list')
    expect(modeOf({ view: { name: 'list' } }, null, { ...initialContacts, searchFocused: true }).name).toBe('search')
  })

  it('follows the open contact through review, saving, a failure and a conflict', () => {
    expect(modeOf(onEditor, editor, initialContacts)).toEqual({ name: 'editor', editor })
    const edited = editorReducer(editor, { type: 'edit', field: 'city', value: 'Paris', kind: 'insert' })
    const review = editorReducer(edited, { type: 'review' })
    expect(modeOf(onEditor, review, initialContacts).name).toBe('review')
    const saving = editorReducer(review, { type: 'saveStarted' })
    expect(modeOf(onEditor, saving, initialContacts).name).toBe('review')
    const failed = editorReducer(saving, { type: 'saveFailed', message: 'The server had a problem (500).' })
    expect(modeOf(onEditor, failed, initialContacts).name).toBe('review')
    const conflict = editorReducer(saving, { type: 'conflictDetected', theirs: edited.base, conflicts: [] })
    expect(modeOf(onEditor, conflict, initialContacts)).toMatchObject({ name: 'conflict', conflict: { selected: 0 } })
  })

  it('is the step of a bulk edit or import on the jobs screen, and the list once no job is under way', () => {
    const onJobs: Navigation = { view: { name: 'jobs' } }
    const bulk = bulkFlow()
    expect(modeOf(onJobs, null, initialContacts, null, bulk)).toEqual({ name: 'bulkAction', flow: bulk })
    expect(modeOf(onJobs, null, initialContacts, null, importFlow()).name).toBe('importPath')
    expect(modeOf(onJobs, null, initialContacts)).toEqual({ name: 'list' })
    expect(modeOf(onJobs, null, { ...initialContacts, searchFocused: true })).toEqual({ name: 'search' })
    // A job kept in the background does not take over the list.
    expect(modeOf({ view: { name: 'list' } }, null, initialContacts, null, bulk)).toEqual({ name: 'list' })
  })

  it('is a view without refinements as it is', () => {
    expect(modeOf({ view: { name: 'opening', title: 'Ada' } }, null, initialContacts)).toEqual({
      name: 'opening',
      title: 'Ada',
    })
  })

  it('keeps the screen under a chord waiting for its second key', () => {
    const chord = { name: 'chord', prefix: 'ctrl+x', context: 'editor' } as const
    expect(modeOf({ ...onEditor, dialog: chord }, editor, initialContacts)).toEqual({
      ...chord,
      under: { name: 'editor', editor },
    })
  })

  it('follows the activity form into its review and send', () => {
    const form = createActivityForm({ contactId: 'jd79abc123def', contactName: 'Ada' })
    const onForm = { view: { name: 'activity', back: 'editor' } } as const
    expect(modeOf(onForm, editor, initialContacts, form)).toEqual({ name: 'activity', form })
    const review = activityReducer(form, { type: 'review' })
    expect(modeOf(onForm, editor, initialContacts, review).name).toBe('activityReview')
    expect(modeOf(onForm, editor, initialContacts, activityReducer(review, { type: 'sendStarted' })).name).toBe(
      'activityReview',
    )
    // Without its form (closed meanwhile), the list is what is there.
    expect(modeOf(onForm, editor, initialContacts, null).name).toBe('list')
  })

  it('shows the open contact, not a leftover activity form, while the editor is the view', () => {
    const form = createActivityForm({ contactId: 'jd79abc123def', contactName: 'Ada' })
    expect(modeOf(onEditor, editor, initialContacts, form)).toEqual({ name: 'editor', editor })
  })

  it('falls back to the list when the editor is the view but no contact is open', () => {
    expect(modeOf(onEditor, null, initialContacts)).toEqual({ name: 'list' })
    expect(modeOf(onEditor, null, { ...initialContacts, searchFocused: true })).toEqual({ name: 'search' })
  })
})
