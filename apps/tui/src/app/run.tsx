import { render } from 'ink'
import type { Connection } from '../config/connection.js'
import type { AppPaths } from '../config/paths.js'
import { DraftStore } from '../drafts/draft-store.js'
import { draftsExitReport } from '../drafts/exit-report.js'
import { InputRouter } from '../input/input-router.js'
import type { ConnectAttempt } from '../services/connect.js'
import { openSandboxSession, openSession, type Session } from '../services/session.js'
import { createTheme, ThemeProvider } from '../ui/theme.js'
import { App, isStartupFailure } from './App.js'

export interface RunOptions {
  connection: Connection
  /** The connection, already under way while the interface loads (`startConnecting`). */
  firstAttempt: ConnectAttempt
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
export async function runInteractive({ connection, firstAttempt, paths, env, color }: RunOptions): Promise<number> {
  const linear = env.INK_SCREEN_READER === 'true'
  const theme = createTheme({ color, linear })
  const drafts = new DraftStore(paths.draftsFile)
  // Every session that opens is closed on the way out.
  const sessions = new Set<Session>()
  void firstAttempt.outcome.then((outcome) => outcome.kind === 'ready' && sessions.add(outcome.session))
  const target = connection.mode === 'sandbox' ? 'the local sandbox' : hostOf(connection.baseUrl)

  // A connection that is quick (the sandbox, a near API) opens straight on the contacts list; a slow
  // one gets the "Connecting…" screen after this short wait.
  await settledWithin(firstAttempt, FIRST_FRAME_WAIT_MS)
  const instance = render(
    <ThemeProvider theme={theme}>
      <InputRouter>
        <App
          firstAttempt={firstAttempt}
          connect={() => openSession(connection, paths)}
          connectSandbox={() => openSandboxSession(paths)}
          target={target}
          offersSandbox={connection.mode !== 'sandbox'}
          drafts={drafts}
          env={env}
          onSession={(session) => sessions.add(session)}
        />
      </InputRouter>
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
  // Last, on the normal screen, whatever the way out: where the drafts are, or that they could not be saved and
  // where their text went.
  let reported = false
  const reportDrafts = () => {
    if (reported) return
    reported = true
    for (const line of draftsExitReport(drafts)) process.stderr.write(`${line}\n`)
  }
  const crash = (error: unknown) => {
    restore()
    process.stderr.write(`cc-tui crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    reportDrafts()
    process.exit(1)
  }
  const onSignal = (signal: NodeJS.Signals) => {
    restore()
    reportDrafts()
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15))
  }
  process.on('uncaughtException', crash)
  process.on('unhandledRejection', crash)
  for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) process.on(signal, onSignal)
  process.on('exit', () => {
    restore()
    reportDrafts()
  })

  let code = 0
  try {
    const result = await instance.waitUntilExit()
    restore()
    if (isStartupFailure(result)) {
      // The full-screen explanation is gone with the alternate screen: leave one line behind.
      process.stderr.write(`cc-tui: ${result.message}\n`)
      code = 1
    }
  } catch (error) {
    code = 1
    restore()
    process.stderr.write(`cc-tui stopped: ${error instanceof Error ? error.message : String(error)}\n`)
  }
  reportDrafts()
  // Ends requests still in flight, so nothing keeps the process alive.
  await Promise.allSettled([...sessions].map((session) => session.close()))
  return code
}

/** How long the first frame waits for the connection before it shows the "Connecting…" screen. */
const FIRST_FRAME_WAIT_MS = 100

async function settledWithin(attempt: ConnectAttempt, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  await Promise.race([attempt.outcome, new Promise((resolve) => (timer = setTimeout(resolve, ms)))])
  clearTimeout(timer)
}

/** The host the spinner names; the URL itself is checked (and explained) when the client is created. */
function hostOf(baseUrl: string | undefined): string {
  if (!baseUrl) return 'the API'
  return (URL.canParse(baseUrl) && new URL(baseUrl).host) || 'the API'
}
