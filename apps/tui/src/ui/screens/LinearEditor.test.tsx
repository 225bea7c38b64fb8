import { render } from 'ink-testing-library'
import { describe, expect, it } from 'vitest'
import { editedEditor, withTheme } from '../../../test/support/screens.js'
import { LinearEditor } from './LinearEditor.js'

describe('editor screen', () => {
  it('has a linear layout for screen readers', () => {
    const { lastFrame } = render(withTheme(<LinearEditor editor={editedEditor} />, false))
    expect(lastFrame()).toContain('Field 3 of 14: Email. Value: nope. Changed.')
    expect(lastFrame()).toContain('1 unsaved change.')
  })
})
