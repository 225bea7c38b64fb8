/** Where a command reads and writes: the process's own streams, or a test's. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
}

/** Exit codes: 0 done, 1 API or network problem, 2 invalid input. */
export const EXIT = { ok: 0, api: 1, invalid: 2 } as const

/** Whether a person is there to answer a question: a terminal on both ends. */
export const canAsk = (io: Io): boolean => io.stdin.isTTY === true && io.stderr.isTTY === true
