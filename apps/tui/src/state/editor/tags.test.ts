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

describe('tags highlighted and removed', () => {
  const select = (state: EditorState, delta: number) => run(state, { type: 'tagSelect', delta })

  it('highlights the last tag going left and the first going right, and none past either end', () => {
    const s = onTags(['a', 'b', 'c'])
    expect(select(s, -1).tagBox.selected).toBe(2)
    expect(select(s, 1).tagBox.selected).toBe(0)
    expect(select(select(s, 1), 1).tagBox.selected).toBe(1)
    expect(select(select(s, -1), 1).tagBox.selected).toBeUndefined()
    expect(select(select(s, 1), -1).tagBox.selected).toBeUndefined()
  })

  it('highlights nothing while a tag is typed, or when there are none', () => {
    const typing = run(onTags(['a']), { type: 'insert', text: 'x' })
    expect(select(typing, -1)).toBe(typing)
    const none = onTags([])
    expect(select(none, -1)).toBe(none)
  })

  it('removes the highlighted tag and highlights the one now in its place, or the last', () => {
    const s = select(onTags(['a', 'b', 'c']), 1)
    const removed = run(s, { type: 'tagRemove' })
    expect(removed.values.tags).toEqual(['b', 'c'])
    expect(removed.tagBox.selected).toBe(0)
    const last = run(select(onTags(['a', 'b', 'c']), -1), { type: 'tagRemove' })
    expect(last.values.tags).toEqual(['a', 'b'])
    expect(last.tagBox.selected).toBe(1)
    const only = run(select(onTags(['a']), -1), { type: 'tagRemove' })
    expect(only.values.tags).toEqual([])
    expect(only.tagBox.selected).toBeUndefined()
  })

  it('removes the last tag when none is highlighted, highlighting none', () => {
    const removed = run(onTags(['a', 'b']), { type: 'tagRemove' })
    expect(removed.values.tags).toEqual(['a'])
    expect(removed.tagBox.selected).toBeUndefined()
    expect(run(removed, { type: 'undo' }).values.tags).toEqual(['a', 'b'])
  })

  it('removes nothing while a tag is typed, or when there are none', () => {
    const typing = run(onTags(['a']), { type: 'insert', text: 'x' })
    expect(run(typing, { type: 'tagRemove' })).toBe(typing)
    const none = onTags([])
    expect(run(none, { type: 'tagRemove' })).toBe(none)
  })

  it('ends the highlight when typing starts', () => {
    const s = run(select(onTags(['a']), -1), { type: 'insert', text: 'b' })
    expect(s.tagBox).toEqual({ input: { value: 'b', cursor: 1 } })
  })
})

describe('tags added', () => {
  it('adds the typed tag, trimmed, with Enter, and nothing for a blank box', () => {
    const s = run(onTags([]), { type: 'insert', text: '  Buyer ' }, { type: 'tagAdd' })
    expect(s.values.tags).toEqual(['Buyer'])
    expect(s.tagBox).toEqual({ input: { value: '', cursor: 0 } })
    const blank = run(onTags([]), { type: 'insert', text: '  ' })
    expect(run(blank, { type: 'tagAdd' })).toBe(blank)
  })

  it('keeps a refused tag in the box with the reason, which editing it clears', () => {
    const s = run(onTags(['VIP']), { type: 'insert', text: 'vip' }, { type: 'tagAdd' })
    expect(s.values.tags).toEqual(['VIP'])
    expect(s.tagBox.input.value).toBe('vip')
    expect(s.tagBox.problem).toBe('Tags: "vip" is already there')
    expect(run(s, { type: 'textOp', op: 'deleteLeft', width: 80 }).tagBox).toEqual({
      input: { value: 'vi', cursor: 2 },
      problem: undefined,
    })
    expect(run(s, { type: 'insert', text: 'p' }).tagBox.problem).toBeUndefined()
  })

  it('empties a blank box when the field is left, and keeps a refused tag without a highlight', () => {
    const blank = run(onTags([]), { type: 'insert', text: '   ' }, { type: 'focusNext' })
    expect(blank.tagBox).toEqual({ input: { value: '', cursor: 0 } })
    const refused = run(onTags(['VIP']), { type: 'insert', text: 'vip' }, { type: 'focusNext' })
    expect(refused.tagBox).toEqual({
      input: { value: 'vip', cursor: 3 },
      problem: 'Tags: "vip" is already there',
      selected: undefined,
    })
  })

  it('skips empty pieces and repeats within what is typed, and keeps typing the rest after the last comma', () => {
    const s = run(onTags([]), { type: 'insert', text: 'a,, A ,b,   c' })
    expect(s.values.tags).toEqual(['a', 'b'])
    expect(s.tagBox.input).toEqual({ value: 'c', cursor: 1 })
    const nothingNew = run(onTags(['a']), { type: 'insert', text: 'a,' })
    expect(nothingNew.values.tags).toEqual(['a'])
    expect(nothingNew.history.undo).toEqual({})
  })

  it('keeps what is still being typed after a refused tag', () => {
    const long = 'x'.repeat(51)
    const s = run(onTags([]), { type: 'insert', text: `ok, ${long}, next,typ` })
    expect(s.values.tags).toEqual(['ok'])
    expect(s.tagBox.input).toEqual({ value: `${long}, next, typ`, cursor: long.length + 11 })
  })
})

