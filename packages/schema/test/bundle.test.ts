import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build, type Rollup } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * What a client pays for: code that validates requests and words errors (the client's use) must not bring the
 * OpenAPI document, the JSON Schema converter or the form metadata, which calls `z.toJSONSchema` as it loads.
 */
const src = new URL('../src/', import.meta.url)
const workDir = new URL('../node_modules/.cache/bundle-check/', import.meta.url)

afterAll(() => rmSync(workDir, { recursive: true, force: true }))

/** Static `import … from './x.js'` of a source file, as file names. */
const importsOf = (file: string): string[] =>
  [...readFileSync(new URL(file, src), 'utf8').matchAll(/^import (?!type )[^;]*?from '\.\/([\w-]+)\.js'/gm)].map(
    (match) => `${match[1]}.ts`,
  )

function reachable(...roots: string[]): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const next of importsOf(file)) visit(next)
  }
  for (const root of roots) visit(root)
  return seen
}

const heavy = ['openapi.ts', 'json-schema.ts', 'fields.ts']

describe('what validation and error wording load', () => {
  it('imports neither the OpenAPI document, the converter nor the form metadata', () => {
    const graph = reachable('field-errors.ts', 'messages.ts', 'endpoints.ts', 'error-codes.ts', 'people.ts')
    expect(graph).toContain('people.ts')
    for (const file of heavy) expect(graph).not.toContain(file)
  })

  it('bundles without them', async () => {
    mkdirSync(workDir, { recursive: true })
    const entry = fileURLToPath(new URL('entry.ts', workDir))
    writeFileSync(
      entry,
      `export { UpdateContactInput, endpoints, errorCodes, fieldErrors, summarizeFieldErrors } from ${JSON.stringify(fileURLToPath(new URL('index.ts', src)))}\n`,
    )
    const output = (await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: { entry, formats: ['es'], fileName: 'entry' },
        rollupOptions: { external: [/^zod/] },
      },
    })) as Rollup.RollupOutput[]
    const chunks = output.flatMap((result) => result.output).filter((chunk) => chunk.type === 'chunk')
    const bundled = chunks.flatMap((chunk) =>
      Object.entries(chunk.modules).flatMap(([id, module]) => (module.renderedLength > 0 ? [id] : [])),
    )
    expect(chunks.map((chunk) => chunk.code).join('\n')).toContain('must change at least one field')
    expect(bundled.some((id) => id.endsWith('/field-errors.ts'))).toBe(true)
    for (const file of heavy) expect(bundled.filter((id) => id.endsWith(`/${file}`))).toEqual([])
  })
})
