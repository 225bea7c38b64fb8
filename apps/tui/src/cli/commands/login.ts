import { createClient } from '@cc/client'
import { readConfigFile, writeConfigFile } from '../../config/config-file.js'
import type { AppPaths } from '../../config/paths.js'
import { describeError } from '../../services/describe-error.js'
import { displayLine } from '../../text/sanitize.js'
import type { ParsedArgs } from '../args.js'
import { EXIT, type Io } from '../io.js'
import { readAll } from '../read-all.js'
import { readSecret } from '../read-secret.js'

/** `cc-tui login [< keyfile]`: reads a key (hidden prompt, or stdin), checks it against /me and saves it (mode 0600). */
export async function loginCommand(args: ParsedArgs, env: NodeJS.ProcessEnv, paths: AppPaths, io: Io): Promise<number> {
  const apiKey = io.stdin.isTTY
    ? await readSecret('API key (from Admin > API Keys): ', io)
    : (await readAll(io.stdin)).trim()
  if (!apiKey) {
    io.stderr.write('No key given. Type it when asked, or pipe it in: cc-tui login < keyfile\n')
    return EXIT.invalid
  }
  const baseUrl = args.baseUrl ?? (env.CC_BASE_URL?.trim() || undefined)
  let client: ReturnType<typeof createClient>
  try {
    client = createClient({ apiKey, ...(baseUrl ? { baseUrl } : {}), logLevel: 'off' })
  } catch (error) {
    io.stderr.write(`${describeError(error).message}\n`)
    return EXIT.invalid
  }
  if (args.verify) {
    try {
      const me = await client.me({ maxRetries: 1 })
      io.stdout.write(
        `The key works: signed in as ${displayLine([me.firstName, me.lastName].filter(Boolean).join(' ')) || displayLine(me.email) || 'a user without a name'}.\n`,
      )
    } catch (error) {
      io.stderr.write(`${describeError(error).message}\nThe key was not saved (use --no-verify to save it anyway).\n`)
      return EXIT.api
    }
  }
  let existing = {}
  try {
    existing = readConfigFile(paths.configFile)
  } catch {
    // A broken file is replaced.
  }
  writeConfigFile(paths.configFile, { ...existing, apiKey, ...(baseUrl ? { baseUrl } : {}) })
  io.stdout.write(`Saved to ${paths.configFile} (readable only by you).\n`)
  return EXIT.ok
}
