import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { useEditorTerminal } from './editor-terminal.js'

const WRONG_KEY = 'ccmd_live_wrong_key_0123456789'
/** A line of a JavaScript stack trace. */
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m

// Each test names the API (or what stands for one) itself; the editor does not get as far as the list.
const { loopback, launch } = useEditorTerminal({ launch: { api: false, env: { CC_TUI_DEBUG: '1' }, waitFor: false } })

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (!address || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** The failure screen: a title, the reason, the ways out, and nothing a person should not see. */
function expectFailureScreen(screen: string, title: string) {
  expect(screen).toContain(`✗ ${title}`)
  expect(screen).toContain('r try again')
  expect(screen).toContain('q quit')
  expect(screen).not.toMatch(STACK_LINE)
  expect(screen).not.toContain(WRONG_KEY)
}

describe('startup failures in a real terminal', () => {
  it('explains a rejected key (401), offers the sandbox, and quits with status 1 and one line left behind', async () => {
    const t = await launch({ env: { CC_BASE_URL: loopback.sandbox.url, CC_API_KEY: WRONG_KEY } })
    const screen = await t.waitFor('The API key was rejected (401)')
    expectFailureScreen(screen, 'The API key was rejected')
    expect(screen).toContain('Check the key, or run `cc-tui login`.')
    expect(screen).toContain('s open the local sandbox (demo data) instead')
    t.keys('q')
    expect(await t.waitForExit()).toBe(1)
    const after = t.screen()
    // Back on the normal screen, with the reason kept in one line.
    expect(after).not.toContain('✗ The API key was rejected')
    expect(after).toContain('cc-tui: The API key was rejected (401).')
    expect(after).not.toContain(WRONG_KEY)
    expect(after).not.toContain('still busy')
  })

  it('opens the sandbox instead when asked, from the same screen', async () => {
    const t = await launch({ env: { CC_BASE_URL: loopback.sandbox.url, CC_API_KEY: WRONG_KEY } })
    await t.waitFor('The API key was rejected')
    t.keys('s')
    await t.waitFor('SANDBOX · demo data')
    await t.waitFor('1 of 50+')
    t.keys('q')
    expect(await t.waitForExit()).toBe(0)
  })

  it('says when nothing answers (a closed port), retries on r, and quits on Esc', async () => {
    const port = await closedPort()
    const t = await launch({ env: { CC_BASE_URL: `http://127.0.0.1:${port}/v1`, CC_API_KEY: loopback.sandbox.apiKey } })
    const screen = await t.waitFor(`✗ Could not reach 127.0.0.1:${port}`)
    expectFailureScreen(screen, `Could not reach 127.0.0.1:${port}`)
    expect(screen).toContain('Check the network or the base URL.')
    expect(screen).not.toContain(loopback.sandbox.apiKey)
    t.keys('r')
    await t.waitFor(`Connecting to 127.0.0.1:${port}`)
    await t.waitFor(`✗ Could not reach 127.0.0.1:${port}`)
    t.keys('Escape')
    expect(await t.waitForExit()).toBe(1)
    expect(t.screen()).toContain('cc-tui: Could not reach the server')
  })

  it('refuses a base URL that would send the key in clear text, and a malformed one', async () => {
    const plain = await launch({ env: { CC_BASE_URL: 'http://example.com/v1', CC_API_KEY: WRONG_KEY } })
    const screen = await plain.waitFor('✗ The API URL cannot be used')
    expectFailureScreen(screen, 'The API URL cannot be used')
    expect(screen).toContain('must use https:')
    expect(screen).toContain('the API key would travel in clear text')
    plain.keys('q')
    expect(await plain.waitForExit()).toBe(1)
    plain.kill()

    const malformed = await launch({ env: { CC_API_KEY: WRONG_KEY }, args: ['--base-url', 'not a url'] })
    const second = await malformed.waitFor('✗ The API URL cannot be used')
    expectFailureScreen(second, 'The API URL cannot be used')
    expect(second).toContain('must be an absolute URL')
    expect(second).toContain('Check --base-url, CC_BASE_URL')
    malformed.keys('C-c')
    expect(await malformed.waitForExit()).toBe(1)
  })
})

describe('quitting while the network is busy', () => {
  it('quits at once while connecting to a server that does not answer', async () => {
    loopback.sandbox.setFaults({ rate: 1, kinds: ['slow'], latencyMs: 60_000 })
    const t = await launch({ api: true })
    await t.waitFor('Connecting to 127.0.0.1')
    t.keys('q')
    expect(await t.waitForExit()).toBe(0)
    // With CC_TUI_DEBUG the safety net would say what held the process: nothing must.
    expect(t.screen()).not.toContain('still busy')
  })

  it('quits at once while a save is still waiting for the server', async () => {
    const person = (await loopback.client.people.list({ limit: 1 })).data[0]
    if (!person) throw new Error('no demo data')
    const t = await launch({ api: true })
    await t.waitFor(person.fullName ?? '')
    t.keys('Enter')
    await t.waitFor('› First name')
    t.type('x')
    t.keys('C-s')
    await t.waitFor('Review 1 change')
    loopback.sandbox.setFaults({ rate: 1, kinds: ['slow'], latencyMs: 60_000 })
    t.keys('Enter')
    await t.waitFor('Saving…')
    t.keys('C-c')
    await t.waitFor('You have 1 unsaved change.')
    t.keys('d')
    expect(await t.waitForExit()).toBe(0)
    expect(t.screen()).not.toContain('still busy')
  })
})
