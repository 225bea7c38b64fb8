import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Write a file so that a reader (or a crash) sees either the old content or the new, never half:
 * write a temporary file next to it, flush it to disk, then rename it over the target.
 * Synchronous on purpose: it also runs from exit handlers, where nothing asynchronous finishes.
 */
export function writeFileAtomicSync(path: string, data: string, mode = 0o600): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  try {
    writeFileSync(temp, data, { mode, flush: true })
    renameSync(temp, path)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}
