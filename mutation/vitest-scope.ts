import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { configDefaults, defineConfig } from 'vitest/config'
import root from '../vitest.config.ts'
import { scopes } from './scopes.mjs'

const repo = resolve(import.meta.dirname, '..')

/**
 * `@cc/*` → that package's TypeScript source in THIS copy of the repository. Stryker runs the tests in a sandbox
 * copy whose node_modules are symlinks to the original tree, where pnpm's workspace links point back at the
 * original (unmutated) packages; these aliases make every import of a workspace package load the mutated copy.
 */
function workspaceAliases() {
  const aliases = []
  for (const group of ['packages', 'apps']) {
    for (const entry of readdirSync(join(repo, group), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue
      const dir = join(repo, group, entry.name)
      let manifest: { name?: string; exports?: Record<string, unknown> }
      try {
        manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      } catch {
        continue
      }
      const main = manifest.exports?.['.'] as Record<string, string> | undefined
      if (!manifest.name || !main?.['@cc/source']) continue
      const name = manifest.name.replace('/', '\\/')
      aliases.push({ find: new RegExp(`^${name}$`), replacement: join(dir, main['@cc/source']) })
      aliases.push({ find: new RegExp(`^${name}/`), replacement: `${dir}/` })
    }
  }
  return aliases
}

/** One scope's own Vitest project, with the root config's resolve conditions and timeouts. */
export function scopeVitestConfig(name: keyof typeof scopes) {
  const scope = scopes[name]
  return defineConfig({
    root: repo,
    resolve: { ...root.resolve, alias: workspaceAliases() },
    ssr: root.ssr,
    test: {
      testTimeout: root.test?.testTimeout,
      hookTimeout: root.test?.hookTimeout,
      projects: [
        {
          extends: true,
          test: {
            name: scope.project,
            root: scope.root,
            exclude: [...configDefaults.exclude, ...(scope.exclude ?? [])],
          },
        },
      ],
    },
  })
}
