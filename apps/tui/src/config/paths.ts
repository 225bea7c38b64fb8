import { join } from 'node:path'
import envPaths from 'env-paths'

export interface AppPaths {
  /** `cc-tui login` writes the API key here (mode 0600). */
  configFile: string
  /** The embedded sandbox keeps its SQLite database here, so demo edits persist. */
  sandboxDir: string
  /** Unsaved drafts, one entry per contact. */
  draftsFile: string
  /** Node's compile cache of the editor's code: launches after the first skip compiling it again. */
  compileCacheDir: string
  /** Journals of imports, one per imported file (named by its SHA-256), kept until the import is done. */
  importsDir: string
  /** Journals of bulk edits, one per run (named by a random id), kept until every contact of it is done. */
  bulkDir: string
}

/**
 * Where the editor keeps its files, in the user's own directories (XDG on Linux: config in
 * `$XDG_CONFIG_HOME`, the sandbox in `$XDG_DATA_HOME`, drafts and import journals in `$XDG_STATE_HOME`, compiled code in
 * `$XDG_CACHE_HOME`).
 */
export function appPaths(): AppPaths {
  const paths = envPaths('cc-tui', { suffix: '' })
  // env-paths has no "state" directory; on Linux its `log` is $XDG_STATE_HOME, elsewhere keep drafts with the data.
  const state = process.platform === 'linux' ? paths.log : paths.data
  return {
    configFile: join(paths.config, 'config.json'),
    sandboxDir: join(paths.data, 'sandbox'),
    draftsFile: join(state, 'drafts.json'),
    compileCacheDir: join(paths.cache, 'compile-cache'),
    importsDir: join(state, 'imports'),
    bulkDir: join(state, 'bulk'),
  }
}
