import { type FieldName, type FormValues, fieldNames, sameValue } from '../form.js'
import { endRun } from './history.js'
import type { EditorState } from './state.js'

export type Side = 'theirs' | 'mine'

/** One field both sides changed, differently, since the draft's base was read. */
export interface FieldConflict {
  field: FieldName
  base: FormValues[FieldName]
  theirs: FormValues[FieldName]
  mine: FormValues[FieldName]
}

/** The conflict screen: the server's values, the conflicting fields and the side chosen for each. */
export interface ConflictState {
  /** The server's current values. */
  theirs: FormValues
  conflicts: FieldConflict[]
  choices: Partial<Record<FieldName, Side>>
  /** Index into `conflicts` of the highlighted row. */
  selected: number
}

export type ConflictAction =
  | { type: 'conflictDetected'; theirs: FormValues; conflicts: FieldConflict[] }
  | { type: 'conflictMove'; delta: number }
  | { type: 'conflictChoose'; side: Side }
  | { type: 'conflictApply' }

/** Fields changed on the server and in the draft, to different values. */
export function findConflicts(base: FormValues, mine: FormValues, theirs: FormValues): FieldConflict[] {
  return fieldNames
    .filter(
      (name) =>
        !sameValue(name, base[name], mine[name]) &&
        !sameValue(name, base[name], theirs[name]) &&
        !sameValue(name, mine[name], theirs[name]),
    )
    .map((name) => ({ field: name, base: base[name], theirs: theirs[name], mine: mine[name] }))
}

/**
 * Move a draft onto the server's current values: fields the draft did not touch take their value,
 * fields only the draft changed keep it, and conflicting fields take the chosen side (mine when no
 * choice was made). The result's base is `theirs`, so the next patch holds only my changes.
 */
export function rebase(
  base: FormValues,
  mine: FormValues,
  theirs: FormValues,
  choices: Partial<Record<FieldName, Side>> = {},
): FormValues {
  const out = { ...mine, tags: [...mine.tags] } as Record<FieldName, FormValues[FieldName]>
  for (const name of fieldNames) {
    const mineChanged = !sameValue(name, base[name], mine[name])
    if (!mineChanged || choices[name] === 'theirs') out[name] = theirs[name]
  }
  return out as FormValues
}

function startConflict(theirs: FormValues, conflicts: FieldConflict[]): ConflictState {
  return { theirs, conflicts, choices: Object.fromEntries(conflicts.map((c) => [c.field, 'mine'])), selected: 0 }
}

function updateConflict(state: EditorState, update: (c: ConflictState) => ConflictState): EditorState {
  if (state.save.phase !== 'conflict') return state
  return { ...state, save: { phase: 'conflict', conflict: update(state.save.conflict) } }
}

/** Choosing a side per conflicting field, then moving the draft onto the server's values. */
export function conflictReducer(state: EditorState, action: ConflictAction): EditorState {
  switch (action.type) {
    case 'conflictDetected':
      return { ...state, save: { phase: 'conflict', conflict: startConflict(action.theirs, action.conflicts) } }
    case 'conflictMove':
      return updateConflict(state, (c) => ({
        ...c,
        selected: Math.max(0, Math.min(c.conflicts.length - 1, c.selected + action.delta)),
      }))
    case 'conflictChoose':
      return updateConflict(state, (c) => {
        const row = c.conflicts[c.selected]
        return row ? { ...c, choices: { ...c.choices, [row.field]: action.side } } : c
      })
    case 'conflictApply': {
      if (state.save.phase !== 'conflict') return state
      const { theirs, choices } = state.save.conflict
      return {
        ...state,
        base: theirs,
        values: rebase(state.base, state.values, theirs, choices),
        history: endRun(state.history),
        save: { phase: 'review' },
      }
    }
  }
}
