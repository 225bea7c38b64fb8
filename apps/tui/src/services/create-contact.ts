import { type CcClient, ConflictError } from '@cc/client'
import type { CreateContactInput, Person } from '@cc/schema'
import { describeError } from './describe-error.js'

export type CreateOutcome =
  /** `created` false: the API updated the contact that already had the email. */
  | { kind: 'created'; person: Person; created: boolean; requestId?: string }
  /** The API refused the body (422, or the client's own check): nothing was created. */
  | { kind: 'rejected'; message: string; errors: Record<string, string> }
  /** No usable answer: the contact may or may not exist; the same body with the same key is safe to send again. */
  | { kind: 'failed'; message: string }

/**
 * `POST /people` for a new contact, with the idempotency key minted with its draft: sent again after a lost answer
 * (a retry, or a relaunch after a crash) with the same body, the API answers from its record of the first one
 * instead of creating a second contact. Not retried silently: the person sees the outcome and retries with one key.
 */
export async function createContact(
  client: CcClient,
  body: CreateContactInput,
  idempotencyKey: string,
  signal?: AbortSignal,
): Promise<CreateOutcome> {
  try {
    const result = await client.people
      .create(body, { idempotencyKey, maxRetries: 0, ...(signal ? { signal } : {}) })
      .withResponse()
    const { person, created } = result.data
    return { kind: 'created', person, created, ...(result.requestId ? { requestId: result.requestId } : {}) }
  } catch (error) {
    const described = describeError(error)
    if (described.kind === 'invalid') {
      return { kind: 'rejected', message: described.message, errors: described.fieldErrors ?? {} }
    }
    if (error instanceof ConflictError) {
      return {
        kind: 'failed',
        message:
          'Not created: the API has seen this new contact before with other values (409), so it may exist already. ' +
          `Search for its email or phone before trying again. ${described.message}`,
      }
    }
    return {
      kind: 'failed',
      message: `Not saved. ${described.message} Your new contact is kept; sending it again cannot create it twice.`,
    }
  }
}
