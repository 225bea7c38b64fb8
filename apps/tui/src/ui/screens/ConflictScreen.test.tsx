import { describe, expect, it } from 'vitest'
import { base, linear, reviewing } from '../../../test/support/screens.js'
import { findConflicts } from '../../state/editor/conflict.js'
import { editorReducer } from '../../state/editor/editor.js'
import { ConflictScreen, LinearConflict } from './ConflictScreen.js'

describe('linear layout (INK_SCREEN_READER)', () => {
  it('reads a conflict as the highlighted field in full, then every choice', () => {
    const mine = { ...base, firstName: 'Mine', city: 'Mytown' }
    const theirs = { ...base, firstName: 'Theirs', city: 'Theirtown' }
    const editor = reviewing(
      { type: 'saveStarted' },
      { type: 'conflictDetected', theirs, conflicts: findConflicts(base, mine, theirs) },
    )
    if (editor.save.phase !== 'conflict') throw new Error('expected a conflict')
    const conflict = editor.save.conflict
    const frame = linear(<LinearConflict conflict={conflict} />)
    expect(frame).toContain('Conflict: someone changed this contact since you opened it. 2 fields were changed')
    expect(frame).toContain(
      'Field 1 of 2: First name. When you opened it: "Ada". Theirs: "Theirs". Mine: "Mine". Keeping mine.',
    )
    expect(frame).toContain('Choices: First name, mine; City, mine.')
    const chosen = editorReducer(editor, { type: 'conflictChoose', side: 'theirs' })
    if (chosen.save.phase !== 'conflict') throw new Error('expected a conflict')
    expect(linear(<LinearConflict conflict={chosen.save.conflict} />)).toContain(
      'Choices: First name, theirs; City, mine.',
    )
    // The full-screen layout draws the same conflict as columns with ○/● markers instead.
    expect(linear(<ConflictScreen conflict={conflict} height={20} />)).toContain('● mine    Mine')
  })
})
