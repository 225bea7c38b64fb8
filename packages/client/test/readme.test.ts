import { readdirSync, readFileSync } from 'node:fs'
import { expect, it } from 'vitest'

const root = new URL('../', import.meta.url)
const readme = readFileSync(new URL('README.md', root), 'utf8')

it('the README quotes every example exactly as it is in examples/', () => {
  const quoted = new Map<string, string>()
  for (const [, path, code] of readme.matchAll(/```ts\n\/\/ (examples\/[\w-]+\.ts)\n([\s\S]*?)\n```/g)) {
    quoted.set(path as string, code as string)
  }
  const files = readdirSync(new URL('examples/', root)).filter((name) => name.endsWith('.ts'))
  expect([...quoted.keys()].sort()).toEqual(files.map((name) => `examples/${name}`).sort())
  for (const [path, code] of quoted) {
    expect(code, path).toBe(readFileSync(new URL(path, root), 'utf8').trimEnd())
  }
})
