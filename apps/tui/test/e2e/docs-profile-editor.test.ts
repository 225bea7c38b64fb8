import { type CcClient, createClient } from '@cc/client'
import { createSandbox, type Sandbox } from '@cc/sandbox'
import type { Person } from '@cc/schema'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createHome, killServer, startEditor, type Terminal } from './tmux.js'

/**
 * The editor against an API that serves only what its docs state (the sandbox's `docs` profile): no
 * `GET /people/{id}` (405), no `success` flag, no `X-Request-Id` header. Opening a contact, the conflict check before
 * the save and the lost-update check after it all read a contact by id; each must go through the documented search.
 */
let sandbox: Sandbox
let client: CcClient
let term: Terminal | undefined
beforeAll(async () => {
  sandbox = await createSandbox({ profile: 'docs', listen: { port: 0 }, seed: 1 })
  client = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, logLevel: 'off' })
})
afterEach(() => {
  term?.kill()
  term = undefined
})
afterAll(async () => {
  killServer()
  await sandbox.close()
})

describe('cc-tui against the docs profile, in a real terminal', () => {
  it('the API has no GET /people/{id}: the editor still opens, saves and confirms a contact', async () => {
    // The route the docs leave out is really missing here.
    const probe = await fetch(`${sandbox.url}/people/any-id`, {
      headers: { Authorization: `Bearer ${sandbox.apiKey}` },
    })
    expect(probe.status).toBe(405)

    const person = (await client.people.list({ limit: 1 })).data[0] as Person
    const t = startEditor({
      home: createHome(),
      env: { CC_BASE_URL: sandbox.url, CC_API_KEY: sandbox.apiKey },
    })
    term = t
    await t.waitFor(person.fullName ?? '')
    t.keys('Enter')
    await t.waitFor(`${person.fullName} · no changes`)
    t.keys('C-u')
    t.type('Documented')
    await t.waitFor('1 unsaved change')
    t.keys('C-s')
    const review = await t.waitFor('Review 1 change')
    expect(review).toContain('new Documented')
    t.keys('Enter')
    // Without X-Request-Id the request id comes from the body's meta.
    await t.waitFor(/Saved 1 field · request [0-9a-f-]+/)
    expect(t.screen()).not.toMatch(/error|405/i)

    const [saved] = await client.people.search({ id: person.id })
    expect(saved?.firstName).toBe('Documented')
    expect(saved?.lastName).toBe(person.lastName)
  })
})
