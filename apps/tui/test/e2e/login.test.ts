import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createClient } from '@cc/client'
import { describe, expect, it } from 'vitest'
import { useEditorTerminal } from './editor-terminal.js'
import { runCli } from './run-cli.js'

// Each run finds its key, or none, where the test put it: no API in its environment.
const { loopback, home, launch } = useEditorTerminal({ launch: { api: false } })

// tmux drops the space the prompt ends with.
const PROMPT = 'API key (from Admin > API Keys):'

describe('cc-tui login and logout in a real terminal', () => {
  it('asks for the key without echoing it, saves it with mode 0600, and the editor then uses it', async () => {
    const configFile = join(home().dir, 'config', 'cc-tui', 'config.json')
    const host = new URL(loopback.sandbox.url).host

    // A wrong key is checked against the API and not saved.
    const wrong = await launch({ args: ['login', '--base-url', loopback.sandbox.url], columns: 200, waitFor: PROMPT })
    wrong.type('ccmd_live_not_the_key_42')
    wrong.keys('Enter')
    expect(await wrong.waitForExit()).toBe(1)
    // Anything echoed would still be on the screen.
    expect(wrong.screen()).not.toContain('ccmd_live_not_the_key_42')
    expect(wrong.screen()).toContain('The API key was rejected (401)')
    expect(wrong.screen()).toContain('The key was not saved')
    expect(existsSync(configFile)).toBe(false)
    wrong.kill()

    const login = await launch({ args: ['login', '--base-url', loopback.sandbox.url], columns: 200, waitFor: PROMPT })
    login.type(loopback.sandbox.apiKey)
    login.keys('Enter')
    expect(await login.waitForExit()).toBe(0)
    const said = login.screen()
    expect(said).toMatch(/The key works: signed in as \S+/)
    expect(said).toContain(`Saved to ${configFile} (readable only by you).`)
    expect(said).not.toContain(loopback.sandbox.apiKey)
    expect(statSync(configFile).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(configFile, 'utf8'))).toEqual({
      apiKey: loopback.sandbox.apiKey,
      baseUrl: loopback.sandbox.url,
    })
    login.kill()

    // No key in the environment and no flags: the editor connects with the saved key and URL.
    const person = (
      await createClient({
        apiKey: loopback.sandbox.apiKey,
        baseUrl: loopback.sandbox.url,
        logLevel: 'off',
      }).people.list({
        limit: 1,
      })
    ).data[0]
    if (!person) throw new Error('no demo data')
    const editor = await launch({ waitFor: false })
    const screen = await editor.waitFor(person.fullName ?? '')
    expect(screen.split('\n')[0]).toContain(`Client Commander · ${host}`)
    expect(screen).not.toContain('SANDBOX')
    editor.keys('q')
    expect(await editor.waitForExit()).toBe(0)
    editor.kill()

    const logout = await launch({ args: ['logout'], columns: 200, waitFor: false })
    expect(await logout.waitForExit()).toBe(0)
    expect(logout.screen()).toContain(`The saved API key is gone from ${configFile}.`)
    expect(JSON.parse(readFileSync(configFile, 'utf8'))).toEqual({ baseUrl: loopback.sandbox.url })
    expect(statSync(configFile).mode & 0o777).toBe(0o600)
    logout.kill()

    // Without a key the editor falls back to the sandbox, and says so.
    const after = await launch({ waitFor: 'SANDBOX · demo data' })
    after.keys('q')
    expect(await after.waitForExit()).toBe(0)
  })

  it('reads the key from stdin (cc-tui login < keyfile), and refuses --api-key without echoing the key', async () => {
    const env = { ...home().env, PATH: process.env.PATH ?? '' }
    const configFile = join(home().dir, 'config', 'cc-tui', 'config.json')
    const key = loopback.sandbox.apiKey

    const piped = await runCli(['login', '--base-url', loopback.sandbox.url], env, `${key}\n`)
    expect(piped.code).toBe(0)
    expect(piped.stdout).toMatch(/The key works: signed in as \S+/)
    expect(`${piped.stdout}${piped.stderr}`).not.toContain(key)
    expect(JSON.parse(readFileSync(configFile, 'utf8'))).toEqual({ apiKey: key, baseUrl: loopback.sandbox.url })
    expect(statSync(configFile).mode & 0o777).toBe(0o600)
    expect(statSync(join(configFile, '..')).mode & 0o777).toBe(0o700)

    for (const args of [
      ['login', '--api-key', 'ccmd_live_on_the_command_line'],
      ['get', 'abcdefgh12', '--api-key=ccmd_live_on_the_command_line'],
    ]) {
      const refused = await runCli(args, env)
      expect(refused.code).toBe(2)
      expect(refused.stderr).toContain('--api-key is not accepted')
      expect(refused.stderr).toContain('cc-tui login < keyfile')
      expect(`${refused.stdout}${refused.stderr}`).not.toContain('ccmd_live_on_the_command_line')
    }
    // The saved key is still the one that was piped in.
    expect(JSON.parse(readFileSync(configFile, 'utf8')).apiKey).toBe(key)
  })
})
