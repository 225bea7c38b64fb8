import { describe, expect, it, vi } from 'vitest'
import { tagAll, tagStream } from '../examples/bulk-update.js'
import { configuredClient, perCall } from '../examples/configuration.js'
import { moveToStage } from '../examples/errors.js'
import { lenient, updateWithExtras } from '../examples/escape-hatches.js'
import { everyContact, pageByPage, twoPages } from '../examples/pagination.js'
import { quickstart } from '../examples/quickstart.js'
import { againstTheSandbox } from '../examples/sandbox.js'
import { showContact } from '../examples/terminal-output.js'
import { createClient } from '../src/index.js'
import { collectingLogger, recording, useSandbox } from './helpers.js'

const { client } = useSandbox()
// The sandbox that plays only what the API docs state: it takes fields they do not list (and drops them).
const docs = useSandbox({ profile: 'docs' })

/** The README's examples, run against the sandbox: they must keep working, not just compile. */
describe('README examples', () => {
  it('quickstart', async () => {
    const cc = client('in-process')
    const { id } = await cc.people.create({ firstName: 'John', email: 'john@example.com' })
    vi.spyOn(console, 'log').mockImplementation(() => {})
    const updated = await quickstart(cc)
    expect(updated).toMatchObject({ id, stageId: 'stage_active', tags: 'VIP, Hot Lead' })
    vi.restoreAllMocks()
  })

  it('pagination', async () => {
    const cc = client('in-process')
    const all = await everyContact(cc)
    expect((await pageByPage(cc)).reduce((a, b) => a + b, 0)).toBe(all.length)
    const { first, second, resumeFrom } = await twoPages(cc)
    expect([...first, ...second].map((p) => p.id)).toEqual(all.slice(0, 20).map((p) => p.id))
    expect(resumeFrom).toEqual(expect.any(String))
  })

  it('errors', async () => {
    const cc = client('in-process')
    const [person] = (await cc.people.list({ limit: 1 })).data
    expect(await moveToStage(person?.id ?? '', 'stage_closed', cc)).toBe('moved')
    // `stage: ""` is sent: it clears the stage (ASSUMPTIONS.md#empty-string-clears).
    expect(await moveToStage(person?.id ?? '', '', cc)).toBe('moved')
    expect((await cc.people.get(person?.id ?? '')).stageId).not.toBe('stage_closed')
    // What the client refuses is never sent: an id that is no contact id.
    expect(await moveToStage('../x', 'stage_closed', cc)).toMatch(/^invalid: id: must be at least 8 characters/)
    expect(await moveToStage('zzzzzzzzzzzz', 'stage_closed', cc)).toMatch(
      /^no contact zzzzzzzzzzzz \(request [0-9a-f-]{36}\)$/,
    )
    expect(await moveToStage(person?.id ?? '', 'stage_nope', cc)).toMatch(/^the API said 422 validation_failed/)
  })

  it('bulk update', async () => {
    const cc = client('in-process')
    const ids = (await cc.people.list({ limit: 20 })).data.map((p) => p.id)
    vi.spyOn(console, 'log').mockImplementation(() => {})
    expect(await tagAll([...ids, '../nope'], ['Newsletter'], cc)).toEqual({
      updated: 20,
      failures: [expect.stringMatching(/^\.\.\/nope: Invalid input for people\.updateMany\[20\]/)],
    })
    vi.restoreAllMocks()
    expect((await cc.people.get(ids[0] ?? '')).tags).toBe('Newsletter')
  })

  it('bulk update, streamed', async () => {
    const cc = client('in-process')
    const ids = (await cc.people.list({ limit: 30 })).data.map((p) => p.id)
    async function* rows() {
      yield* ids
      yield 'not an id'
    }
    const { updated, failures } = await tagStream(rows(), ['Streamed'], cc)
    expect(updated).toBe(30)
    expect(failures).toEqual([
      expect.stringMatching(/^row 30 \(not an id\): Invalid input for people\.updateMany\[30\]/),
    ])
    expect((await cc.people.get(ids[29] ?? '')).tags).toBe('Streamed')
  })

  it('escape hatches', async () => {
    const s = docs.sandbox()
    const { fetch, sent } = recording(s.fetch)
    const cc = createClient({ apiKey: s.apiKey, baseUrl: 'http://localhost/v1', fetch, logLevel: 'off' })
    const [person] = (await cc.people.list({ limit: 1 })).data
    const id = person?.id ?? ''
    expect(await updateWithExtras(id, cc)).toMatchObject({ success: true })
    const extras = sent.at(-1)
    expect(JSON.parse(extras?.body ?? '')).toEqual({ city: 'Austin', assignedAgentId: 'agent123' })
    expect(extras?.url.search).toBe('?notify=false')
    expect(extras?.headers.get('x-correlation-id')).toBe('import-42')
    const fromAFile = { city: 'Austin', assignedAgentId: 'agent123' }
    expect(await lenient(id, fromAFile, cc)).toMatchObject({ success: true })
    expect(sent.slice(-2).map((request) => JSON.parse(request.body))).toEqual([fromAFile, fromAFile])
    await expect(lenient(id, { state: 'Texas' }, cc)).rejects.toThrow(/State: /)
    // The default profile checks our rules too, as the client does by default: it names the field.
    await expect(updateWithExtras(id, client('in-process'))).rejects.toThrow(/assignedAgentId/)
  })

  it('configuration', async () => {
    const { logger, lines } = collectingLogger()
    vi.stubEnv('CC_API_KEY', 'ccmd_live_from_the_environment')
    const configured = configuredClient(logger)
    vi.unstubAllEnvs()
    expect(configured.baseUrl).toBe('https://api.clientcommander.com/v1')
    vi.spyOn(console, 'log').mockImplementation(() => {})
    const me = await perCall(client('in-process', { logger }))
    vi.restoreAllMocks()
    expect(me.id).toEqual(expect.any(String))
    expect(lines).toEqual([])
  })

  it('terminal output', async () => {
    const cc = client('in-process')
    const osc52 = '\x1b]52;c;cm0gLXJmIH4=\x07'
    const { id } = await cc.people.create({
      firstName: `Eve${osc52}`,
      lastName: 'Smith\u202e',
      email: 'eve@example.com',
      background: `Line one\x1b[2J\nLine two`,
    })
    const [name, note, json] = await showContact(id, cc)
    expect(name).toBe('Eve Smith')
    expect(note).toBe('Line one\nLine two')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters the test looks for
    expect(json).not.toMatch(/[\x00-\x09\x0b-\x1f\u202e]/)
    expect(json).toContain('\\u001b]52;c;cm0gLXJmIH4=\\u0007')
    expect(JSON.parse(json as string).firstName).toBe(`Eve${osc52}`)
  })

  it('sandbox', async () => {
    expect(await againstTheSandbox()).toMatchObject({ firstName: 'Test' })
  })
})
