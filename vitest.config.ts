import { defaultClientConditions, defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'

// Resolve workspace packages to their TypeScript sources, so tests never need a build first.
const source = ['@cc/source']

export default defineConfig({
  resolve: { conditions: [...source, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [...source, ...defaultServerConditions], externalConditions: source } },
  test: {
    // Ink renders nothing when CI is set; component tests render with their own streams anyway.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'schema', root: 'packages/schema' } },
      { extends: true, test: { name: 'client', root: 'packages/client' } },
      { extends: true, test: { name: 'sandbox', root: 'packages/sandbox' } },
      {
        extends: true,
        // ink-testing-library imports ink without declaring it (not even as a peer): under pnpm's isolated
        // node_modules it finds ink only through the hoisted .pnpm/node_modules links, which break when
        // node_modules was installed elsewhere. Inlined, its `ink` is resolved from apps/tui (dedupe), which
        // also keeps one copy of ink and React between the library and the components it renders.
        resolve: { dedupe: ['ink', 'react'] },
        test: { name: 'tui', root: 'apps/tui', server: { deps: { inline: ['ink-testing-library'] } } },
      },
      { extends: true, test: { name: 'bench', root: 'bench' } },
      { extends: true, test: { name: 'repo', root: 'scripts' } },
    ],
  },
})
