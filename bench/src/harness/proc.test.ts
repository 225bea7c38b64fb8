import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findDescendant, parseProcStat, parseProcStatus, processMemory } from './proc.ts'

describe('parseProcStatus', () => {
  it('reads VmRSS and VmHWM in MB', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1200000 kB\nVmHWM:\t  300000 kB\nVmRSS:\t  250000 kB\nThreads:\t7\n'
    expect(parseProcStatus(status)).toEqual({ rssMb: 256, peakMb: 307.2 })
  })

  it('names the line that is missing', () => {
    expect(() => parseProcStatus('Name:\tnode\nVmRSS:\t 10 kB\n')).toThrow('/proc status has no VmHWM line')
  })
})

describe('parseProcStat', () => {
  it('takes the parent pid after the command name, even one with spaces and parentheses', () => {
    expect(parseProcStat('4242 (node) S 4241 4242 100 0 -1')).toEqual({ ppid: 4241, comm: 'node' })
    expect(parseProcStat('7 (a (b) c) R 1 7 7 0 -1')).toEqual({ ppid: 1, comm: 'a (b) c' })
  })

  it('refuses what is not a stat line', () => {
    expect(() => parseProcStat('garbage')).toThrow(/not a \/proc stat line/)
  })
})

describe.runIf(existsSync('/proc/self/status'))('on this machine', () => {
  it('reads this process’s memory: resident now, and a peak at least as high', () => {
    const memory = processMemory('self')
    expect(memory.rssMb).toBeGreaterThan(1)
    expect(memory.peakMb).toBeGreaterThanOrEqual(memory.rssMb)
  })

  it('finds the program a shell runs, below the shell, by its executable', async () => {
    // The shell forks (a command follows), so the program is its child.
    const shell = spawn('sh', ['-c', `'${process.execPath}' -e 'setTimeout(() => {}, 30000)'; true`], {
      stdio: 'ignore',
    })
    try {
      const pid = shell.pid as number
      let program: number | undefined
      for (let i = 0; i < 250 && program === undefined; i++) {
        program = findDescendant(pid, process.execPath)
        if (program === undefined) await new Promise((resolve) => setTimeout(resolve, 20))
      }
      expect(program).toBeDefined()
      expect(parseProcStat(readFileSync(`/proc/${program}/stat`, 'utf8')).ppid).toBe(pid)
      expect(findDescendant(pid, '/bin/sh')).toBeUndefined()
      process.kill(program as number)
    } finally {
      shell.kill()
      await once(shell, 'exit')
    }
  })
})
