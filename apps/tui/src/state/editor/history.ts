import type { EditKind } from '../../text/line.js'
import type { FieldName, FormValue } from '../form.js'

/** Earlier values kept per field; older ones fall off. */
const UNDO_LIMIT = 200

type Stacks<K extends string, V> = Partial<Record<K, readonly V[]>>

/**
 * What undo can go back to, and redo forward to: the earlier (and undone) values of each field, newest last. Undo
 * works on the focused field, and a run of typing is one step. Any form can keep one: the contact editor's fields
 * hold text or tags, the activity form's text only.
 */
export interface History<K extends string = FieldName, V = FormValue> {
  undo: Stacks<K, V>
  /** Values undo replaced, for redo; a new edit of the field clears its own. */
  redo: Stacks<K, V>
  /** The edit the next one of the same kind joins. */
  run?: { field: K; kind: EditKind }
}

export const emptyHistory: History = { undo: {}, redo: {} }

/** An empty history of any form. */
export function newHistory<K extends string, V>(): History<K, V> {
  return { undo: {}, redo: {} }
}

function pushed<K extends string, V>(stacks: Stacks<K, V>, name: K, value: V): Stacks<K, V> {
  return { ...stacks, [name]: [...(stacks[name] ?? []), value].slice(-UNDO_LIMIT) }
}

function cleared<K extends string, V>(stacks: Stacks<K, V>, name: K): Stacks<K, V> {
  if (!stacks[name]) return stacks
  const copy = { ...stacks }
  delete copy[name]
  return copy
}

/**
 * Remember `previous` before `name` changes. Typing is undone a word at a time: a run of one kind
 * of edit is one step, and a space (`newWord`) or a replacement starts the next. What undo took back
 * of this field can no longer be redone.
 */
export function recordEdit<K extends string, V>(
  history: History<K, V>,
  name: K,
  previous: V,
  kind: EditKind,
  newWord = false,
): History<K, V> {
  const joins = kind !== 'replace' && !newWord && history.run?.field === name && history.run.kind === kind
  return {
    undo: joins ? history.undo : pushed(history.undo, name, previous),
    redo: cleared(history.redo, name),
    run: { field: name, kind },
  }
}

/** Remember `previous` as a step of its own (a change the person did not type, e.g. a normalised phone). */
export function recordStep<K extends string, V>(history: History<K, V>, name: K, previous: V): History<K, V> {
  return { undo: pushed(history.undo, name, previous), redo: cleared(history.redo, name) }
}

/** The next edit starts a new step, even when it is of the same kind (the cursor moved, the field changed). */
export function endRun<K extends string, V>(history: History<K, V>): History<K, V> {
  return history.run ? { undo: history.undo, redo: history.redo } : history
}

/**
 * The value `name` had before its last step, and the history without that step; `undefined` when there is none.
 * Given the field's `current` value, redo can bring it back.
 */
export function stepBack<K extends string, V>(
  history: History<K, V>,
  name: K,
  current?: V,
): { history: History<K, V>; value: V } | undefined {
  const stack = history.undo[name]
  if (!stack || stack.length === 0) return undefined
  return {
    value: stack[stack.length - 1] as V,
    history: {
      undo: { ...history.undo, [name]: stack.slice(0, -1) },
      redo: current === undefined ? history.redo : pushed(history.redo, name, current),
    },
  }
}

/** The value the last undo of `name` replaced, with `current` back on the undo stack; `undefined` when none. */
export function stepForward<K extends string, V>(
  history: History<K, V>,
  name: K,
  current: V,
): { history: History<K, V>; value: V } | undefined {
  const stack = history.redo[name]
  if (!stack || stack.length === 0) return undefined
  return {
    value: stack[stack.length - 1] as V,
    history: { undo: pushed(history.undo, name, current), redo: { ...history.redo, [name]: stack.slice(0, -1) } },
  }
}
