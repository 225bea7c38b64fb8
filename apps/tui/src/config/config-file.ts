import { chmodSync, readFileSync } from 'node:fs'
import { fieldErrors, messages, summarizeFieldErrors, worded } from '@cc/schema'
import { z } from 'zod'
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

/** Write the config file readable by the user only (0600), replacing it atomically. */
export function writeConfigFile(path: string, config: ConfigFile): void {
  writeFileAtomicSync(path, `${JSON.stringify(ConfigFile.parse(config), null, 2)}\n`, 0o600)
  // An existing file keeps its mode through rename on some systems; make sure.
  chmodSync(path, 0o600)
}
