import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { createClient } from '@cc/client'
import { createSandbox, type Sandbox } from '@cc/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI, createHome } from './tmux.js'

const run = promisify(execFile)

/** Every module `cli.js` loads before its first `await import()`: the static import graph. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen
  seen.add(file)
  const source = readFileSync(file, 'utf8')
  for (const match of source.matchAll(/^import\s[^'"]*?['"]([^'"]+)['"]/gm)) {
    const specifier = match[1] as string
    if (specifier.startsWith('.')) staticImports(resolve(dirname(file), specifier), seen)
    else seen.add(specifier)
  }
  return seen
}

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

  it('never loads React or Ink on the way to get/set', () => {
    const graph = [...staticImports(CLI)]
    expect(graph.some((module) => module === 'ink' || module === 'react' || module.startsWith('react/'))).toBe(false)
    expect(graph.some((module) => module.endsWith(join('app', 'run.js')))).toBe(false)
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

  it('refuses to open the editor without a terminal, and says what to use instead', async () => {
    const result = await cli()
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('cc-tui get <id>')
  })
})
