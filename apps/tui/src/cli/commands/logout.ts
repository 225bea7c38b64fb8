import { readConfigFile, writeConfigFile } from '../../config/config-file.js'
import type { AppPaths } from '../../config/paths.js'
import { EXIT, type Io } from '../io.js'

/** `cc-tui logout`: forgets the saved key (the rest of the config stays). */
export function logoutCommand(paths: AppPaths, io: Io): number {
  let existing: ReturnType<typeof readConfigFile> = {}
  try {
    existing = readConfigFile(paths.configFile)
  } catch {
    // A broken file is replaced.
  }
  const { apiKey: _forgotten, ...rest } = existing
  writeConfigFile(paths.configFile, rest)
  io.stdout.write(`The saved API key is gone from ${paths.configFile}.\n`)
  return EXIT.ok
}
