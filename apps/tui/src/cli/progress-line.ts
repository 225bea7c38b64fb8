import type { Io } from './io.js'

/** Redraws at most this often. */
const INTERVAL_MS = 100

/**
 * One status line on stderr, redrawn in place, only when stderr is a terminal (a script's log gets nothing) and
 * `enabled`. `done()` clears it.
 */
export function progressLine(io: Io, enabled = true): { update(text: string, force?: boolean): void; done(): void } {
  const live = enabled && io.stderr.isTTY === true
  let last = 0
  let shown = false
  return {
    update(text, force = false) {
      if (!live) return
      const now = Date.now()
      if (!force && now - last < INTERVAL_MS) return
      last = now
      shown = true
      io.stderr.write(`\r\x1b[2K${text}`)
    },
    done() {
      if (live && shown) io.stderr.write('\r\x1b[2K')
      shown = false
    },
  }
}
