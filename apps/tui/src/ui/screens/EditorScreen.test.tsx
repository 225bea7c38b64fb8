import { render } from 'ink-testing-library'
import { describe, expect, it } from 'vitest'
import { editedEditor, withTheme } from '../../../test/support/screens.js'
import { EditorScreen } from './EditorScreen.js'

describe('editor screen', () => {
  it('marks the changed field with * and puts the schema error under it, without relying on colour', () => {
    const { lastFrame } = render(
      withTheme(<EditorScreen editor={editedEditor} stages={[]} width={100} height={30} />, false),
    )
    const frame = lastFrame() ?? ''
    expect(frame).toMatch(/› Email\*\s+nope/)
    expect(frame).toContain('✗ Email: must be a valid email address')
    expect(frame).toContain('── Background')
    expect(frame).toContain('5/5000')
  })
})
