import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { enableCompileCache } from '../../src/cli/compile-cache.js'
import { ConfigFileError, readConfigFile, writeConfigFile } from '../../src/config/config-file.js'
import { resolveConnection } from '../../src/config/connection.js'
import { appPaths } from '../../src/config/paths.js'

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
})

describe('resolveConnection', () => {
  it('uses the sandbox with --sandbox or without any key', () => {
    expect(resolveConnection({ sandbox: true, apiKey: 'k' }, {}, {})).toEqual({ mode: 'sandbox', reason: 'flag' })
    expect(resolveConnection({}, {}, {})).toEqual({ mode: 'sandbox', reason: 'no-key' })
  })

  it('takes the key from the flag, then the environment, then the config file', () => {
    const env = { CC_API_KEY: 'env-key' }
    const config = { apiKey: 'file-key', baseUrl: 'https://file.example/v1' }
    expect(resolveConnection({ apiKey: 'flag-key' }, env, config)).toMatchObject({
      apiKey: 'flag-key',
      keySource: 'flag',
    })
    expect(resolveConnection({}, env, config)).toMatchObject({ apiKey: 'env-key', keySource: 'env' })
    expect(resolveConnection({}, {}, config)).toEqual({
      mode: 'api',
      apiKey: 'file-key',
      keySource: 'config',
      baseUrl: 'https://file.example/v1',
    })
  })

  it('takes the URL from the flag, then CC_BASE_URL, then the config file', () => {
    const config = { apiKey: 'k', baseUrl: 'https://file.example/v1' }
    expect(
      resolveConnection({ baseUrl: 'https://flag.example/v1' }, { CC_BASE_URL: 'https://env.example/v1' }, config),
    ).toMatchObject({ baseUrl: 'https://flag.example/v1' })
    expect(resolveConnection({}, { CC_BASE_URL: 'https://env.example/v1' }, config)).toMatchObject({
      baseUrl: 'https://env.example/v1',
    })
  })
})

describe('compile cache', () => {
  it('stays off, without throwing, where its directory cannot be made', () => {
    const file = join(dir(), 'a-file')
    writeFileSync(file, '')
    expect(enableCompileCache(join(file, 'compile-cache'))).toBe(false)
  })

  it('lives in the cache directory of the user', () => {
    expect(appPaths().compileCacheDir).toMatch(/cc-tui[/\\]compile-cache$/)
  })
})
