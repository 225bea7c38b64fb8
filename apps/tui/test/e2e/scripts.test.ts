import { execFile } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { createClient } from '@cc/client'
import { createSandbox, type Sandbox } from '@cc/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI, createHome } from './tmux.js'

const run = promisify(execFile)

const RECORD_MODULES = fileURLToPath(new URL('./record-modules.mjs', import.meta.url))
/**
 * Code of the interactive editor. The bundle keeps a comment naming the source of each module it
 * holds (`// ../../node_modules/.pnpm/ink@…/node_modules/ink/build/ink.js`); an unbundled build would
 * load these paths themselves.
 */
const INTERACTIVE = /node_modules\/(ink|react|react-reconciler|yoga-layout)\/|src\/app\/run\.tsx/

/** Every file under `dir`. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))

describe('scripts (no terminal)', () => {
  let sandbox: Sandbox
  let env: Record<string, string>
  beforeAll(async () => {
    sandbox = await createSandbox({ listen: { port: 0 }, seed: 1 })
    env = { ...createHome().env, PATH: process.env.PATH ?? '', CC_BASE_URL: sandbox.url, CC_API_KEY: sandbox.apiKey }
  })
  afterAll(() => sandbox.close())

  const cli = (...args: string[]) =>
    run(process.execPath, [CLI, ...args], { env }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    )

  it('never loads React or Ink on the way to get/set', async () => {
    const log = join(createHome().dir, 'modules.log')
    const person = (
      await createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, logLevel: 'off' }).people.list({ limit: 1 })
    ).data[0]
    if (!person) throw new Error('no demo data')
    const result = await run(process.execPath, ['--import', RECORD_MODULES, CLI, 'get', person.id], {
      env: { ...env, CC_TUI_MODULE_LOG: log },
    })
    expect(result.stdout).toContain(person.id)
    const loaded = readFileSync(log, 'utf8').trim().split('\n')
    const ours = loaded.filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url))
    expect(ours).toContain(CLI)
    const interactive = (file: string) => INTERACTIVE.test(file) || INTERACTIVE.test(readFileSync(file, 'utf8'))
    expect(ours.filter(interactive)).toEqual([])
    // The check can fail: the editor's own files do hold React and Ink.
    expect(filesUnder(dirname(CLI)).some(interactive)).toBe(true)
  })

  it('get prints a contact, as text or JSON', async () => {
    const client = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, logLevel: 'off' })
    const person = (await client.people.list({ limit: 1 })).data[0]
    if (!person) throw new Error('no demo data')
    const text = await cli('get', person.id)
    expect(text.code).toBe(0)
    expect(text.stdout).toContain(`${person.fullName} (${person.id})`)
    const json = await cli('get', person.id, '--json')
    expect(JSON.parse(json.stdout).id).toBe(person.id)
  })

  it('set validates every field first (exit 2), then saves (exit 0)', async () => {
    const client = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, logLevel: 'off' })
    const person = (await client.people.list({ limit: 1 })).data[0]
    if (!person) throw new Error('no demo data')
    const bad = await cli('set', person.id, 'email=nope', 'price=lots', 'color=blue')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('Email:')
    expect(bad.stderr).toContain('Price: must be an amount')
    expect(bad.stderr).toContain('unknown field "color"')
    const good = await cli('set', person.id, 'city=Austin', 'state=tx', 'tags=VIP, Buyer')
    expect(good.code).toBe(0)
    expect(good.stdout).toMatch(/Updated .*: tags, city, state \(request /)
    expect(await client.people.get(person.id)).toMatchObject({ city: 'Austin', state: 'TX', tags: 'VIP, Buyer' })
  })

  it('exits 1 on an API error, without printing the key', async () => {
    const result = await cli('get', 'doesnotexist1')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Not found (404)')
    const wrongKey = await run(process.execPath, [CLI, 'get', 'doesnotexist1'], {
      env: { ...env, CC_API_KEY: 'ccmd_live_wrong_key_123' },
    }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stderr: string }) => error,
    )
    expect(wrongKey.code).toBe(1)
    expect(wrongKey.stderr).toContain('The API key was rejected (401)')
    expect(wrongKey.stderr).not.toContain('ccmd_live_wrong_key_123')
  })

  it('keeps its compiled code in the user cache dir, and works the same where that cannot be written', async () => {
    const home = createHome()
    const cache = join(home.dir, 'cache')
    const ok = await run(process.execPath, [CLI, '--version'], { env: { ...env, XDG_CACHE_HOME: cache } })
    expect(ok.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
    expect(filesUnder(join(cache, 'cc-tui', 'compile-cache')).length).toBeGreaterThan(0)

    const blocked = join(home.dir, 'not-a-directory')
    writeFileSync(blocked, '')
    const person = (
      await createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, logLevel: 'off' }).people.list({ limit: 1 })
    ).data[0]
    if (!person) throw new Error('no demo data')
    const result = await cli('get', person.id)
    expect(result.code).toBe(0)
    const still = await run(process.execPath, [CLI, 'get', person.id], { env: { ...env, XDG_CACHE_HOME: blocked } })
    expect(still.stdout).toBe(result.stdout)
    expect(still.stderr).toBe('')
  })

  it('refuses to open the editor without a terminal, and says what to use instead', async () => {
    const result = await cli()
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('cc-tui get <id>')
  })
})
