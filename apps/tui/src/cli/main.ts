import packageJson from '../../package.json' with { type: 'json' }
import { ConfigFileError, configFileWarning, readConfigFile } from '../config/config-file.js'
import { resolveConnection } from '../config/connection.js'
import { appPaths } from '../config/paths.js'
import { startConnecting } from '../services/connect.js'
import { openSession } from '../services/session.js'
import { parseCommandLine, USAGE, UsageError } from './args.js'
import { createCommand } from './commands/create.js'
import { deleteCommand } from './commands/delete.js'
import { getCommand } from './commands/get.js'
import { logCommand } from './commands/log.js'
import { loginCommand } from './commands/login.js'
import { logoutCommand } from './commands/logout.js'
import { setCommand } from './commands/set.js'
import { exitWhenIdle } from './exit-when-idle.js'
import { EXIT, type Io } from './io.js'
import { hideSqliteWarning } from './warnings.js'

/** Runs one `cc-tui` command line and returns its exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  // The embedded sandbox loads node:sqlite; its Node 22 warning would land on the screen.
  hideSqliteWarning()
  const io: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }
  let args: ReturnType<typeof parseCommandLine>
  try {
    args = parseCommandLine(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`${error.message}\n\nRun cc-tui --help for usage.\n`)
    return EXIT.invalid
  }
  if (args.command === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return EXIT.ok
  }
  if (args.command === 'version') {
    process.stdout.write(`${packageJson.version}\n`)
    return EXIT.ok
  }
  const paths = appPaths()
  if (args.command === 'login') return loginCommand(args, env, paths, io)
  if (args.command === 'logout') return logoutCommand(paths, io)

  let config: ReturnType<typeof readConfigFile>
  try {
    config = readConfigFile(paths.configFile)
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error
    process.stderr.write(`${error.message}\n`)
    return EXIT.invalid
  }
  const warning = configFileWarning(paths.configFile)
  if (warning) process.stderr.write(`cc-tui: ${warning}\n`)
  const connection = resolveConnection(args, env, config)
  if (args.command === 'get') return getCommand(args, connection, paths, io)
  if (args.command === 'set') return setCommand(args, connection, paths, io)
  if (args.command === 'create') return createCommand(args, connection, paths, io)
  if (args.command === 'delete') return deleteCommand(args, connection, paths, io)
  if (args.command === 'log') return logCommand(args, connection, paths, io)
  // Loaded only for these two: the CSV reader and writer, and the import engine.
  if (args.command === 'export')
    return (await import('./commands/export.js')).exportCommand(args, connection, paths, io)
  if (args.command === 'import')
    return (await import('./commands/import.js')).importCommand(args, connection, paths, io)

  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(
      'cc-tui needs a terminal to open the editor. In scripts, use `cc-tui get <id>`, `cc-tui set <id> field=value` and the other commands of `cc-tui --help`.\n',
    )
    return EXIT.invalid
  }
  // From here on the terminal is raw, as the editor will use it: a key typed while the editor loads
  // stays a key (not echoed, Enter stays Enter) and is read when the first screen is up.
  process.stdin.setRawMode(true)
  // Connect first: the request is on its way while React and Ink load.
  const firstAttempt = startConnecting(() => openSession(connection, paths), { sandbox: connection.mode === 'sandbox' })
  // React's development build is several times slower per keystroke; it stays for whoever asks for it.
  process.env.NODE_ENV ??= 'production'
  let code: number = EXIT.api
  try {
    // Only the interactive path loads React and Ink.
    const [{ runInteractive }, { wantsColor }] = await Promise.all([import('../app/run.js'), import('../ui/theme.js')])
    code = await runInteractive({ connection, firstAttempt, paths, env, color: wantsColor(env, args.color) })
  } finally {
    // Should the editor fail to start, the connection still under way must not keep the process alive.
    firstAttempt.abort()
    exitWhenIdle(code, env)
  }
  return code
}
