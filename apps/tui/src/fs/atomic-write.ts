import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { isProcessAlive } from './process-alive.js'

/** `drafts.json.<pid>.<random>.tmp`: the writer's pid tells a temp file in use from one left by a writer that died. */
const tempName = (path: string) => `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`

/**
 * Write a file so that a reader (or a crash) sees either the old content or the new, never half:
 * write a temporary file next to it, flush it to disk, then rename it over the target.
 * Synchronous on purpose: it also runs from exit handlers, where nothing asynchronous finishes.
 */
export function writeFileAtomicSync(path: string, data: string, mode = 0o600): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  const temp = tempName(path)
  try {
    writeFileSync(temp, data, { mode, flush: true })
    renameSync(temp, path)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}

/** A temp file lives for the few milliseconds of one write; one this old is left over, whoever wrote it. */
const ABANDONED_AFTER_MS = 60_000

/**
 * Remove temp files of `path` that a writer killed mid-write left behind (its process is gone, or the file is
 * long past any write). Returns how many went. Never throws: it is housekeeping.
 */
export function removeStaleTempFiles(path: string, now = Date.now()): number {
  const dir = dirname(path)
  const prefix = `${basename(path)}.`
  let removed = 0
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return 0
  }
  for (const name of names) {
    const match = name.startsWith(prefix) ? /^(\d+)\.[a-z0-9]*\.tmp$/.exec(name.slice(prefix.length)) : null
    if (!match) continue
    const file = join(dir, name)
    try {
      const abandoned = now - statSync(file).mtimeMs > ABANDONED_AFTER_MS
      if (abandoned || !isProcessAlive(Number(match[1]))) {
        rmSync(file, { force: true })
        removed++
      }
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed
}
