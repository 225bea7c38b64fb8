import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs'

/** A process's memory as Linux counts it in `/proc/<pid>/status`, in MB (10^6 bytes). */
export interface ProcessMemory {
  /** `VmRSS`: resident now. */
  rssMb: number
  /** `VmHWM`: the most it was ever resident (the peak, kept by the kernel: no sampling misses it). */
  peakMb: number
}

const kbField = (status: string, name: string): number => {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status)
  if (!match) throw new Error(`/proc status has no ${name} line`)
  return Number(match[1])
}

/** `VmRSS` and `VmHWM` of a `/proc/<pid>/status` text. */
export function parseProcStatus(status: string): ProcessMemory {
  return { rssMb: (kbField(status, 'VmRSS') * 1024) / 1e6, peakMb: (kbField(status, 'VmHWM') * 1024) / 1e6 }
}

/** The memory of process `pid` (or of this process, `'self'`); throws when it is gone or not on Linux. */
export function processMemory(pid: number | 'self'): ProcessMemory {
  return parseProcStatus(readFileSync(`/proc/${pid}/status`, 'utf8'))
}

/** The parent pid and command name in a `/proc/<pid>/stat` line (the name may hold spaces and parentheses). */
export function parseProcStat(stat: string): { ppid: number; comm: string } {
  const open = stat.indexOf('(')
  const close = stat.lastIndexOf(')')
  const ppid = Number(stat.slice(close + 2).split(' ')[1])
  if (open === -1 || close < open || !Number.isInteger(ppid)) throw new Error(`not a /proc stat line: ${stat}`)
  return { ppid, comm: stat.slice(open + 1, close) }
}

/** The pids of every running process whose parent is `pid`. */
export function childPids(pid: number): number[] {
  const children: number[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      if (parseProcStat(readFileSync(`/proc/${name}/stat`, 'utf8')).ppid === pid) children.push(Number(name))
    } catch {
      // It ended while we looked.
    }
  }
  return children
}

/**
 * The first process below `pid` (children, then grandchildren…) that runs the executable `exe`: the program a
 * wrapper such as `script` runs. (By executable, not by name: Node names its main thread "MainThread".)
 */
export function findDescendant(pid: number, exe: string): number | undefined {
  const wanted = realpathSync(exe)
  let level = [pid]
  while (level.length > 0) {
    const next = level.flatMap(childPids)
    for (const child of next) {
      try {
        if (readlinkSync(`/proc/${child}/exe`) === wanted) return child
      } catch {
        // It ended while we looked.
      }
    }
    level = next
  }
  return undefined
}
