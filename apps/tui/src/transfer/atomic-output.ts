import { closeSync, createWriteStream, fsyncSync, openSync, renameSync, rmSync, type WriteStream } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** A file written in full or not at all: the data goes to a temporary file beside it, renamed over it at the end. */
export interface AtomicOutput {
  stream: WriteStream
  /** After `stream` has ended: flush to disk and put the file in place. */
  commit(): void
  /** Remove the temporary file (the target is untouched). */
  discard(): void
}

/**
 * Opens `path` for an export: a stopped or failed export leaves any earlier file as it was, never a half-written
 * one. Mode 0600: an export holds people's contact details.
 */
export function openAtomicOutput(path: string): AtomicOutput {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`)
  const fd = openSync(temp, 'wx', 0o600)
  let open = true
  const close = () => {
    if (open) closeSync(fd)
    open = false
  }
  return {
    stream: createWriteStream('', { fd, autoClose: false }),
    commit() {
      fsyncSync(fd)
      close()
      renameSync(temp, path)
    },
    discard() {
      close()
      rmSync(temp, { force: true })
    },
  }
}
