import type { CcClient } from '@cc/client'
import type { Activity, CreateActivityInput } from '@cc/schema'
import { describeError } from './describe-error.js'

export type LogOutcome =
  | { kind: 'logged'; activity: Activity; requestId?: string }
  | { kind: 'rejected'; message: string; errors: Record<string, string> }
  /** `maybeSent`: the answer was lost, so the activity may have arrived (the API has no idempotency key for it). */
  | { kind: 'failed'; message: string; maybeSent: boolean }

/** `POST /activities`, once: the API documents no idempotency key here, so a retry is the person's call. */
export async function logActivity(
  client: CcClient,
  body: CreateActivityInput,
  signal?: AbortSignal,
): Promise<LogOutcome> {
  try {
    const result = await client.activities.create(body, { maxRetries: 0, ...(signal ? { signal } : {}) }).withResponse()
    return { kind: 'logged', activity: result.data, ...(result.requestId ? { requestId: result.requestId } : {}) }
  } catch (error) {
    const described = describeError(error)
    if (described.kind === 'invalid') {
      return { kind: 'rejected', message: described.message, errors: described.fieldErrors ?? {} }
    }
    const maybeSent = described.kind === 'network' || described.kind === 'timeout'
    return {
      kind: 'failed',
      maybeSent,
      message: maybeSent
        ? `${described.message} The activity may or may not have arrived: sending it again could log it twice.`
        : `Not logged. ${described.message} Your activity is kept.`,
    }
  }
}
