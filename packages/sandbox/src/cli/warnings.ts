/**
 * Node 22 prints "ExperimentalWarning: SQLite is an experimental feature" when node:sqlite loads.
 * The CLI hides exactly that warning; every other warning still reaches stderr.
 * Call before node:sqlite is imported (the CLI loads the sandbox with a dynamic import after this).
 */
export function hideSqliteExperimentalWarning(): void {
  const emitWarning = process.emitWarning
  process.emitWarning = function filteredEmitWarning(this: unknown, warning: string | Error, ...rest: unknown[]) {
    const type = typeof warning === 'string' ? typeOf(rest[0]) : warning.name
    const message = typeof warning === 'string' ? warning : warning.message
    if (type === 'ExperimentalWarning' && message.includes('SQLite')) return
    return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest)
  } as typeof process.emitWarning
}

function typeOf(option: unknown): string | undefined {
  if (typeof option === 'string') return option
  if (option !== null && typeof option === 'object' && 'type' in option) return String(option.type)
  return undefined
}

/**
 * Shows the sandbox's security warnings (code `code`) as a banner through `write` instead of Node's one-line
 * `(node:…) SecurityWarning` form, so that they stand out in the start-up output.
 */
export function showSecurityWarningsAsBanner(code: string, write: (text: string) => void): void {
  const emitWarning = process.emitWarning
  process.emitWarning = function bannerEmitWarning(this: unknown, warning: string | Error, ...rest: unknown[]) {
    const option = rest[0]
    const warningCode =
      warning instanceof Error
        ? (warning as NodeJS.ErrnoException).code
        : option !== null && typeof option === 'object' && 'code' in option
          ? String(option.code)
          : undefined
    if (warningCode === code) {
      const message = typeof warning === 'string' ? warning : warning.message
      write(`\n  !! WARNING: ${message}\n\n`)
      return
    }
    return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest)
  } as typeof process.emitWarning
}
