import { keymap } from '../../keys/keymap.js'
import type { KeyPress } from '../../keys/keypress.js'
import { commandFor } from '../../keys/match.js'
import type { StageOption } from '../../state/contacts/rows.js'
import type { EditorState } from '../../state/editor/state.js'
import { type FieldInput, inputOf } from '../../state/field-input.js'
import { globalKeys, textOpFor } from './common.js'
import { editorIntent as editor, type Intent } from './intents.js'
import { multilineKey } from './multiline-keys.js'

/** The geometry of the multi-line box, for moving by visual rows. */
export interface EditorLayout {
  multilineWidth: number
  multilineRows: number
}

/**
 * Keys a field's own input takes before the editor's keys, by kind of input. `undefined` lets the
 * key through to the text keys (not on the stage field), then the editor's, then typing.
 */
type FieldKeys = (key: KeyPress, state: EditorState, layout: EditorLayout) => Intent[] | undefined

const fieldKeys: Partial<Record<FieldInput, FieldKeys>> = {
  multiline(key, state, layout) {
    const value = state.values[state.focus]
    const move = multilineKey(
      key,
      { value: typeof value === 'string' ? value : '', cursor: state.cursor },
      layout.multilineWidth,
    )
    if (move === 'leaveUp') return [editor({ type: 'focusPrevious' })]
    if (move === 'leaveDown') return [editor({ type: 'focusNext' })]
    if (move === undefined) return undefined
    return [editor({ type: 'textOp', op: move, width: layout.multilineWidth, pageRows: layout.multilineRows })]
  },
  tags(key, state) {
    // Enter and the arrows work on the tag box only where they mean something there.
    const empty = state.tagBox.input.value === ''
    switch (commandFor('tags', key)) {
      case 'tags.add':
        return !empty || key.text === ',' ? [editor({ type: 'tagAdd' })] : undefined
      case 'tags.removeLast':
        return empty ? [editor({ type: 'tagRemove' })] : undefined
      case 'tags.selectLeft':
        return empty ? [editor({ type: 'tagSelect', delta: -1 })] : undefined
      case 'tags.selectRight':
        return empty ? [editor({ type: 'tagSelect', delta: 1 })] : undefined
      default:
        return undefined
    }
  },
  stage(key) {
    return commandFor('stage', key) === 'stage.open' ? [editor({ type: 'stageOpen' })] : undefined
  },
}

/** While the stage picker is open it has every key but the global ones: nothing else is reachable. */
function stagePickerKeys(key: KeyPress, layout: EditorLayout, stages: readonly StageOption[]): Intent[] {
  switch (commandFor('stagePicker', key)) {
    case 'stage.up':
      return [editor({ type: 'stageMove', delta: -1, options: stages })]
    case 'stage.down':
      return [editor({ type: 'stageMove', delta: 1, options: stages })]
    case 'stage.choose':
      return [editor({ type: 'stageChoose', options: stages })]
    case 'stage.cancel':
      return [editor({ type: 'stageClose' })]
  }
  const op = textOpFor(key)
  if (op) return [editor({ type: 'textOp', op, width: layout.multilineWidth })]
  if (key.text) return [editor({ type: 'insert', text: key.text })]
  return []
}

/** The editor: the focused field's own keys, text editing, the editor's commands, then typing. */
export function editorKeys(
  key: KeyPress,
  state: EditorState,
  layout: EditorLayout,
  stages: readonly StageOption[],
): Intent[] {
  const global = globalKeys(key, false)
  if (global) return global
  if (state.stagePicker) return stagePickerKeys(key, layout, stages)

  const input = inputOf(state.focus)
  const own = fieldKeys[input]?.(key, state, layout)
  if (own) return own
  // The stage field has no text of its own: typing there opens the picker instead.
  const op = input === 'stage' ? undefined : textOpFor(key)
  if (op) return [editor({ type: 'textOp', op, width: layout.multilineWidth, pageRows: layout.multilineRows })]

  switch (commandFor('editor', key)) {
    case 'editor.next':
      return [editor({ type: 'focusNext' })]
    case 'editor.previous':
      return [editor({ type: 'focusPrevious' })]
    case 'editor.review':
      return [{ type: 'review' }]
    case 'editor.undo':
      return [editor({ type: 'undo' })]
    case 'editor.redo':
      return [editor({ type: 'redo' })]
    case 'editor.chord':
      return [{ type: 'chordStart', prefix: keymap['editor.chord'].keys[0], context: 'editor' }]
    case 'editor.revert':
      return [editor({ type: 'revert' })]
    case 'editor.externalEditor':
      return [{ type: 'externalEditor' }]
    case 'editor.back':
      return [{ type: 'leaveEditor' }]
  }

  if (key.text) return [editor({ type: 'insert', text: key.text })]
  return []
}
