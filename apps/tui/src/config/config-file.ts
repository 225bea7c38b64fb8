import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { fieldErrors, messages, summarizeFieldErrors, worded } from '@cc/schema'
import * as z from 'zod'
import { writeFileAtomicSync } from '../fs/atomic-write.js'

export const ConfigFile = z.strictObject(
  {
    apiKey: z.string(worded).min(1, worded).optional(),
    baseUrl: z.url(`${messages.url} like https://api.clientcommander.com/v1`).optional(),
  },
  worded,
)
export type ConfigFile = z.infer<typeof ConfigFile>

export class ConfigFileError extends Error {
  override name = 'ConfigFileError'
}

/** The config file, or `{}` when there is none. A broken file is an error that names the file and the problem. */
export function readConfigFile(path: string): ConfigFile {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw new ConfigFileError(`Cannot read ${path}: ${(error as Error).message}`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new ConfigFileError(`${path} is not valid JSON. Fix it or run \`cc-tui login\` again.`)
  }
  const parsed = ConfigFile.safeParse(json)
  if (!parsed.success) {
    // Named as they are written in the file; the whole file is `*`.
    const problems = fieldErrors(parsed.error, { labels: {} })
    throw new ConfigFileError(`${path}: ${summarizeFieldErrors(problems, Number.POSITIVE_INFINITY)}`)
  }
  return parsed.data
}

/**
 * Write the config file readable by the user only (0600), replacing it atomically, in a directory only the user
 * can enter (0700, even when it existed before with a wider mode).
 */
export function writeConfigFile(path: string, config: ConfigFile): void {
  const dir = dirname(path)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  chmodSync(dir, 0o700)
  writeFileAtomicSync(path, `${JSON.stringify(ConfigFile.parse(config), null, 2)}\n`, 0o600)
  // An existing file keeps its mode through rename on some systems; make sure.
  chmodSync(path, 0o600)
}

/**
 * A warning when the config file (which holds the API key) can be read or changed by other users, or is not the
 * user's own; `undefined` when it is private, or missing. Only said: the file is the person's to fix.
 */
export function configFileWarning(path: string): string | undefined {
  if (process.platform === 'win32') return undefined
  let stat: ReturnType<typeof statSync>
  try {
    stat = statSync(path)
  } catch {
    return undefined
  }
  const mode = stat.mode & 0o777
  const ownedByOther = typeof process.getuid === 'function' && stat.uid !== process.getuid()
  if ((mode & 0o077) === 0 && !ownedByOther) return undefined
  const who = ownedByOther
    ? `belongs to another user (uid ${stat.uid})`
    : `can be read or changed by other users (mode ${mode.toString(8).padStart(4, '0')})`
  return `warning: ${path} ${who}, and it holds your API key. Make it yours alone: chmod 600 ${path}`
}
