import { render } from 'ink'
import type { Connection } from '../config/connection.js'
import type { AppPaths } from '../config/paths.js'
import { DraftStore } from '../drafts/draft-store.js'
import { createTheme, ThemeProvider } from '../ui/theme.js'
import { App } from './App.js'
import { openSandboxSession, openSession, type Session } from './session.js'

export interface RunOptions {
  connection: Connection
  paths: AppPaths
  env: NodeJS.ProcessEnv
  color: boolean
}

// Leave the alternate screen, show the cursor, stop bracketed paste: harmless when already done.
const RESTORE_TERMINAL = '\u001b[?2004l\u001b[?25h\u001b[?1049l'

/**
 * The interactive editor. Loaded with `import()` only when there is a terminal, so scripts that
 * run `cc-tui get` never load React or Ink. Returns the exit code.
 */
export async function runInteractive({ connection, paths, env, color }: RunOptions): Promise<number> {
  const linear = env.INK_SCREEN_READER === 'true'
  const theme = createTheme({ color, linear })
  const drafts = new DraftStore(paths.draftsFile)
  const sessions: Session[] = []
  const target =
    connection.mode === 'sandbox'
      ? 'the local sandbox'
      : connection.baseUrl
        ? new URL(connection.baseUrl).host
        : 'the API'

  const instance = render(
    <ThemeProvider theme={theme}>
      <App
        connect={() => openSession(connection, paths)}
        connectSandbox={() => openSandboxSession(paths)}
        target={target}
        drafts={drafts}
        env={env}
        onSession={(session) => sessions.push(session)}
      />
    </ThemeProvider>,
    {
      exitOnCtrlC: false,
      // A screen reader reads the normal screen; everyone else gets the full-screen editor.
      alternateScreen: !linear,
      isScreenReaderEnabled: linear,
      patchConsole: true,
    },
  )

  let restored = false
  const restore = () => {
    if (restored) return
    restored = true
    drafts.flush()
    try {
      instance.unmount()
    } catch {
      // Already unmounted.
    }
    if (process.stdin.isTTY) process.stdin.setRawMode(false)
    if (process.stdout.isTTY) process.stdout.write(RESTORE_TERMINAL)
  }
  const crash = (error: unknown) => {
    restore()
    process.stderr.write(`cc-tui crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.stderr.write(drafts.list().length > 0 ? `Unsaved drafts are kept in ${drafts.path}\n` : '')
    process.exit(1)
  }
  const onSignal = (signal: NodeJS.Signals) => {
    restore()
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15))
  }
  process.on('uncaughtException', crash)
  process.on('unhandledRejection', crash)
  for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) process.on(signal, onSignal)
  process.on('exit', restore)

  let code = 0
  try {
    await instance.waitUntilExit()
  } catch (error) {
    code = 1
    restore()
    process.stderr.write(`cc-tui stopped: ${error instanceof Error ? error.message : String(error)}\n`)
  }
  restore()
  await Promise.allSettled(sessions.map((session) => session.close()))
  return code
}
