import type { MultilineOp } from '../../text/multiline.js'
import { inputOf } from '../field-input.js'
import { type ConflictAction, conflictReducer } from './conflict.js'
import { type CreateAction, createReducer } from './create.js'
import { type FocusAction, focusReducer } from './focus.js'
import { type SaveAction, saveReducer } from './save.js'
import { editPickerText, insertPickerText, type StagePickerAction, stagePickerReducer } from './stage-picker.js'
import type { EditorState } from './state.js'
import { editTagText, insertTagText, pasteTagText, type TagsAction, tagsReducer } from './tags.js'
import { editText, insertText } from './text.js'
import { type ValuesAction, valuesReducer } from './values.js'

/** Typing and text editing: they go to whatever has the text cursor (see `typingTarget`). */
export type TypingAction =
  | { type: 'insert'; text: string }
  /** A bracketed paste: in the tags box every comma- or line-separated tag of it is added. */
  | { type: 'paste'; text: string }
  | { type: 'textOp'; op: MultilineOp; width: number; pageRows?: number }

export type EditorAction =
  | ValuesAction
  | TypingAction
  | TagsAction
  | StagePickerAction
  | FocusAction
  | SaveAction
  | ConflictAction
  | CreateAction

/** What has the text cursor: the stage picker (open, or opened by typing on the stage field), the tag box, or the field. */
function typingTarget(state: EditorState): 'picker' | 'tags' | 'field' {
  const input = inputOf(state.focus)
  if (state.stagePicker || input === 'stage') return 'picker'
  return input === 'tags' ? 'tags' : 'field'
}

/** The editor of one contact; each concern has its own reducer, this one hands each action to its concern. */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'edit':
    case 'undo':
    case 'redo':
    case 'revert':
      return valuesReducer(state, action)
    case 'insert':
    case 'paste': {
      const target = typingTarget(state)
      if (target === 'picker') return insertPickerText(state, action.text)
      if (target === 'field') return insertText(state, action.text)
      return action.type === 'paste' ? pasteTagText(state, action.text) : insertTagText(state, action.text)
    }
    case 'textOp': {
      const target = typingTarget(state)
      if (target === 'picker') return editPickerText(state, action.op)
      return target === 'tags'
        ? editTagText(state, action.op)
        : editText(state, action.op, action.width, action.pageRows)
    }
    case 'tagAdd':
    case 'tagRemove':
    case 'tagSelect':
      return tagsReducer(state, action)
    case 'stageOpen':
    case 'stageMove':
    case 'stageChoose':
    case 'stageClose':
      return stagePickerReducer(state, action)
    case 'focus':
    case 'focusNext':
    case 'focusPrevious':
      return focusReducer(state, action)
    case 'review':
    case 'back':
    case 'saveStarted':
    case 'saveSucceeded':
    case 'saveFailed':
    case 'saveRejected':
      return saveReducer(state, action)
    case 'conflictDetected':
    case 'conflictMove':
    case 'conflictChoose':
    case 'conflictApply':
      return conflictReducer(state, action)
    case 'lookupStarted':
    case 'lookupFinished':
    case 'lookupFailed':
    case 'createSending':
    case 'createSucceeded':
      return createReducer(state, action)
  }
}
