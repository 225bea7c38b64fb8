/** A run under way (a bulk edit or an import), as the progress screen shows it. */
export interface RunProgress {
  /** Contacts (or rows) the run covers, over every run of the same journal. */
  total: number
  /** Of those, the ones with an outcome. */
  done: number
  failed: number
  /** What the outcomes were so far, in words ("updated", "no change needed" …), in order. */
  counts: ReadonlyArray<readonly [label: string, count: number]>
  /** `done` when this run started: work done by an earlier run does not count towards the rate. */
  doneAtStart: number
  /** When this run started and when the progress was last reported (ms since the epoch). */
  startedAt: number
  now: number
}

/** Outcomes a second over this run, once there is one to measure. */
export function runRate(progress: RunProgress): number | undefined {
  const seconds = (progress.now - progress.startedAt) / 1000
  const done = progress.done - progress.doneAtStart
  return seconds > 0 && done > 0 ? done / seconds : undefined
}

/** Seconds left at the rate so far, once there is one. */
export function secondsLeft(progress: RunProgress): number | undefined {
  const rate = runRate(progress)
  return rate === undefined ? undefined : Math.max(0, (progress.total - progress.done) / rate)
}

/** `42 s`, `3 min 5 s`, `1 h 2 min`. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds)
  if (s < 60) return `${s} s`
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`
}

/** A bar of `width` cells, `█` for the part done. */
export function progressBar(done: number, total: number, width: number): string {
  const cells = Math.max(1, width)
  const filled = total <= 0 ? cells : Math.min(cells, Math.floor((done / total) * cells))
  return `${'█'.repeat(filled)}${'░'.repeat(cells - filled)}`
}

/** A run that ended: what happened, and each failure with its reason. */
export interface RunResult {
  counts: ReadonlyArray<readonly [label: string, count: number]>
  total: number
  done: number
  failed: number
  /** Failures (and skipped contacts) by name or row, each with its reason: the first ones, up to a limit. */
  issues: ReadonlyArray<{ label: string; reason: string }>
  /** Why the run ended before the end (stopped with Esc, the server down …). */
  stopped?: string | undefined
  /** A retry (of the failed ones, or a resume of a stopped run) has something to do. */
  canRetry: boolean
}
