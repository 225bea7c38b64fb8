import { Box, Text, useApp, useInput, useStdin } from 'ink'
import { useCallback, useEffect, useState } from 'react'
import type { DraftStore } from '../drafts/draft-store.js'
import { toKeyPresses } from '../keys/keypress.js'
import { HintBar } from '../ui/components/HintBar.js'
import { Spinner } from '../ui/components/Spinner.js'
import { StartupError } from '../ui/screens/Dialogs.js'
import { describeError } from './describe-error.js'
import { startupKeys } from './key-handlers.js'
import { Main } from './Main.js'
import type { Session } from './session.js'

export interface AppProps {
  /** Opens the configured connection. */
  connect: () => Promise<Session>
  /** Opens the embedded sandbox (the way out of a broken connection). */
  connectSandbox: () => Promise<Session>
  /** What is being connected to, for the spinner. */
  target: string
  drafts: DraftStore
  env: NodeJS.ProcessEnv
  /** Told about every session opened, so the caller can close it on exit. */
  onSession: (session: Session) => void
}

type Phase =
  | { name: 'connecting'; target: string }
  | { name: 'failed'; title: string; message: string; sandbox: boolean }
  | { name: 'ready'; session: Session }

/** Connects (checking the key with one request), then hands over to the editor, or explains why it cannot. */
export function App({ connect, connectSandbox, target, drafts, env, onSession }: AppProps) {
  const { exit } = useApp()
  const { isRawModeSupported } = useStdin()
  const [phase, setPhase] = useState<Phase>({ name: 'connecting', target })
  const [attempt, setAttempt] = useState<{ sandbox: boolean; n: number }>({ sandbox: false, n: 0 })

  useEffect(() => {
    let cancelled = false
    const open = attempt.sandbox ? connectSandbox : connect
    setPhase({ name: 'connecting', target: attempt.sandbox ? 'the local sandbox' : target })
    ;(async () => {
      let session: Session
      try {
        session = await open()
      } catch (error) {
        if (!cancelled) {
          setPhase({
            name: 'failed',
            title: 'Could not start',
            message: describeError(error).message,
            sandbox: !attempt.sandbox,
          })
        }
        return
      }
      onSession(session)
      try {
        // One cheap request proves the key and the URL before the editor opens.
        await session.client.people.list({ limit: 1 })
        if (!cancelled) setPhase({ name: 'ready', session })
      } catch (error) {
        const described = describeError(error)
        const title =
          described.kind === 'auth'
            ? 'The API key was rejected'
            : described.kind === 'network' || described.kind === 'timeout'
              ? `Could not reach ${session.label}`
              : `${session.label} answered with an error`
        if (!cancelled)
          setPhase({ name: 'failed', title, message: described.message, sandbox: session.mode !== 'sandbox' })
      }
    })()
    return () => {
      cancelled = true
    }
  }, [attempt, connect, connectSandbox, target, onSession])

  const onKey = useCallback(
    (input: string, key: Parameters<typeof toKeyPresses>[1]) => {
      if (phase.name === 'ready') return
      for (const press of toKeyPresses(input, key)) {
        for (const intent of startupKeys(press)) {
          if (intent.type !== 'startup') continue
          if (intent.choice === 'quit') exit()
          else if (phase.name === 'failed' && intent.choice === 'retry')
            setAttempt((a) => ({ sandbox: a.sandbox, n: a.n + 1 }))
          else if (phase.name === 'failed' && intent.choice === 'sandbox' && phase.sandbox) {
            setAttempt((a) => ({ sandbox: true, n: a.n + 1 }))
          }
        }
      }
    },
    [phase, exit],
  )
  useInput(onKey, { isActive: isRawModeSupported && phase.name !== 'ready' })

  if (phase.name === 'ready') return <Main session={phase.session} drafts={drafts} env={env} />
  if (phase.name === 'connecting') {
    return (
      <Box flexDirection="column" paddingX={2} paddingY={1}>
        <Spinner label={`Connecting to ${phase.target}…`} />
        <Text> </Text>
        <Text>q or Ctrl+C to quit</Text>
      </Box>
    )
  }
  return (
    <Box flexDirection="column">
      <StartupError title={phase.title} message={phase.message} canUseSandbox={phase.sandbox} />
      <HintBar contexts={['startup']} width={80} />
    </Box>
  )
}
