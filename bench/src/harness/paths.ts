import { fileURLToPath } from 'node:url'

/** `bench/` */
export const benchDir = fileURLToPath(new URL('../../', import.meta.url))
/** The repository root. */
export const rootDir = fileURLToPath(new URL('../../../', import.meta.url))
export const resultsDir = fileURLToPath(new URL('../../results/', import.meta.url))
export const budgetFile = fileURLToPath(new URL('../../size-budget.json', import.meta.url))
export const benchmarksMd = fileURLToPath(new URL('../../../BENCHMARKS.md', import.meta.url))
