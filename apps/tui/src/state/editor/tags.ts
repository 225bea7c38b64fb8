import { contactField } from '@cc/schema'
import { applyLineOp, insertLine, type LineState } from '../../text/line.js'
import { isLineOp, type MultilineOp } from '../../text/multiline.js'
import type { EditorState } from './state.js'
import { setValue } from './values.js'

/** The tags field's own box: the tag being typed, the highlighted tag, and why the last one was refused. */
export interface TagBox {
  /** The tag being typed, not yet added. */
  input: LineState
  /** The highlighted tag (for removal), when the box is empty and ←/→ were used. */
  selected?: number
  /** A transient problem with the tag being added ("already there"). */
  problem?: string
}

export const emptyTagBox: TagBox = { input: { value: '', cursor: 0 } }

export type TagsAction = { type: 'tagAdd' } | { type: 'tagRemove' } | { type: 'tagSelect'; delta: number }

export function tagsReducer(state: EditorState, action: TagsAction): EditorState {
  switch (action.type) {
    case 'tagAdd':
      return addTag(state)
    case 'tagRemove':
      return removeTag(state)
    case 'tagSelect': {
      const tags = state.values.tags
      if (state.tagBox.input.value !== '' || tags.length === 0) return state
      const last = tags.length - 1
      const from = state.tagBox.selected ?? (action.delta < 0 ? last + 1 : -1)
      const index = from + action.delta
      return { ...state, tagBox: { ...state.tagBox, selected: index < 0 || index > last ? undefined : index } }
    }
  }
}

/**
 * Typing goes into the box (one line), and ends any highlight or refusal. A comma in the text commits what comes
 * before it, as the comma key does: text that arrives as keys (a paste without bracketed paste) adds its tags too.
 */
export function insertTagText(state: EditorState, text: string): EditorState {
  const typed = { ...state, tagBox: { input: insertLine(state.tagBox.input, text) } }
  return typed.tagBox.input.value.includes(',') ? commitTyped(typed, true) : typed
}

/** A paste adds every tag in it, as one undo step: `VIP, Relocating, Pool` (or one per line) is three tags. */
export function pasteTagText(state: EditorState, text: string): EditorState {
  const input = insertLine(state.tagBox.input, text.replace(/\r\n|[\r\n\t]/g, ','))
  return commitTyped({ ...state, tagBox: { input } }, false)
}

export function editTagText(state: EditorState, op: MultilineOp): EditorState {
  if (!isLineOp(op)) return state
  return { ...state, tagBox: { ...state.tagBox, input: applyLineOp(state.tagBox.input, op), problem: undefined } }
}

/**
 * Leaving the field adds the tag still in the box when it is valid. A tag it refuses stays in the box with the
 * reason, shown under the field, until it is fixed or cleared: typed text is never dropped silently.
 */
export function leaveTags(state: EditorState): EditorState {
  // A blank box adds nothing and is emptied below.
  const committed = addTag(state)
  if (committed.tagBox.problem) return { ...committed, tagBox: { ...committed.tagBox, selected: undefined } }
  return { ...committed, tagBox: emptyTagBox }
}

/** Why `tag` cannot be added to `tags`, in the schema's limits; `undefined` when it can. */
export function tagProblem(tags: readonly string[], tag: string): string | undefined {
  const meta = contactField('tags')
  let problem: string | undefined
  if (tags.some((existing) => existing.toLowerCase() === tag.toLowerCase())) {
    problem = `${meta.label}: "${tag}" is already there`
  } else if (meta.maxItems !== undefined && tags.length >= meta.maxItems) {
    problem = `${meta.label}: at most ${meta.maxItems} tags (remove one first)`
  } else if (meta.itemMaxLength !== undefined && tag.length > meta.itemMaxLength) {
    problem = `${meta.label}: a tag can be at most ${meta.itemMaxLength} characters (you have ${tag.length})`
  } else if (tag.includes(',')) {
    problem = `${meta.label}: a tag cannot contain a comma`
  }
  return problem
}

/** Add the typed tag (or the tags, when commas separate several), if valid and new; otherwise say why under the field. */
function addTag(state: EditorState): EditorState {
  if (state.tagBox.input.value.includes(',')) return commitTyped(state, false)
  const tag = state.tagBox.input.value.trim()
  if (!tag) return state
  const problem = tagProblem(state.values.tags, tag)
  if (problem) return { ...state, tagBox: { ...state.tagBox, problem } }
  return { ...setValue(state, 'tags', [...state.values.tags, tag], 'replace'), tagBox: emptyTagBox }
}

/**
 * Commit the comma-separated tags typed in the box, in order, as one undo step. A tag already there is skipped (it
 * is there: nothing is lost). The first one refused for another reason stops the run: it and those after it stay
 * in the box with the reason. `keepLast` leaves the text after the last comma in the box, still being typed.
 */
function commitTyped(state: EditorState, keepLast: boolean): EditorState {
  const pieces = state.tagBox.input.value.split(',')
  // Stryker disable next-line StringLiteral: splitting a text always gives at least one piece, so pop never comes back empty-handed
  const typing = keepLast ? (pieces.pop() ?? '') : ''
  const tags = [...state.values.tags]
  // Stryker disable next-line ArrayDeclaration: rest is only read after a refusal, which sets it
  let rest: string[] = []
  let problem: string | undefined
  for (const [i, piece] of pieces.entries()) {
    const tag = piece.trim()
    if (!tag || tags.some((existing) => existing.toLowerCase() === tag.toLowerCase())) continue
    problem = tagProblem(tags, tag)
    if (problem) {
      rest = pieces.slice(i).map((p) => p.trim())
      break
    }
    tags.push(tag)
  }
  const added = tags.length === state.values.tags.length ? state : setValue(state, 'tags', tags, 'replace')
  if (problem) {
    const value = [...rest, ...(keepLast ? [typing] : [])].filter((p) => p !== '').join(', ')
    return { ...added, tagBox: { input: { value, cursor: value.length }, problem } }
  }
  const value = typing.trimStart()
  return { ...added, tagBox: { input: { value, cursor: value.length } } }
}

/** Remove the highlighted tag, or the last one; only while nothing is typed in the box. */
function removeTag(state: EditorState): EditorState {
  const tags = state.values.tags
  const { selected } = state.tagBox
  if (state.tagBox.input.value !== '' || tags.length === 0) return state
  const index = selected ?? tags.length - 1
  const removed = setValue(
    state,
    'tags',
    tags.filter((_, i) => i !== index),
    'replace',
  )
  const remaining = tags.length - 1
  return {
    ...removed,
    tagBox: {
      ...removed.tagBox,
      selected: selected === undefined || remaining === 0 ? undefined : Math.min(index, remaining - 1),
    },
  }
}
