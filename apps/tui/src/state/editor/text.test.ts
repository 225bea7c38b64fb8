import { describe, expect, it } from 'vitest'
import { type FormValues, toForm } from '../form.js'
import { type EditorAction, editorReducer } from './editor.js'
import { createEditor, type EditorState } from './state.js'

const base: FormValues = toForm({ firstName: 'Ada', city: 'London', background: 'one two', stage: 'stage_lead' })
const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state)
const on = (field: 'city' | 'background' | 'price' | 'stage' | 'tags') =>
  run(createEditor({ contactId: 'jd79abc123def', title: 'Ada', base }), { type: 'focus', field })
const op = (name: Extract<EditorAction, { type: 'textOp' }>['op'], width = 80): EditorAction => ({
  type: 'textOp',
  op: name,
  width,
})

describe('typing into a field', () => {
  it('inserts at the cursor, which follows the text typed', () => {
    const s = run({ ...on('city'), cursor: 1 }, { type: 'insert', text: 'xy' })
    expect(s.values.city).toBe('Lxyondon')
    expect(s.cursor).toBe(3)
  })

  it('keeps line breaks in the background, and makes them spaces in a one-line field', () => {
    expect(run(on('background'), { type: 'insert', text: '\nthree' }).values.background).toBe('one two\nthree')
    expect(run(on('city'), { type: 'insert', text: '\nEngland' }).values.city).toBe('London England')
    expect(run(on('city'), { type: 'paste', text: 'a\r\nb' }).values.city).toBe('Londona b')
  })

  it('changes nothing when what is typed cleans to nothing', () => {
    const s = on('city')
    expect(run(s, { type: 'insert', text: '\u0007' })).toBe(s)
  })

  it('undoes a run of typing a word at a time: text that starts with a space starts a new step', () => {
    const s = run(on('city'), { type: 'textOp', op: 'deleteToStart', width: 80 })
    const typed = run(s, { type: 'insert', text: 'New' }, { type: 'insert', text: ' York' })
    expect(run(typed, { type: 'undo' }).values.city).toBe('New')
    const joined = run(s, { type: 'insert', text: 'New' }, { type: 'insert', text: 'a b' })
    expect(joined.values.city).toBe('Newa b')
    expect(run(joined, { type: 'undo' }).values.city).toBe('')
  })
})

describe('editing keys in a field', () => {
  it('moves the cursor without changing the text, and what is typed next is a new undo step', () => {
    const s = run(on('city'), { type: 'insert', text: 'ers' }, op('home'))
    expect(s.cursor).toBe(0)
    expect(s.values.city).toBe('Londoners')
    const typed = run(s, { type: 'insert', text: 'X' })
    expect(typed.values.city).toBe('XLondoners')
    expect(run(typed, { type: 'undo' }).values.city).toBe('Londoners')
  })

  it('deletes, and a run of deletions is one undo step', () => {
    const s = run(on('city'), op('deleteLeft'), op('deleteLeft'))
    expect(s.values.city).toBe('Lond')
    expect(s.cursor).toBe(4)
    expect(run(s, { type: 'undo' }).values.city).toBe('London')
  })

  it('ignores row moves in a one-line field', () => {
    const s = on('city')
    expect(run(s, op('up'))).toBe(s)
    expect(run(s, op('newline'))).toBe(s)
  })

  it('moves between rows of the background, wrapped at the width given', () => {
    const s = run(on('background'), op('up', 4))
    expect(s.cursor).toBe(3)
    expect(run({ ...s, cursor: 0 }, op('pageDown', 4)).cursor).toBe(4)
  })

  it('counts a new line as typing: it joins the run around it', () => {
    const s = run(on('background'), op('deleteToStart'))
    const typed = run(s, { type: 'insert', text: 'a' }, op('newline'), { type: 'insert', text: 'b' })
    expect(typed.values.background).toBe('a\nb')
    expect(typed.cursor).toBe(3)
    expect(run(typed, { type: 'undo' }).values.background).toBe('')
  })
})

describe('what gets the text cursor', () => {
  it('opens the stage picker when typing on the stage field, without changing the stage', () => {
    const s = run(on('stage'), { type: 'insert', text: 'hot' })
    expect(s.stagePicker).toEqual({ filter: 'hot', selected: 0 })
    expect(s.values.stage).toBe('stage_lead')
  })

  it('leaves the stage alone on editing keys while the picker is closed', () => {
    const s = on('stage')
    expect(run(s, op('deleteLeft'))).toBe(s)
  })

  it('edits the picker’s filter while it is open', () => {
    const s = run(on('stage'), { type: 'stageOpen', filter: 'hot' }, op('deleteLeft'))
    expect(s.stagePicker?.filter).toBe('ho')
    expect(s.values.stage).toBe('stage_lead')
  })

  it('types into the tags box, not the tags', () => {
    const s = run(on('tags'), { type: 'insert', text: 'Buy' }, op('left'), op('deleteLeft'))
    expect(s.tagBox.input).toEqual({ value: 'By', cursor: 1 })
    expect(s.values.tags).toEqual([])
  })

  it('ignores row moves in the tags box', () => {
    const s = run(on('tags'), { type: 'insert', text: 'Buy' })
    expect(run(s, op('up'))).toBe(s)
  })
})

describe('motions and undo', () => {
  it('adds no undo step for a motion', () => {
    const s = run(on('city'), { type: 'insert', text: 'ers' }, op('home'), { type: 'undo' })
    expect(s.values.city).toBe('London')
  })
})
