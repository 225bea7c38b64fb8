import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { isProcessAlive } from './process-alive.js'

export interface FileLockOptions {
  /** How long to wait for another process to let go. */
  timeoutMs?: number
  /** A lock older than this is taken over (its holder hung, or it was left by a machine that crashed). */
  staleMs?: number
}

export class FileLockTimeout extends Error {
  override name = 'FileLockTimeout'
}

const sleeper = new Int32Array(new SharedArrayBuffer(4))
/** Synchronous sleep: the lock is taken from exit handlers too, where nothing asynchronous runs. */
const sleep = (ms: number) => Atomics.wait(sleeper, 0, 0, ms)

/** The holder's pid and the token of its acquisition, as written in the lock file; `undefined` when there is none. */
function readLock(path: string): { pid: number; token: string; ageMs: number } | undefined {
  try {
    const ageMs = Date.now() - statSync(path).mtimeMs
    const [pid = '', token = ''] = readFileSync(path, 'utf8').trim().split(' ')
    return { pid: Number(pid), token, ageMs }
  } catch {
    return undefined
  }
}

/** A holder that was just created has not written its token yet: give it a moment before calling it stale. */
const UNWRITTEN_GRACE_MS = 1000

function isStale(holder: { pid: number; token: string; ageMs: number }, staleMs: number): boolean {
  if (holder.token === '') return holder.ageMs > UNWRITTEN_GRACE_MS
  return !isProcessAlive(holder.pid) || holder.ageMs > staleMs
}

/**
 * Run `work` while holding `path` as an exclusive lock file (created with O_EXCL, so one process at a time holds
 * it, across processes). A lock whose process is gone, or older than `staleMs`, is taken over. Waits at most
 * `timeoutMs`, then throws `FileLockTimeout`. Synchronous: the work is a read and a write of a small file.
 */
export function withFileLockSync<T>(path: string, work: () => T, options: FileLockOptions = {}): T {
  const timeoutMs = options.timeoutMs ?? 2000
  const staleMs = options.staleMs ?? 10_000
  const token = `${process.pid} ${Math.random().toString(36).slice(2)}`
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      const fd = openSync(path, 'wx', 0o600)
      try {
        writeSync(fd, `${token}\n`)
      } finally {
        closeSync(fd)
      }
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = readLock(path)
    if (holder && isStale(holder, staleMs)) {
      // Take a stale lock over, unless someone else did in between.
      const again = readLock(path)
      if (again?.token === holder.token && again.pid === holder.pid) {
        try {
          unlinkSync(path)
        } catch {
          // Someone else removed it first.
        }
      }
      continue
    }
    if (Date.now() > deadline) {
      throw new FileLockTimeout(`${path} is held by another process${holder ? ` (pid ${holder.pid})` : ''}`)
    }
    sleep(5 + Math.random() * 10)
  }
  try {
    return work()
  } finally {
    // Only our own lock: a holder that took a stale lock over is not robbed of its new one.
    if (readLock(path)?.token === token.split(' ')[1]) {
      try {
        unlinkSync(path)
      } catch {
        // Already gone.
      }
    }
  }
}
