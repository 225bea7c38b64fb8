import { render } from 'ink-testing-library'
import { expect, it } from 'vitest'
import { Greeting } from './greeting.js'

it('renders', () => {
  expect(render(<Greeting name="Ada" />).lastFrame()).toContain('Hello, Ada')
})
