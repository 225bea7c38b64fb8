import type { Benchmark } from '../harness/benchmark.ts'
import { bulk } from './bulk.ts'
import { bundleSizeBenchmark } from './bundle-size.ts'
import { clientOverhead } from './client-overhead.ts'
import { growth } from './growth.ts'
import { importBenchmark } from './import.ts'
import { sandboxThroughput } from './sandbox-throughput.ts'
import { tuiStart } from './tui-start.ts'
import { tuiTyping } from './tui-typing.ts'
import { validation } from './validation.ts'

/** Every benchmark, in the order of BENCHMARKS.md. */
export const benchmarks: Benchmark[] = [
  clientOverhead,
  validation,
  sandboxThroughput,
  bulk,
  tuiStart,
  tuiTyping,
  bundleSizeBenchmark,
  importBenchmark,
  growth,
]
