import type { EditKind } from '../../text/line.js'
import type { FieldName, FormValue } from '../form.js'

/** Earlier values kept per field; older ones fall off. */
const UNDO_LIMIT = 200

type Stacks = Partial<Record<FieldName, readonly FormValue[]>>

/**
 * What undo can go back to: the earlier values of each field, newest last. Undo works on the
 * focused field, and a run of typing is one step. Redo fits beside `undo`: a `redo` stack per
 * field that `stepBack` pushes the replaced value onto and that a new edit clears.
 */
export interface History {
  undo: Stacks
  /** The edit the next one of the same kind joins. */
  run?: { field: FieldName; kind: EditKind }
}

export const emptyHistory: History = { undo: {} }

function pushed(stacks: Stacks, name: FieldName, value: FormValue): Stacks {
  return { ...stacks, [name]: [...(stacks[name] ?? []), value].slice(-UNDO_LIMIT) }
}

/**
 * Remember `previous` before `name` changes. Typing is undone a word at a time: a run of one kind
 * of edit is one step, and a space (`newWord`) or a replacement starts the next.
 */
export function recordEdit(
  history: History,
  name: FieldName,
  previous: FormValue,
  kind: EditKind,
  newWord = false,
): History {
  const joins = kind !== 'replace' && !newWord && history.run?.field === name && history.run.kind === kind
  return { undo: joins ? history.undo : pushed(history.undo, name, previous), run: { field: name, kind } }
}

/** Remember `previous` as a step of its own (a change the person did not type, e.g. a normalised phone). */
export function recordStep(history: History, name: FieldName, previous: FormValue): History {
  return { undo: pushed(history.undo, name, previous) }
}

/** The next edit starts a new step, even when it is of the same kind (the cursor moved, the field changed). */
export function endRun(history: History): History {
  return history.run ? { undo: history.undo } : history
}

/** The value `name` had before its last step, and the history without that step; `undefined` when there is none. */
export function stepBack(history: History, name: FieldName): { history: History; value: FormValue } | undefined {
  const stack = history.undo[name]
  if (!stack || stack.length === 0) return undefined
  return {
    value: stack[stack.length - 1] as FormValue,
    history: { undo: { ...history.undo, [name]: stack.slice(0, -1) } },
  }
}
