import { render } from 'ink-testing-library'
import { describe, expect, it } from 'vitest'
import { withTheme } from '../../../test/support/screens.js'
import { HintBar } from './HintBar.js'

describe('hint bar', () => {
  it('shows chords instead of printable keys while typing', () => {
    expect(render(withTheme(<HintBar contexts={['list', 'global']} width={100} />, false)).lastFrame()).toContain(
      '? help',
    )
    expect(
      render(withTheme(<HintBar contexts={['editor', 'global']} width={100} typing />, false)).lastFrame(),
    ).toContain('Ctrl+/ help')
  })

  it('drops hints that do not fit', () => {
    const frame = render(withTheme(<HintBar contexts={['editor', 'global']} width={30} />, false)).lastFrame() ?? ''
    expect(frame.length).toBeLessThanOrEqual(30)
  })
})
