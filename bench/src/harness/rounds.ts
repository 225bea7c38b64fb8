import { Bench } from 'tinybench'
import { median, type Summary, summarize } from './stats.ts'

export interface TimedTask {
  name: string
  fn: () => unknown
}

export interface RoundsOptions {
  rounds: number
  /** Minimum measuring time per task and round, in ms. */
  time: number
  /** Minimum iterations per task and round. */
  iterations: number
  /** Warm-up per task and round (not measured), in ms and iterations. */
  warmupTime: number
  warmupIterations: number
}

export interface Measured {
  name: string
  /** Every measured sample of every round, in ms. Warm-up iterations are not in it. */
  samples: number[]
  /** The median of each round, to see how much the rounds disagree. */
  roundMedians: number[]
  summary: Summary
}

/**
 * Times each task with tinybench in several rounds. Each round warms every task up first and runs the tasks in a
 * rotated order, so that a slow stretch of a shared machine does not land on one task only.
 */
export async function measureInRounds(tasks: readonly TimedTask[], options: RoundsOptions): Promise<Measured[]> {
  const samples = new Map<string, number[]>(tasks.map((task) => [task.name, []]))
  const roundMedians = new Map<string, number[]>(tasks.map((task) => [task.name, []]))
  for (let round = 0; round < options.rounds; round++) {
    const bench = new Bench({
      time: options.time,
      iterations: options.iterations,
      warmup: true,
      warmupTime: options.warmupTime,
      warmupIterations: options.warmupIterations,
      retainSamples: true,
      throws: true,
    })
    const order = tasks.map((_, i) => tasks[(i + round) % tasks.length] as TimedTask)
    for (const task of order) bench.add(task.name, task.fn)
    await bench.run()
    for (const task of bench.tasks) {
      const result = task.result
      if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`)
      const taskSamples = [...(result.latency.samples ?? [])]
      samples.get(task.name)?.push(...taskSamples)
      roundMedians.get(task.name)?.push(median(taskSamples))
    }
  }
  return tasks.map((task) => {
    const all = samples.get(task.name) ?? []
    return { name: task.name, samples: all, roundMedians: roundMedians.get(task.name) ?? [], summary: summarize(all) }
  })
}
