import { describe, expect, it } from 'vitest'
import { toForm } from '../form.js'
import { type EditorAction, editorReducer } from './editor.js'
import { checkReview } from './save.js'
import { editorErrors } from './selectors.js'
import { createEditor, type EditorState } from './state.js'
import { tagProblem } from './tags.js'

const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state)
const onTags = (tags: string[] = ['VIP']) =>
  run(createEditor({ contactId: 'jd79abc123def', title: 'Ada', base: toForm({ tags }) }), {
    type: 'focus',
    field: 'tags',
  })

describe('tags typed and pasted', () => {
  it('adds every tag of a paste, as one undo step', () => {
    const pasted = run(onTags([]), { type: 'paste', text: 'VIP, Relocating, Pool' })
    expect(pasted.values.tags).toEqual(['VIP', 'Relocating', 'Pool'])
    expect(pasted.tagBox.input.value).toBe('')
    expect(run(pasted, { type: 'undo' }).values.tags).toEqual([])
    expect(run(pasted, { type: 'undo' }, { type: 'redo' }).values.tags).toEqual(['VIP', 'Relocating', 'Pool'])
  })

  it('reads a tag per line in a paste, and adds to what is typed in the box already', () => {
    const s = run(onTags([]), { type: 'insert', text: 'Bu' }, { type: 'paste', text: 'yer\r\nPool\nSpa\t' })
    expect(s.values.tags).toEqual(['Buyer', 'Pool', 'Spa'])
  })

  it('commits what comes before a comma in typed text, and keeps typing the rest', () => {
    // A terminal without bracketed paste sends a paste as keys: the commas still separate tags.
    const s = run(onTags([]), { type: 'insert', text: 'VIP, Pool, Sp' })
    expect(s.values.tags).toEqual(['VIP', 'Pool'])
    expect(s.tagBox.input).toEqual({ value: 'Sp', cursor: 2 })
    expect(run(s, { type: 'tagAdd' }).values.tags).toEqual(['VIP', 'Pool', 'Sp'])
  })

  it('skips a tag that is there already, and keeps a refused one with the rest in the box, with the reason', () => {
    const long = 'x'.repeat(51)
    const s = run(onTags(['VIP']), { type: 'paste', text: `vip, New, ${long}, Later` })
    expect(s.values.tags).toEqual(['VIP', 'New'])
    expect(s.tagBox.input.value).toBe(`${long}, Later`)
    expect(editorErrors(s).tags).toBe('Tags: a tag can be at most 50 characters (you have 51)')
    // Nothing typed is dropped by a save: the review waits for it.
    expect(checkReview(s)).toEqual({ ok: false, reason: 'invalid', fields: ['tags'] })
    // Fixed in the box, Enter adds the rest.
    const added = run(
      s,
      { type: 'textOp', op: 'end', width: 80 },
      { type: 'textOp', op: 'deleteToStart', width: 80 },
      { type: 'insert', text: 'Short, Later' },
      { type: 'tagAdd' },
    )
    expect(added.values.tags).toEqual(['VIP', 'New', 'Short', 'Later'])
    expect(added.tagBox.problem).toBeUndefined()
  })

  it('stops at the limit of tags and keeps what did not fit', () => {
    const nineteen = Array.from({ length: 19 }, (_, i) => `t${i}`)
    const s = run(onTags(nineteen), { type: 'paste', text: 'a, b, c' })
    expect(s.values.tags).toHaveLength(20)
    expect(s.tagBox.input.value).toBe('b, c')
    expect(s.tagBox.problem).toBe('Tags: at most 20 tags (remove one first)')
  })

  it('commits a valid typed tag when the review opens (Ctrl+S), so it is saved', () => {
    const s = run(onTags(['VIP']), { type: 'insert', text: 'Buyer' }, { type: 'review' })
    expect(s.values.tags).toEqual(['VIP', 'Buyer'])
    expect(s.save.phase).toBe('review')
  })

  it('names the rule a tag breaks', () => {
    expect(tagProblem(['VIP'], 'vip')).toBe('Tags: "vip" is already there')
    expect(tagProblem([], 'a,b')).toBe('Tags: a tag cannot contain a comma')
    expect(tagProblem([], 'fine')).toBeUndefined()
  })
})
