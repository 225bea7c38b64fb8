import { relative } from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import { scopeVitestConfig } from './vitest-scope.ts'

/**
 * The suites that start a sandbox or wait in real time, cheapest first. Stryker runs a mutant's tests one file after
 * another and stops at the first failure: with the unit tests beside the modules first (a few milliseconds each) and
 * these last, most mutants die before a sandbox starts. Only the order changes, never which tests run.
 */
const SLOW_LAST = [
  'test/redirects.test.ts',
  'test/abort.test.ts',
  'test/escape-hatches.test.ts',
  'test/docs-profile.test.ts',
  'test/secrets.test.ts',
  'test/profiles.test.ts',
  'test/resources.test.ts',
  'test/examples.test.ts',
  'test/bulk.test.ts',
  'test/faults.test.ts',
]

class FastFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const path = relative(file.project.config.root, file.moduleId)
      if (path.startsWith('src/')) return 0
      const slow = SLOW_LAST.indexOf(path)
      return slow === -1 ? 1 : 2 + slow
    }
    return files
      .map((file) => ({ file, rank: rank(file), path: file.moduleId }))
      .sort((a, b) => a.rank - b.rank || a.path.localeCompare(b.path))
      .map(({ file }) => file)
  }
}

const config = scopeVitestConfig('client')
export default { ...config, test: { ...config.test, sequence: { sequencer: FastFirst } } }
