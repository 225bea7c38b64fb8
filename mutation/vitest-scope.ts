import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { configDefaults, defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
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

/**
 * Quickest test files first: the unit tests beside the modules, then the slower suites under test/ (property
 * runs, servers, child processes). Stryker stops a mutant's run at its first failing test (bail), so a mutant
 * that a unit test kills never waits for the slow suites; Vitest's own order runs the longest files first.
 */
class QuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const beside = (spec: TestSpecification) => (spec.moduleId.includes('/src/') ? 0 : 1)
    const duration = (spec: TestSpecification) => this.ctx.cache.getTestSpecificationResult(spec)?.duration
    const size = (spec: TestSpecification) => statSync(spec.moduleId).size
    return [...files].sort((a, b) => {
      if (beside(a) !== beside(b)) return beside(a) - beside(b)
      const [da, db] = [duration(a), duration(b)]
      return da !== undefined && db !== undefined ? da - db : size(a) - size(b)
    })
  }
}

/** One scope's own Vitest project, with the root config's resolve conditions and timeouts. */
export function scopeVitestConfig(name: keyof typeof scopes) {
  const scope = scopes[name]
  return defineConfig({
    root: repo,
    resolve: { ...root.resolve, alias: workspaceAliases() },
    ssr: root.ssr,
    test: {
      // Mutation runs are niced beside other work, with coverage counters on every statement: a property test that
      // takes seconds alone can take minutes then. Stryker times out a looping mutant by itself.
      testTimeout: 4 * (root.test?.testTimeout ?? 20_000),
      hookTimeout: 4 * (root.test?.hookTimeout ?? 30_000),
      sequence: { sequencer: QuickestFirst },
      projects: [
        {
          extends: true,
          test: {
            name: scope.project,
            root: scope.root,
            ...(scope.include ? { include: scope.include } : {}),
            exclude: [...configDefaults.exclude, ...(scope.exclude ?? [])],
          },
        },
      ],
    },
  })
}
