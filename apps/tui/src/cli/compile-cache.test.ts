import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appPaths } from '../config/paths.js'
import { enableCompileCache } from './compile-cache.js'

const dir = () => mkdtempSync(join(tmpdir(), 'cc-tui-config-'))

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
