import { describe, expect, it } from 'vitest'
import type { StageOption } from '../contacts/rows.js'
import { type FormValues, toForm } from '../form.js'
import { type EditorAction, editorReducer } from './editor.js'
import { pickerRows } from './stage-picker.js'
import { createEditor, type EditorState } from './state.js'

const stages: StageOption[] = [
  { id: 'stage_lead', name: 'Lead' },
  { id: 'stage_hot', name: 'Hot prospect' },
  { id: 'stage_won', name: 'Closed' },
]
const base: FormValues = toForm({ firstName: 'Ada', stage: 'stage_lead' })
const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state)
const onStage = () =>
  run(createEditor({ contactId: 'jd79abc123def', title: 'Ada', base }), { type: 'focus', field: 'stage' })
const open = (filter?: string) =>
  run(onStage(), filter === undefined ? { type: 'stageOpen' } : { type: 'stageOpen', filter })

describe('the stage picker’s rows', () => {
  it('are every stage seen while nothing is typed', () => {
    expect(pickerRows('', stages)).toEqual(stages)
    expect(pickerRows('  ', stages)).toEqual(stages)
  })

  it('are the stages whose id or name holds the filter, in any case, then the typed id itself', () => {
    expect(pickerRows('HOT', stages)).toEqual([stages[1], { id: 'HOT', name: 'use this id', typed: true }])
    expect(pickerRows('clos', stages).map((row) => row.id)).toEqual(['stage_won', 'clos'])
    expect(pickerRows('stage', stages).map((row) => row.id)).toEqual(['stage_lead', 'stage_hot', 'stage_won', 'stage'])
  })

  it('do not offer a typed id that is a stage already', () => {
    expect(pickerRows(' stage_hot ', stages)).toEqual([stages[1]])
  })
})

describe('the stage picker', () => {
  it('opens with nothing typed, or with the text typed on the field, spaces folded', () => {
    expect(open().stagePicker).toEqual({ filter: '', selected: 0 })
    expect(open('  Hot\t  pro').stagePicker).toEqual({ filter: 'Hot pro', selected: 0 })
  })

  it('moves the highlight within its rows', () => {
    const s = open()
    expect(run(s, { type: 'stageMove', delta: 1, options: stages }).stagePicker?.selected).toBe(1)
    expect(run(s, { type: 'stageMove', delta: 5, options: stages }).stagePicker?.selected).toBe(2)
    expect(run(s, { type: 'stageMove', delta: -1, options: stages }).stagePicker?.selected).toBe(0)
    expect(run(s, { type: 'stageMove', delta: 1, options: [] }).stagePicker?.selected).toBe(0)
  })

  it('sets the highlighted stage and closes', () => {
    const s = run(open(), { type: 'stageMove', delta: 1, options: stages }, { type: 'stageChoose', options: stages })
    expect(s.values.stage).toBe('stage_hot')
    expect(s.stagePicker).toBeUndefined()
  })

  it('sets a typed id the data has not shown', () => {
    const s = run(open('stage_new'), { type: 'stageChoose', options: stages })
    expect(s.values.stage).toBe('stage_new')
  })

  it('closes without a change when there is no row to choose', () => {
    const s = run(open(), { type: 'stageChoose', options: [] })
    expect(s.stagePicker).toBeUndefined()
    expect(s.values.stage).toBe('stage_lead')
  })

  it('closes with Esc, leaving the stage as it was', () => {
    const s = run(open('hot'), { type: 'stageClose' })
    expect(s.stagePicker).toBeUndefined()
    expect(s.values.stage).toBe('stage_lead')
  })

  it('ignores moves and choices while closed', () => {
    const s = onStage()
    expect(run(s, { type: 'stageMove', delta: 1, options: stages })).toBe(s)
    expect(run(s, { type: 'stageChoose', options: stages })).toBe(s)
  })

  it('filters as more is typed, from the top again', () => {
    const s = run(open('h'), { type: 'stageMove', delta: 1, options: stages }, { type: 'insert', text: 'ot  p' })
    expect(s.stagePicker).toEqual({ filter: 'hot p', selected: 0 })
  })

  it('edits its filter only backwards, from the end, and from the top again', () => {
    const s = run(open('hot pro'), { type: 'stageMove', delta: 1, options: stages })
    const edit = (op: Extract<EditorAction, { type: 'textOp' }>['op']) =>
      run(s, { type: 'textOp', op, width: 80 }).stagePicker
    expect(edit('deleteLeft')).toEqual({ filter: 'hot pr', selected: 0 })
    expect(edit('deleteWordLeft')).toEqual({ filter: 'hot ', selected: 0 })
    expect(edit('deleteToStart')).toEqual({ filter: '', selected: 0 })
    for (const op of ['left', 'home', 'deleteRight', 'deleteToEnd', 'up'] as const) {
      expect(run(s, { type: 'textOp', op, width: 80 }), op).toBe(s)
    }
  })
})

describe('the stage picker, more', () => {
  it('offers a typed id without the spaces after it', () => {
    expect(pickerRows('new ', stages).at(-1)).toEqual({ id: 'new', name: 'use this id', typed: true })
  })

  it('makes each choice an undo step of its own', () => {
    const choose = (state: EditorState, delta: number) =>
      run(
        state,
        { type: 'stageOpen' },
        { type: 'stageMove', delta, options: stages },
        { type: 'stageChoose', options: stages },
      )
    const twice = choose(choose(onStage(), 1), 2)
    expect(twice.values.stage).toBe('stage_won')
    expect(run(twice, { type: 'undo' }).values.stage).toBe('stage_hot')
  })
})
