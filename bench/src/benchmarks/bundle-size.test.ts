import { describe, expect, it } from 'vitest'
import { bundle, bundledModules, consumerFile, packageOf } from './bundle-size.ts'

/**
 * What the consumer of benchmark 7 (`createClient` + `UpdateContactInput`) pays for is what the client runs. Not
 * our OpenAPI document, JSON Schema converter or form metadata; not zod's code that only its namespace object
 * reaches (50 locales, `z.fromJSONSchema`), which esbuild keeps whole as soon as one module the client loads writes
 * `import { z } from 'zod'` instead of `import * as z from 'zod'`. Bundled from the sources, as the benchmark bundles
 * the built packages.
 */
describe('the consumer bundle of createClient + UpdateContactInput', () => {
  const modules = bundle(consumerFile('cc-client'), { source: true }).then(({ metafile }) => bundledModules(metafile))
  const has = (found: string[], file: string) => found.some((path) => path === file || path.endsWith(`/${file}`))

  it('holds the client, the contact schemas and zod classic', async () => {
    const found = await modules
    expect(has(found, 'packages/client/src/client.ts')).toBe(true)
    expect(has(found, 'packages/schema/src/people.ts')).toBe(true)
    expect(has(found, 'zod/v4/classic/schemas.js')).toBe(true)
    expect(new Set(found.map(packageOf))).toEqual(new Set(['@cc/client', '@cc/schema', 'zod', 'ky', 'consumer']))
  })

  it('leaves out OpenAPI and JSON Schema generation and the form metadata', async () => {
    const found = await modules
    for (const file of ['openapi.ts', 'json-schema.ts', 'fields.ts']) {
      expect(found.filter((path) => path.endsWith(`packages/schema/src/${file}`))).toEqual([])
    }
    expect(found.filter((path) => path.endsWith('zod/v4/classic/from-json-schema.js'))).toEqual([])
  })

  it("keeps only zod's English messages (the client words errors itself)", async () => {
    const locales = (await modules).filter((path) => path.includes('/zod/v4/locales/'))
    expect(locales.map((path) => path.slice(path.lastIndexOf('/') + 1))).toEqual(['en.js'])
  })
})
