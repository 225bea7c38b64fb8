#!/usr/bin/env node
import { readFileSync } from 'node:fs'
import { parseCommandLine, USAGE, UsageError } from './cli/args.js'
import { EXIT, getCommand, type Io, loginCommand, logoutCommand, setCommand } from './cli/commands.js'
import { hideSqliteWarning } from './cli/warnings.js'
import { ConfigFileError, readConfigFile } from './config/config-file.js'
import { resolveConnection } from './config/connection.js'
import { appPaths } from './config/paths.js'

// The embedded sandbox loads node:sqlite; its Node 22 warning would land on the screen.
hideSqliteWarning()

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
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
    process.stdout.write(`${version()}\n`)
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
  const connection = resolveConnection(args, env, config)
  if (args.command === 'get') return getCommand(args, connection, paths, io)
  if (args.command === 'set') return setCommand(args, connection, paths, io)

  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(
      'cc-tui needs a terminal to open the editor. In scripts, use `cc-tui get <id>` or `cc-tui set <id> field=value`.\n',
    )
    return EXIT.invalid
  }
  // Only the interactive path loads React and Ink.
  const { runInteractive } = await import('./app/run.js')
  const { wantsColor } = await import('./ui/theme.js')
  const color = wantsColor(env, args.color)
  const code = await runInteractive({ connection, paths, env, color })
  // Drafts are flushed and connections closed by now; do not wait on idle sockets or stray timers.
  process.exit(code)
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`cc-tui: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
