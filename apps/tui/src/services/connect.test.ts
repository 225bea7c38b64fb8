import { createClient } from '@cc/client'
import { createSandbox, type Sandbox } from '@cc/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect, startConnecting } from './connect.js'
import { PAGE_SIZE } from './contacts-service.js'
import { type Session, sessionFor } from './session.js'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await createSandbox({ seed: 1 })
})
afterAll(() => sandbox.close())

/** Opens a session on the in-process sandbox with this key, and remembers it. */
function opener(apiKey: string) {
  const opened: Session[] = []
  const open = async () => {
    const client = createClient({ apiKey, baseUrl: sandbox.url, fetch: sandbox.fetch, logLevel: 'off', maxRetries: 0 })
    const session = sessionFor(client, 'api', 'localhost')
    opened.push(session)
    return session
  }
  return { open, opened }
}

describe('connect', () => {
  it('comes back with the session and the first page of contacts', async () => {
    const { open } = opener(sandbox.apiKey)
    const outcome = await connect(open, new AbortController().signal, { sandbox: false })
    if (outcome.kind !== 'ready') throw new Error(`not ready: ${JSON.stringify(outcome)}`)
    expect(outcome.firstPage.people).toHaveLength(PAGE_SIZE)
    expect(outcome.firstPage.hasMore).toBe(true)
    expect(outcome.session.signal.aborted).toBe(false)
    await outcome.session.close()
  })

  it('names a rejected key, offers the sandbox, and closes the session it opened', async () => {
    const { open, opened } = opener('ccmd_live_wrong_key_0123456789')
    const outcome = await connect(open, new AbortController().signal, { sandbox: false })
    expect(outcome).toEqual({
      kind: 'failed',
      title: 'The API key was rejected',
      message: 'The API key was rejected (401). Check the key, or run `cc-tui login`.',
      canUseSandbox: true,
    })
    expect(opened[0]?.signal.aborted).toBe(true)
  })

  it('explains a base URL the client refuses, and where it came from', async () => {
    const open = async () =>
      sessionFor(createClient({ apiKey: 'ccmd_live_abc', baseUrl: 'http://example.com/v1' }), 'api', '')
    const outcome = await connect(open, new AbortController().signal, { sandbox: false })
    expect(outcome.kind).toBe('failed')
    if (outcome.kind !== 'failed') return
    expect(outcome.title).toBe('The API URL cannot be used')
    expect(outcome.message).toContain('must use https:')
    expect(outcome.message).toContain('Check --base-url, CC_BASE_URL or the URL saved by `cc-tui login`.')
  })

  it('does not offer the sandbox as the way out when the sandbox itself failed', async () => {
    const { open } = opener('ccmd_live_wrong_key_0123456789')
    const outcome = await connect(open, new AbortController().signal, { sandbox: true })
    expect(outcome).toMatchObject({ kind: 'failed', canUseSandbox: false })
  })

  it('gives up when aborted: the request ends and the session is closed', async () => {
    const { open, opened } = opener(sandbox.apiKey)
    sandbox.setFaults({ rate: 1, kinds: ['slow'], latencyMs: 60_000 })
    try {
      const attempt = startConnecting(open, { sandbox: false })
      await expect.poll(() => opened.length).toBe(1)
      attempt.abort()
      const outcome = await attempt.outcome
      expect(outcome.kind).toBe('failed')
      expect(attempt.settled).toBe(outcome)
      expect(opened[0]?.signal.aborted).toBe(true)
    } finally {
      sandbox.setFaults(false)
    }
  })
})
