import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigFileError, configFileWarning, readConfigFile, writeConfigFile } from './config-file.js'

const dir = () => mkdtempSync(join(tmpdir(), 'cc-tui-config-'))

describe('config file', () => {
  it('is empty when missing, and round-trips with mode 0600', () => {
    const path = join(dir(), 'nested', 'config.json')
    expect(readConfigFile(path)).toEqual({})
    writeConfigFile(path, { apiKey: 'ccmd_live_abc' })
    expect(readConfigFile(path)).toEqual({ apiKey: 'ccmd_live_abc' })
    expect(statSync(path).mode & 0o777).toBe(0o600)
  })

  it('reports a broken file by name, without echoing its content', () => {
    const path = join(dir(), 'config.json')
    writeFileSync(path, '{"apiKey": "ccmd_live_secret",')
    expect(() => readConfigFile(path)).toThrow(ConfigFileError)
    try {
      readConfigFile(path)
    } catch (error) {
      expect((error as Error).message).toContain(path)
      expect((error as Error).message).not.toContain('ccmd_live_secret')
    }
    writeFileSync(path, JSON.stringify({ baseUrl: 'not a url' }))
    expect(() => readConfigFile(path)).toThrow(/baseUrl: must be a URL/)
    expect(readFileSync(path, 'utf8')).toContain('not a url')
    writeFileSync(path, JSON.stringify({ apiKey: '', colour: 'red' }))
    expect(() => readConfigFile(path)).toThrow(/: apiKey: must not be empty; colour: is not a known field$/)
    writeFileSync(path, '[]')
    expect(() => readConfigFile(path)).toThrow(/: Must be an object$/)
  })

  it("makes its directory the user's alone (0700), even when it already existed with a wider mode", () => {
    const configDir = join(dir(), 'cc-tui')
    mkdirSync(configDir, { mode: 0o755 })
    chmodSync(configDir, 0o755)
    writeConfigFile(join(configDir, 'config.json'), { apiKey: 'ccmd_live_abc' })
    expect(statSync(configDir).mode & 0o777).toBe(0o700)
  })

  it('warns when other users can read the file, naming it and the fix, never its content', () => {
    const path = join(dir(), 'config.json')
    expect(configFileWarning(path)).toBeUndefined()
    writeConfigFile(path, { apiKey: 'ccmd_live_secret' })
    expect(configFileWarning(path)).toBeUndefined()
    chmodSync(path, 0o644)
    const warning = configFileWarning(path)
    expect(warning).toBe(
      `warning: ${path} can be read or changed by other users (mode 0644), and it holds your API key. Make it yours alone: chmod 600 ${path}`,
    )
    expect(warning).not.toContain('ccmd_live_secret')
    chmodSync(path, 0o640)
    expect(configFileWarning(path)).toContain('(mode 0640)')
  })
})
