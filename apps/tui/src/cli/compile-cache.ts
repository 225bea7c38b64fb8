import module from 'node:module'

/**
 * Switch on Node's compile cache (Node 22.1+) in `dir`, so that each launch after the first reuses
 * the compiled editor instead of compiling it again. Only a speed-up: a directory that cannot be
 * created or written, `NODE_DISABLE_COMPILE_CACHE`, or an older Node leave it off and change
 * nothing else. Returns whether the cache is on.
 */
export function enableCompileCache(dir: string): boolean {
  if (typeof module.enableCompileCache !== 'function') return false
  try {
    const { status } = module.enableCompileCache(dir)
    const { ENABLED, ALREADY_ENABLED } = module.constants.compileCacheStatus
    return status === ENABLED || status === ALREADY_ENABLED
  } catch {
    return false
  }
}
