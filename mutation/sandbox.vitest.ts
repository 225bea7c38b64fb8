import { scopeVitestConfig } from './vitest-scope.ts'

export default scopeVitestConfig('sandbox')
