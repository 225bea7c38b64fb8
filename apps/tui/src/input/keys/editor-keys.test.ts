import { describe, expect, it } from 'vitest'
import { one } from '../../../test/support/keys.js'
import { editorReducer } from '../../state/editor/editor.js'
import { createEditor } from '../../state/editor/state.js'
import { emptyForm } from '../../state/form.js'
import { editorKeys } from './editor-keys.js'

describe('editor keys that must not collide with typing', () => {
  it('types d and a in the editor, and starts a chord with Ctrl+X, whatever field has focus', () => {
    const layout = { multilineWidth: 40, multilineRows: 5 }
    let state = createEditor({ contactId: 'jd79abc123def', title: 'Ada', base: emptyForm() })
    for (const field of ['firstName', 'tags', 'stage', 'background'] as const) {
      state = editorReducer(state, { type: 'focus', field })
      expect(editorKeys(one('x', { ctrl: true }), state, layout, [])).toEqual([
        { type: 'chordStart', prefix: 'ctrl+x', context: 'editor' },
      ])
      expect(editorKeys(one('y', { ctrl: true }), state, layout, [])).toEqual([
        { type: 'editor', action: { type: 'redo' } },
      ])
    }
    state = editorReducer(state, { type: 'focus', field: 'firstName' })
    expect(editorKeys(one('d'), state, layout, [])).toEqual([{ type: 'editor', action: { type: 'insert', text: 'd' } }])
  })
})
