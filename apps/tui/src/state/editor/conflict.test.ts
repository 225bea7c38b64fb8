import { describe, expect, it } from 'vitest'
import { type FormValues, toForm } from '../form.js'
import { conflictReducer, findConflicts, rebase } from './conflict.js'
import { editorReducer } from './editor.js'
import { createEditor, type EditorState } from './state.js'

const base: FormValues = toForm({
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '+15551234567',
  price: 450000,
  tags: ['VIP', 'Hot Lead'],
  background: 'Met at the open house.',
})

describe('conflicts', () => {
  const theirs: FormValues = { ...base, firstName: 'Augusta', city: 'London', email: 'ada@new.example' }
  const mine: FormValues = { ...base, firstName: 'Ada M.', lastName: 'King', email: 'ada@new.example' }

  it('finds fields both sides changed to different values', () => {
    expect(findConflicts(base, mine, theirs).map((c) => c.field)).toEqual(['firstName'])
    expect(findConflicts(base, base, theirs)).toEqual([])
  })

  it('rebases a draft: their untouched changes come in, mine stay, choices decide conflicts', () => {
    const mineWins = rebase(base, mine, theirs)
    expect(mineWins).toMatchObject({ firstName: 'Ada M.', lastName: 'King', city: 'London' })
    const theirsWin = rebase(base, mine, theirs, { firstName: 'theirs' })
    expect(theirsWin.firstName).toBe('Augusta')
  })
})

describe('finding and resolving conflicts', () => {
  const theirs: FormValues = { ...base, firstName: 'Augusta', lastName: 'Byron', price: '500000', city: 'London' }
  const mine: FormValues = { ...base, firstName: 'Ada M.', lastName: 'Byron', price: '$450,000', city: 'Paris' }

  it('names each conflicting field with its three values, and none that only one side changed or both the same way', () => {
    expect(findConflicts(base, mine, theirs)).toEqual([
      { field: 'firstName', base: 'Ada', theirs: 'Augusta', mine: 'Ada M.' },
      { field: 'city', base: '', theirs: 'London', mine: 'Paris' },
    ])
    expect(findConflicts(base, { ...base, city: 'Paris' }, base)).toEqual([])
  })

  it('rebases onto their values: the price only I typed differently keeps their amount', () => {
    const out = rebase(base, mine, theirs, { city: 'mine', firstName: 'theirs' })
    expect(out).toMatchObject({ firstName: 'Augusta', lastName: 'Byron', price: '500000', city: 'Paris' })
    expect(out.tags).toBe(theirs.tags)
    const retagged = { ...mine, tags: ['VIP'] }
    const kept = rebase(base, retagged, theirs)
    expect(kept.tags).toEqual(['VIP'])
    expect(kept.tags).not.toBe(retagged.tags)
  })

  const editor = () => createEditor({ contactId: 'jd79abc123def', title: 'Ada', base, values: mine })
  const detected = () =>
    conflictReducer(editor(), { type: 'conflictDetected', theirs, conflicts: findConflicts(base, mine, theirs) })
  const conflictOf = (state: EditorState) => {
    if (state.save.phase !== 'conflict') throw new Error(`not a conflict: ${state.save.phase}`)
    return state.save.conflict
  }

  it('starts on the first row with my side chosen for every field', () => {
    expect(conflictOf(detected())).toMatchObject({ theirs, selected: 0, choices: { firstName: 'mine', city: 'mine' } })
  })

  it('moves between the rows, stopping at either end, and chooses a side for the highlighted one', () => {
    const move = (state: EditorState, delta: number) => conflictReducer(state, { type: 'conflictMove', delta })
    expect(conflictOf(move(detected(), 1)).selected).toBe(1)
    expect(conflictOf(move(detected(), 5)).selected).toBe(1)
    expect(conflictOf(move(move(detected(), 1), -3)).selected).toBe(0)
    const chosen = conflictReducer(move(detected(), 1), { type: 'conflictChoose', side: 'theirs' })
    expect(conflictOf(chosen).choices).toEqual({ firstName: 'mine', city: 'theirs' })
    const applied = conflictReducer(chosen, { type: 'conflictApply' })
    expect(applied.save).toEqual({ phase: 'review' })
    expect(applied.base).toBe(theirs)
    expect(applied.values).toMatchObject({ firstName: 'Ada M.', city: 'London' })
  })

  it('does nothing to an editor that is not resolving a conflict', () => {
    const s = editor()
    for (const action of [
      { type: 'conflictMove', delta: 1 },
      { type: 'conflictChoose', side: 'theirs' },
      { type: 'conflictApply' },
    ] as const) {
      expect(conflictReducer(s, action), action.type).toBe(s)
    }
  })

  it('chooses nothing when there is no row', () => {
    const empty = conflictReducer(editor(), { type: 'conflictDetected', theirs, conflicts: [] })
    expect(conflictOf(empty).selected).toBe(0)
    const chosen = conflictReducer(empty, { type: 'conflictChoose', side: 'theirs' })
    expect(conflictOf(chosen).choices).toEqual({})
  })

  it('ends the run of typing: what is typed after resolving is a new undo step', () => {
    const typed = editorReducer({ ...editor(), focus: 'city', cursor: 5 }, { type: 'insert', text: 'X' })
    const resolved = conflictReducer(conflictReducer(typed, { type: 'conflictDetected', theirs, conflicts: [] }), {
      type: 'conflictApply',
    })
    const more = editorReducer({ ...resolved, save: { phase: 'editing' } }, { type: 'insert', text: 'Y' })
    expect(more.values.city).toBe('ParisXY')
    expect(editorReducer(more, { type: 'undo' }).values.city).toBe('ParisX')
  })
})

describe('the conflict screen through the editor', () => {
  it('moves its highlight', () => {
    const theirs: FormValues = { ...base, firstName: 'Augusta', city: 'London' }
    const mine: FormValues = { ...base, firstName: 'Ada M.', city: 'Paris' }
    const s = editorReducer(
      editorReducer(createEditor({ contactId: 'jd79abc123def', title: 'Ada', base, values: mine }), {
        type: 'conflictDetected',
        theirs,
        conflicts: findConflicts(base, mine, theirs),
      }),
      { type: 'conflictMove', delta: 1 },
    )
    expect(s.save.phase === 'conflict' && s.save.conflict.selected).toBe(1)
  })
})
