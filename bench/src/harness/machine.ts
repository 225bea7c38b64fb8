import { readFileSync } from 'node:fs'
import os from 'node:os'

/** The machine a run happened on: numbers mean little without it. */
export interface Machine {
  cpu: string
  cores: number
  memoryGiB: number
  node: string
  platform: string
  /** 1-minute load average when the run started (before our own load): above ~0.5 on 2 cores, expect noise. */
  load1: number
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((text) => text.startsWith('model name'))
    if (line) return line.slice(line.indexOf(':') + 1).trim()
  } catch {
    // Not Linux: os.cpus() below.
  }
  return os.cpus()[0]?.model.trim() ?? 'unknown'
}

export function describeMachine(): Machine {
  return {
    cpu: cpuModel(),
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    load1: Number((os.loadavg()[0] ?? 0).toFixed(2)),
  }
}

export const formatMachine = (m: Machine): string =>
  `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}, load ${m.load1} when the run started`
