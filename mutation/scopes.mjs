// The mutation-testing scopes: what each one mutates and which package's own tests judge the mutants.
// Shared by the Stryker configs, the per-scope Vitest configs and the runner (run.mjs).

const notTests = ['!**/*.test.ts', '!**/*.test.tsx', '!**/test-*.ts']

export const scopes = {
  schema: {
    project: 'schema',
    root: 'packages/schema',
    mutate: ['packages/schema/src/**/*.ts', ...notTests],
  },
  client: {
    project: 'client',
    root: 'packages/client',
    mutate: ['packages/client/src/core/**/*.ts', 'packages/client/src/resources/**/*.ts', ...notTests],
  },
  sandbox: {
    project: 'sandbox',
    root: 'packages/sandbox',
    mutate: ['packages/sandbox/src/storage/**/*.ts', 'packages/sandbox/src/http/**/*.ts', ...notTests],
    exclude: [
      // Argument parsing and warning filters: they assert nothing that storage/ or http/ computes.
      'src/cli/**',
      // Spawns the built dist/cli.js (built before the run, never mutated): no mutant can reach it, and it would
      // cost seconds on every static mutant.
      'test/cli.test.ts',
      // Starts three Prism proxies through `pnpm dlx` (over 10 s) every time it runs, before any of its tests.
      'test/conformance.test.ts',
    ],
    // test/durability.test.ts stays: it kills a built CLI, then reopens the database with the (mutated) sources.
  },
  tui: {
    project: 'tui',
    root: 'apps/tui',
    mutate: ['apps/tui/src/state/**/*.ts', 'apps/tui/src/keys/**/*.ts', 'apps/tui/src/text/**/*.ts', ...notTests],
    // Judged by the unit tests beside the mutated modules only: a rule of the editor's state is tested where it
    // lives. The screens' and Main's tests render the whole editor (a minute per file) and would run for every
    // surviving or static mutant; the end-to-end tests drive the bundled dist/cli.js, which no mutant reaches.
    // Fewer tests can only kill fewer mutants: this score is a floor of the package-wide one.
    include: ['src/state/**/*.test.ts', 'src/keys/**/*.test.ts', 'src/text/**/*.test.ts'],
  },
}

export const scopeNames = Object.keys(scopes)
