import { Box, Text, useApp } from 'ink'
import { useCallback, useEffect, useState } from 'react'
import type { DraftStore } from '../drafts/draft-store.js'
import { useKeys } from '../input/input-router.js'
import { startupKeys } from '../input/keys/dialog-keys.js'
import { keyLabel } from '../keys/format.js'
import { toKeyPresses } from '../keys/keypress.js'
import { type ConnectAttempt, type ConnectOutcome, startConnecting } from '../services/connect.js'
import type { Session } from '../services/session.js'
import { type ContactsState, withFirstPage } from '../state/contacts/list.js'
import { HintBar } from '../ui/components/HintBar.js'
import { Spinner } from '../ui/components/Spinner.js'
import { StartupError } from '../ui/screens/Dialogs.js'
import { Main } from './Main.js'

export interface AppProps {
  /** The first attempt at the configured connection, started before the interface loaded. */
  firstAttempt: ConnectAttempt
  /** Opens the configured connection (to try again). */
  connect: () => Promise<Session>
  /** Opens the embedded sandbox (the way out of a broken connection). */
  connectSandbox: () => Promise<Session>
  /** What is being connected to, for the spinner. */
  target: string
  /** The configured connection is not the sandbox, so the sandbox is a way out when it fails. */
  offersSandbox: boolean
  drafts: DraftStore
  env: NodeJS.ProcessEnv
  /** Told about every session that opened, so the caller can close it on exit. */
  onSession: (session: Session) => void
}

/** What `waitUntilExit()` resolves with when the editor could not start and the person quit. */
export interface StartupFailure {
  kind: 'startupFailed'
  title: string
  message: string
}

export const isStartupFailure = (value: unknown): value is StartupFailure =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'startupFailed'

type Phase =
  | { name: 'connecting'; target: string }
  | { name: 'failed'; title: string; message: string; sandbox: boolean }
  | { name: 'ready'; session: Session; contacts: ContactsState }

const phaseOf = (outcome: ConnectOutcome): Phase =>
  outcome.kind === 'ready'
    ? { name: 'ready', session: outcome.session, contacts: withFirstPage(outcome.firstPage) }
    : { name: 'failed', title: outcome.title, message: outcome.message, sandbox: outcome.canUseSandbox }

/** Connects (loading the first page of contacts), then hands over to the editor, or explains why it cannot. */
export function App({
  firstAttempt,
  connect,
  connectSandbox,
  target,
  offersSandbox,
  drafts,
  env,
  onSession,
}: AppProps) {
  const { exit } = useApp()
  // When the first attempt is already over, the first frame shows its outcome: no spinner in between.
  const [phase, setPhase] = useState<Phase>(() =>
    firstAttempt.settled ? phaseOf(firstAttempt.settled) : { name: 'connecting', target },
  )
  const [attempt, setAttempt] = useState<{ sandbox: boolean; n: number }>({ sandbox: false, n: 0 })

  useEffect(() => {
    const current =
      attempt.n === 0
        ? firstAttempt
        : startConnecting(attempt.sandbox ? connectSandbox : connect, { sandbox: attempt.sandbox || !offersSandbox })
    if (attempt.n > 0) setPhase({ name: 'connecting', target: attempt.sandbox ? 'the local sandbox' : target })
    let live = true
    void current.outcome.then((outcome) => {
      if (!live) return
      if (outcome.kind === 'ready') onSession(outcome.session)
      // An outcome the first frame already shows stays as it is (no second render of the same list).
      setPhase((previous) =>
        previous.name === 'ready' && outcome.kind === 'ready' && previous.session === outcome.session
          ? previous
          : phaseOf(outcome),
      )
    })
    // Quitting (or retrying) while connecting gives the attempt up.
    return () => {
      live = false
      current.abort()
    }
  }, [attempt, firstAttempt, connect, connectSandbox, target, offersSandbox, onSession])

  const onKey = useCallback(
    (input: string, key: Parameters<typeof toKeyPresses>[1]) => {
      if (phase.name === 'ready') return
      for (const press of toKeyPresses(input, key)) {
        for (const intent of startupKeys(press)) {
          if (intent.type !== 'startup') continue
          if (intent.choice === 'quit') {
            // Quitting after a failure is not a success: the caller prints why and exits with 1.
            if (phase.name === 'failed') {
              exit({ kind: 'startupFailed', title: phase.title, message: phase.message } satisfies StartupFailure)
            } else exit()
          } else if (phase.name === 'failed' && intent.choice === 'retry')
            setAttempt((a) => ({ sandbox: a.sandbox, n: a.n + 1 }))
          else if (phase.name === 'failed' && intent.choice === 'sandbox' && phase.sandbox) {
            setAttempt((a) => ({ sandbox: true, n: a.n + 1 }))
          }
        }
      }
    },
    [phase, exit],
  )
  useKeys(onKey, { isActive: phase.name !== 'ready' })

  if (phase.name === 'ready') return <Main session={phase.session} drafts={drafts} env={env} initial={phase.contacts} />
  if (phase.name === 'connecting') {
    return (
      <Box flexDirection="column" paddingX={2} paddingY={1}>
        <Spinner label={`Connecting to ${phase.target}…`} />
        <Text> </Text>
        <Text>{`${keyLabel('startup.quit')} or ${keyLabel('app.quit')} to quit`}</Text>
      </Box>
    )
  }
  return (
    <Box flexDirection="column">
      <StartupError title={phase.title} message={phase.message} canUseSandbox={phase.sandbox} />
      <HintBar contexts={['startup']} width={80} exclude={phase.sandbox ? [] : ['startup.sandbox']} />
    </Box>
  )
}
