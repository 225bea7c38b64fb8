import { ValidationError } from '@cc/client'
import { type LoadedPage, loadPage } from './contacts-service.js'
import { describeError } from './describe-error.js'
import type { Session } from './session.js'

export type ConnectOutcome =
  | { kind: 'ready'; session: Session; firstPage: LoadedPage }
  | { kind: 'failed'; title: string; message: string; canUseSandbox: boolean }

/**
 * Open a session and load the first page of contacts with it. That one request proves the key and
 * the URL, and it is the page the list shows first, so the list appears without a second round trip.
 * A failure becomes a title and a sentence for the startup screen; a session that cannot be used is
 * closed again. `signal` aborts the attempt (the person quit while it was connecting). `sandbox` says
 * whether this is the embedded sandbox already, which then cannot be offered as the way out.
 */
export async function connect(
  open: () => Promise<Session>,
  signal: AbortSignal,
  { sandbox }: { sandbox: boolean },
): Promise<ConnectOutcome> {
  let session: Session
  try {
    session = await open()
  } catch (error) {
    const described = describeError(error)
    const badUrl = error instanceof ValidationError && error.fieldErrors.baseUrl !== undefined
    return {
      kind: 'failed',
      title: badUrl ? 'The API URL cannot be used' : 'Could not start',
      message: badUrl
        ? `${described.message} Check --base-url, CC_BASE_URL or the URL saved by \`cc-tui login\`.`
        : described.message,
      canUseSandbox: !sandbox,
    }
  }
  // Letting go of a session that failed must not fail the attempt.
  const release = () => session.close().catch(() => {})
  const stop = () => void release()
  signal.addEventListener('abort', stop, { once: true })
  try {
    const firstPage = await loadPage(session.client, undefined, AbortSignal.any([signal, session.signal]))
    return { kind: 'ready', session, firstPage }
  } catch (error) {
    await release()
    const described = describeError(error)
    const title =
      described.kind === 'auth'
        ? 'The API key was rejected'
        : described.kind === 'network' || described.kind === 'timeout'
          ? `Could not reach ${session.label}`
          : `${session.label} answered with an error`
    return { kind: 'failed', title, message: described.message, canUseSandbox: !sandbox }
  } finally {
    signal.removeEventListener('abort', stop)
  }
}

/** One attempt at connecting, started at once; `settled` is there as soon as it is over. */
export interface ConnectAttempt {
  outcome: Promise<ConnectOutcome>
  settled?: ConnectOutcome
  /** Gives up: an open session is closed and requests in flight end. Nothing happens once it is over. */
  abort(): void
}

export function startConnecting(open: () => Promise<Session>, options: { sandbox: boolean }): ConnectAttempt {
  const controller = new AbortController()
  const attempt: ConnectAttempt = {
    outcome: connect(open, controller.signal, options).then((outcome) => {
      attempt.settled = outcome
      return outcome
    }),
    abort: () => controller.abort(),
  }
  return attempt
}
