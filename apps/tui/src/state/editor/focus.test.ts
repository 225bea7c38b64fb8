import { describe, expect, it } from 'vitest'
import { type FormValues, fieldNames, toForm } from '../form.js'
import { type EditorAction, editorReducer } from './editor.js'
import { createEditor, type EditorState } from './state.js'

const base: FormValues = toForm({ firstName: 'Ada', phone: '555 123 4567', city: 'London', background: 'Met' })
const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state)
const editor = () => createEditor({ contactId: 'jd79abc123def', title: 'Ada', base })
const onPhone = (value: string) =>
  run(editor(), { type: 'focus', field: 'phone' }, { type: 'edit', field: 'phone', value, kind: 'replace' })

describe('moving the focus', () => {
  it('goes through the fields in form order, round from the last to the first and back', () => {
    let s = editor()
    const seen = [s.focus]
    for (let i = 1; i < fieldNames.length; i++) {
      s = run(s, { type: 'focusNext' })
      seen.push(s.focus)
    }
    expect(seen).toEqual(fieldNames)
    expect(run(s, { type: 'focusNext' }).focus).toBe('firstName')
    expect(run(editor(), { type: 'focusPrevious' }).focus).toBe('background')
    expect(run(editor(), { type: 'focusNext' }, { type: 'focusPrevious' }).focus).toBe('firstName')
  })

  it('puts the cursor at the end of the field it moves to', () => {
    expect(run(editor(), { type: 'focus', field: 'city' }).cursor).toBe('London'.length)
    expect(run(editor(), { type: 'focus', field: 'tags' }).cursor).toBe(0)
  })

  it('stays put, cursor and all, when asked to focus the field it is on', () => {
    const s = run(editor(), { type: 'focus', field: 'city' }, { type: 'textOp', op: 'home', width: 80 })
    expect(run(s, { type: 'focus', field: 'city' })).toBe(s)
  })

  it('closes the stage picker', () => {
    const s = run(editor(), { type: 'focus', field: 'stage' }, { type: 'stageOpen' })
    expect(s.stagePicker).toBeDefined()
    expect(run(s, { type: 'focusNext' }).stagePicker).toBeUndefined()
  })

  it('ends the run of typing: coming back and typing more is a new undo step', () => {
    const s = run(
      editor(),
      { type: 'focus', field: 'city' },
      { type: 'insert', text: 'ers' },
      { type: 'focus', field: 'street' },
      { type: 'focus', field: 'city' },
      { type: 'insert', text: 'X' },
    )
    expect(s.values.city).toBe('LondonersX')
    expect(run(s, { type: 'undo' }).values.city).toBe('Londoners')
  })
})

describe('leaving the phone field', () => {
  it('normalises a changed number as a step of its own, and says so', () => {
    const s = run(onPhone('(555) 987-6543'), { type: 'focusNext' })
    expect(s.values.phone).toBe('+15559876543')
    expect(s.notices).toEqual({ phone: 'Normalised from (555) 987-6543' })
    const back = run(s, { type: 'focus', field: 'phone' }, { type: 'undo' })
    expect(back.values.phone).toBe('(555) 987-6543')
    expect(run(back, { type: 'undo' }).values.phone).toBe('555 123 4567')
  })

  it('leaves the number as it came from the server, an empty one, and one already normalised', () => {
    for (const value of ['555 123 4567', '', '   ', '+15559876543']) {
      const s = run(onPhone(value), { type: 'focusNext' })
      expect(s.values.phone, value).toBe(value)
      expect(s.notices, value).toEqual({})
    }
  })

  it('leaves other fields as typed', () => {
    const s = run(
      editor(),
      { type: 'focus', field: 'city' },
      { type: 'edit', field: 'city', value: ' 555 987 6543 ', kind: 'replace' },
      { type: 'focusNext' },
    )
    expect(s.values.city).toBe(' 555 987 6543 ')
    expect(s.notices).toEqual({})
  })
})