describe('the rules a tag must meet', () => {
  it('allows 50 characters and 20 tags, and no more', () => {
    expect(tagProblem([], 'x'.repeat(50))).toBeUndefined()
    expect(tagProblem([], 'x'.repeat(51))).toBe('Tags: a tag can be at most 50 characters (you have 51)')
    const nineteen = Array.from({ length: 19 }, (_, i) => `t${i}`)
    expect(tagProblem(nineteen, 'new')).toBeUndefined()
    expect(tagProblem([...nineteen, 't19'], 'new')).toBe('Tags: at most 20 tags (remove one first)')
  })
})

describe('tags, one undo step each', () => {
  it('keeps the cursor where a character is typed in the middle of the box', () => {
    const s = run(
      onTags([]),
      { type: 'insert', text: 'By' },
      { type: 'textOp', op: 'left', width: 80 },
      {
        type: 'insert',
        text: 'u',
      },
    )
    expect(s.tagBox.input).toEqual({ value: 'Buy', cursor: 2 })
  })

  it('undoes tags added one after the other one at a time', () => {
    const added = run(
      onTags([]),
      { type: 'insert', text: 'a' },
      { type: 'tagAdd' },
      { type: 'insert', text: 'b' },
      { type: 'tagAdd' },
    )
    expect(added.values.tags).toEqual(['a', 'b'])
    expect(run(added, { type: 'undo' }).values.tags).toEqual(['a'])
    const pasted = run(onTags([]), { type: 'paste', text: 'a, b' }, { type: 'paste', text: 'c' })
    expect(pasted.values.tags).toEqual(['a', 'b', 'c'])
    expect(run(pasted, { type: 'undo' }).values.tags).toEqual(['a', 'b'])
  })

  it('leaves no empty piece in the box after a refused tag', () => {
    const long = 'x'.repeat(51)
    const s = run(onTags([]), { type: 'insert', text: `${long},` })
    expect(s.tagBox.input.value).toBe(long)
    expect(s.tagBox.problem).toMatch(/at most 50 characters/)
  })

  it('adds the rest of what a refusal left in the box once the refused tag is taken out', () => {
    const long = 'x'.repeat(51)
    const s = run(
      onTags(['VIP']),
      { type: 'paste', text: `${long}, Later` },
      { type: 'textOp', op: 'home', width: 80 },
      { type: 'textOp', op: 'deleteWordRight', width: 80 },
    )
    expect(s.tagBox.input.value).toBe(', Later')
    const added = run(s, { type: 'tagAdd' })
    expect(added.values.tags).toEqual(['VIP', 'Later'])
    expect(added.tagBox.input.value).toBe('')
  })
})

describe('tags removed one after the other', () => {
  it('are undone one at a time', () => {
    const removed = run(onTags(['a', 'b', 'c']), { type: 'tagRemove' }, { type: 'tagRemove' })
    expect(removed.values.tags).toEqual(['a'])
    expect(run(removed, { type: 'undo' }).values.tags).toEqual(['a', 'b'])
  })
})

describe('leaving the tags field', () => {
  it('ends a highlight and empties a box of spaces', () => {
    const highlighted = run(onTags(['VIP', 'Buyer']), { type: 'tagSelect', delta: -1 })
    expect(highlighted.tagBox.selected).toBe(1)
    const left = run(highlighted, { type: 'focusNext' })
    expect(left.tagBox).toEqual({ input: { value: '', cursor: 0 } })
    expect(left.values.tags).toEqual(['VIP', 'Buyer'])
    const spaces = run(onTags(['VIP']), { type: 'insert', text: '  ' }, { type: 'focusPrevious' })
    expect(spaces.tagBox.input).toEqual({ value: '', cursor: 0 })
    expect(spaces.values.tags).toEqual(['VIP'])
  })

  it('adds the typed tag and empties the box', () => {
    const left = run(onTags(['VIP']), { type: 'insert', text: 'Buyer' }, { type: 'focusNext' })
    expect(left.values.tags).toEqual(['VIP', 'Buyer'])
    expect(left.tagBox).toEqual({ input: { value: '', cursor: 0 } })
  })
})
