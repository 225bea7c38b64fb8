/**
 * Node 22 prints "ExperimentalWarning: SQLite is an experimental feature" when the embedded
 * sandbox loads node:sqlite; on a full-screen editor that line would land in the middle of the
 * screen. Only that warning is hidden; every other one still reaches stderr.
 */
export function hideSqliteWarning(): void {
  const emitWarning = process.emitWarning
  process.emitWarning = function filtered(this: unknown, warning: string | Error, ...rest: unknown[]) {
    const option = rest[0]
    const type =
      typeof warning !== 'string'
        ? warning.name
        : typeof option === 'string'
          ? option
          : option && typeof option === 'object' && 'type' in option
            ? String(option.type)
            : undefined
    const message = typeof warning === 'string' ? warning : warning.message
    if (type === 'ExperimentalWarning' && message.includes('SQLite')) return
    return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest)
  } as typeof process.emitWarning
}
