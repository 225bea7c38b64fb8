import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * The README's TypeScript examples, run as written: each imports `@cc/schema` (pointed at the sources
 * here) and checks its own results with node:assert.
 */
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] as string)

// Inside the package, so `zod` resolves as it does for a user.
const workDir = new URL('../node_modules/.cache/readme-examples/', import.meta.url)
const source = fileURLToPath(new URL('../src/index.ts', import.meta.url))
const openapi = fileURLToPath(new URL('../openapi.json', import.meta.url))

afterAll(() => rmSync(workDir, { recursive: true, force: true }))

describe('README examples', () => {
  it('are there', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6)
  })

  it.each(examples.map((code, index) => [index + 1, code] as const))('example %i runs', async (index, code) => {
    mkdirSync(workDir, { recursive: true })
    const file = new URL(`example-${index}.ts`, workDir)
    const runnable = code
      .replaceAll(`'@cc/schema/openapi.json'`, JSON.stringify(openapi))
      .replaceAll(`'@cc/schema'`, JSON.stringify(source))
      .replaceAll('console.log(', 'void (')
    writeFileSync(file, runnable)
    await import(/* @vite-ignore */ fileURLToPath(file))
  })
})
