import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Person } from '@cc/schema'
import { describe, expect, it } from 'vitest'
import { useEditorTerminal } from './editor-terminal.js'
import { runCli } from './run-cli.js'

const ESC = '\u001b'
/** OSC 52: write "rm -rf ~" to the clipboard. */
const CLIPBOARD = `${ESC}]52;c;${Buffer.from('rm -rf ~').toString('base64')}\u0007`
/** OSC 2 ended by ST, and the same as 8-bit C1 controls (OSC … ST). */
const TITLE = `${ESC}]2;pwned-title${ESC}\\`
const C1_TITLE = '\u009d0;c1-title\u009c'
/** 8-bit CSI: clear the screen. */
const C1_CLEAR = '\u009b2J'
/** Right-to-left override, an isolate, zero-width space and joiner, a byte order mark. */
const BIDI = '\u202e\u2066evil\u2069'
const ZERO_WIDTH = '\u200b\u200d\ufeff'

/** What a terminal must never receive from server text: string sequences (OSC, DCS, APC…), C1, bidi, zero-width. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE = /\u001b[\]P_^X]|[\u0080-\u009f]|[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/
/** The same, and no payload of a sequence either: a sequence is removed whole where text is cleaned. */
const UNSAFE_OR_PAYLOAD = new RegExp(`${UNSAFE.source}|pwned-title|c1-title`)

const { loopback, home, api, launch } = useEditorTerminal()

/** The first contact of the list, renamed and described by a hostile server. */
async function hostileContact(): Promise<Person> {
  const first = (await loopback.client.people.list({ limit: 1 })).data[0]
  if (!first) throw new Error('no demo data')
  await loopback.client.people.update(first.id, {
    firstName: `Eve${CLIPBOARD}${TITLE}`,
    lastName: `Mal${ZERO_WIDTH}ory${BIDI}${C1_CLEAR}`,
    city: `Spring${C1_TITLE}field`,
    background: `Line one${CLIPBOARD}\nLine two${TITLE}${C1_TITLE}${BIDI}${ZERO_WIDTH}${C1_CLEAR}`,
  })
  return loopback.client.people.get(first.id)
}

describe('server text reaches no terminal raw', () => {
  it('draws a contact full of escape sequences, C1, bidi and zero-width characters without any of them', async () => {
    const person = await hostileContact()
    // The server really has them: what follows cannot pass for want of hostile data.
    expect(`${person.firstName}${person.lastName}${person.background}`).toMatch(UNSAFE)
    const record = join(home().dir, 'pane.raw')
    const t = await launch({ record, columns: 100, waitFor: 'Eve Maloryevil' })
    t.keys('Enter')
    await t.waitFor('› First name')
    const editor = await t.waitFor('Springfield')
    expect(editor).toContain('Eve')
    expect(editor).toContain('Line one')
    // The background, focused: every line of it in the multi-line box.
    for (let i = 0; i < 13; i++) t.keys('Tab')
    await t.waitFor('› Background')
    await t.waitFor('Line twoevil')
    t.keys('Escape')
    await t.waitFor('1 of 50+')
    t.keys('q')
    expect(await t.waitForExit()).toBe(0)

    const raw = readFileSync(record, 'utf8')
    expect(raw).toContain('Maloryevil')
    expect(raw.match(UNSAFE_OR_PAYLOAD)).toBeNull()
    // Nothing reached tmux either: no clipboard write, no title.
    expect(t.title()).not.toMatch(/pwned|c1-title/)
    expect(t.buffers()).toBe('')
  })

  it('prints it with get as clean text, and with get --json escaped but whole', async () => {
    const person = await hostileContact()
    const env = { ...home().env, PATH: process.env.PATH ?? '', ...api() }
    const text = await runCli(['get', person.id], env)
    expect(text.code).toBe(0)
    expect(text.stdout).toContain(`Eve Maloryevil (${person.id})`)
    expect(text.stdout).toContain('Springfield')
    expect(`${text.stdout}${text.stderr}`.match(UNSAFE_OR_PAYLOAD)).toBeNull()

    const json = await runCli(['get', person.id, '--json'], env)
    expect(json.code).toBe(0)
    expect(`${json.stdout}${json.stderr}`.match(UNSAFE)).toBeNull()
    expect(json.stdout).toContain('\\u202e')
    expect(json.stdout).toContain('\\u009b2J')
    // Escaped, not lost: the JSON is the contact the API has, character for character.
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(person)))
  })

  it('cleans what the server says in the greeting of login and the report of set', async () => {
    const person = (await loopback.client.people.list({ limit: 1 })).data[0]
    if (!person) throw new Error('no demo data')
    // A server in front of the API that puts escape sequences in /me's names and a C1 control in the request id.
    const proxy = await hostileProxy(loopback.sandbox.url)
    try {
      const env = { ...home().env, PATH: process.env.PATH ?? '' }
      const login = await runCli(['login', '--base-url', proxy.url], env, loopback.sandbox.apiKey)
      expect(login.code).toBe(0)
      expect(login.stdout).toMatch(/The key works: signed in as Eve/)
      expect(`${login.stdout}${login.stderr}`.match(UNSAFE_OR_PAYLOAD)).toBeNull()
      const set = await runCli(['set', person.id, 'city=Austin'], { ...env, CC_BASE_URL: proxy.url })
      expect(set.code).toBe(0)
      expect(set.stdout).toMatch(/^Updated \S+: city \(request req/)
      expect(`${set.stdout}${set.stderr}`.match(UNSAFE_OR_PAYLOAD)).toBeNull()
    } finally {
      await proxy.close()
    }
  })
})

/** Header values cannot hold ESC, but bytes 0x80-0xff pass: U+009B is CSI to a terminal. */
const HOSTILE_REQUEST_ID = `req\u009b2J${C1_TITLE}`

/** A loopback server that forwards to `target` and makes the answers hostile: /me's names, every request id. */
async function hostileProxy(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const origin = new URL(target)
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const url = new URL(request.url ?? '/', origin)
    const headers = new Headers()
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers.set(name, value)
    }
    const upstream = await fetch(url, {
      method: request.method ?? 'GET',
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    })
    let body = await upstream.text()
    const json = body.startsWith('{') ? JSON.parse(body) : undefined
    if (json && url.pathname.endsWith('/me')) {
      json.data = {
        ...json.data,
        firstName: `Eve${CLIPBOARD}${TITLE}`,
        lastName: `Mal${ZERO_WIDTH}ory${BIDI}${C1_CLEAR}`,
      }
    }
    // The client takes the request id from `meta` first, else from the header: both are hostile.
    if (json?.meta) json.meta.requestId = HOSTILE_REQUEST_ID
    if (json !== undefined) body = JSON.stringify(json)
    response.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'application/json',
      'x-request-id': HOSTILE_REQUEST_ID,
    })
    response.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${origin.pathname}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
