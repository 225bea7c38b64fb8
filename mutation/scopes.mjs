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
    // The CLI's tests check its argument parsing (src/cli imports nothing from storage/ or http/) and spawn the
    // built dist/cli.js, never mutated: they cannot kill a mutant here, yet would run for every static mutant.
    exclude: ['src/cli/**'],
  },
  tui: {
    project: 'tui',
    root: 'apps/tui',
    mutate: ['apps/tui/src/state/**/*.ts', 'apps/tui/src/keys/**/*.ts', 'apps/tui/src/text/**/*.ts', ...notTests],
    // These drive the bundled dist/cli.js (built before the run, so never mutated) in tmux or a child process:
    // no mutant can reach them, and they would cost seconds on every mutant that runs the whole suite.
    exclude: ['test/e2e/**'],
  },
}

export const scopeNames = Object.keys(scopes)
