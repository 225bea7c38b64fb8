import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runProbe } from './child.ts'

const dir = mkdtempSync(join(tmpdir(), 'cc-bench-probe-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const script = (name: string, code: string) => {
  const file = join(dir, name)
  writeFileSync(file, code)
  return file
}

describe('runProbe', () => {
  it('runs a script in its own process and parses the last line it printed', async () => {
    const file = script(
      'ok.mjs',
      'console.log("progress"); console.log(JSON.stringify({ pid: process.pid, args: process.argv.slice(2) }))',
    )
    const result = await runProbe<{ pid: number; args: string[] }>(file, ['1000', '30'])
    expect(result.args).toEqual(['1000', '30'])
    expect(result.pid).not.toBe(process.pid)
  })

  it('rejects naming the script and its exit code when it fails', async () => {
    const file = script('fails.mjs', 'console.log("{}"); process.exit(3)')
    await expect(runProbe(file, ['7'])).rejects.toThrow('fails.mjs 7 failed (exit code 3)')
  })

  it('rejects when the script printed nothing', async () => {
    await expect(runProbe(script('quiet.mjs', ''))).rejects.toThrow('quiet.mjs printed nothing')
  })
})
