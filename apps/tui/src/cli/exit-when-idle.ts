/** How long the process may stay busy after the editor has closed before it is ended anyway. */
export const EXIT_GRACE_MS = 1000

/**
 * Exit with `code` as soon as nothing is left to do, which is at once after the editor closed: its
 * sessions abort their requests, the drafts are flushed and Ink lets go of the terminal.
 *
 * A safety net stays: should anything still hold the event loop `EXIT_GRACE_MS` later (a socket or a
 * timer of a library), the process is ended anyway, because a person who quit must get their shell
 * back. With `CC_TUI_DEBUG` set it first says what was still open, so the cause can be found.
 */
export function exitWhenIdle(code: number, env: NodeJS.ProcessEnv): void {
  process.exitCode = code
  const net = setTimeout(() => {
    if (env.CC_TUI_DEBUG) {
      const open = process.getActiveResourcesInfo().join(', ') || 'nothing listed'
      process.stderr.write(`cc-tui: still busy ${EXIT_GRACE_MS} ms after closing (${open}); exiting anyway.\n`)
    }
    process.exit(code)
  }, EXIT_GRACE_MS)
  // The net itself must not be what keeps the process alive.
  net.unref()
}
