import { scopes } from './scopes.mjs'

/**
 * The Stryker options for one scope. Mutants live in Stryker's sandbox copy of the repository (never in
 * place: the working tree is shared), and each scope's Vitest config points the workspace packages at that
 * copy, so the tests import the mutated code.
 *
 * @param {keyof typeof scopes} name
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function strykerConfig(name) {
  const scope = scopes[name]
  if (!scope) throw new Error(`unknown mutation scope "${name}"`)
  return {
    $schema: '../node_modules/@stryker-mutator/core/schema/stryker-schema.json',
    packageManager: 'pnpm',
    // With pnpm, Stryker cannot discover its plugins by itself: list the runner explicitly.
    plugins: ['@stryker-mutator/vitest-runner'],
    testRunner: 'vitest',
    vitest: { configFile: `mutation/${name}.vitest.ts` },
    // Each mutant runs only the tests that cover it.
    coverageAnalysis: 'perTest',
    mutate: scope.mutate,
    incremental: true,
    incrementalFile: `mutation/baseline/${name}.json`,
    // A temp dir per scope: Stryker deletes its temp dir whole when a run ends, so scopes may run side by side.
    tempDirName: `.stryker-tmp/${name}`,
    ignorePatterns: ['.stryker-tmp', 'coverage', '.turbo', 'bench/results', '.vitest*.json'],
    reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
    clearTextReporter: { allowEmojis: false, reportTests: false, reportMutants: false },
    jsonReporter: { fileName: `reports/mutation/${name}/mutation.json` },
    htmlReporter: { fileName: `reports/mutation/${name}/index.html` },
    // 2 cores: one worker each. Generous timeouts, since other work shares the machine.
    concurrency: 2,
    timeoutMS: 10_000,
    timeoutFactor: 2,
    thresholds: { high: 90, low: 80, break: null },
  }
}
