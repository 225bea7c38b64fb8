import { type CcClient, NotFoundError } from '@cc/client'
import { describeError } from './describe-error.js'

export type DeleteOutcome =
  | { kind: 'deleted'; permanent: boolean; requestId?: string }
  /** 404: someone deleted it already. Not an error: the list only has to catch up. */
  | { kind: 'gone' }
  | { kind: 'failed'; message: string }

/** `DELETE /people/{id}`: to the trash (the API's default), or for good. A contact already gone is not a failure. */
export async function deleteContact(
  client: CcClient,
  id: string,
  permanent: boolean,
  signal?: AbortSignal,
): Promise<DeleteOutcome> {
  try {
    const result = await client.people
      .delete(id, { permanent, maxRetries: 0, ...(signal ? { signal } : {}) })
      .withResponse()
    return { kind: 'deleted', permanent, ...(result.requestId ? { requestId: result.requestId } : {}) }
  } catch (error) {
    if (error instanceof NotFoundError) return { kind: 'gone' }
    return { kind: 'failed', message: `Not deleted. ${describeError(error).message}` }
  }
}
