import { stripVTControlCharacters } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, renderApp } from '../../test/support/render.js'
import { createWorld, type TestWorld } from '../../test/support/sandbox.js'
import { startConnecting } from '../services/connect.js'
import type { Session } from '../services/session.js'
import { App } from './App.js'

let world: TestWorld
let ui: Harness | undefined
beforeEach(async () => {
  world = await createWorld()
})
afterEach(async () => {
  ui?.unmount()
  ui = undefined
  await world.close()
})

function renderStartup(open: () => Promise<Session>, opened: Session[] = []) {
  const firstAttempt = startConnecting(open, { sandbox: false })
  const render = () =>
    renderApp(
      <App
        firstAttempt={firstAttempt}
        connect={open}
        connectSandbox={async () => world.session}
        target="example.test"
        offersSandbox
        drafts={world.drafts}
        env={{}}
        onSession={(session) => opened.push(session)}
      />,
    )
  return { firstAttempt, render }
}

describe('start-up', () => {
  it('opens straight on the contacts list when the connection is already back', async () => {
    const opened: Session[] = []
    const { firstAttempt, render } = renderStartup(async () => world.session, opened)
    await firstAttempt.outcome
    ui = render()
    await ui.waitFor('1 of 50+')
    const frames = ui.rawFrames().map((frame) => stripVTControlCharacters(frame))
    expect(frames.some((frame) => frame.includes('Connecting'))).toBe(false)
    expect(opened).toEqual([world.session])
  })

  it('says what it is connecting to while it waits, then shows the list', async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const { render } = renderStartup(async () => {
      await gate
      return world.session
    })
    ui = render()
    await ui.waitFor('Connecting to example.test…')
    release()
    await ui.waitFor('1 of 50+')
  })
})
