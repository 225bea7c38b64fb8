import {
  ApiError,
  type CcClient,
  ConnectionError,
  createClient,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from '@cc/client'

/** Every failure is a `CcError` subclass; pick the ones you handle. */
export async function moveToStage(id: string, stage: string, cc: CcClient = createClient()): Promise<string> {
  try {
    await cc.people.update(id, { stage })
    return 'moved'
  } catch (error) {
    if (error instanceof ValidationError) {
      // Nothing was sent. { id: 'id: must be at least 8 characters…' }, keyed by field.
      return `invalid: ${Object.values(error.fieldErrors).join('; ')}`
    }
    if (error instanceof NotFoundError) return `no contact ${id} (request ${error.requestId})`
    if (error instanceof RateLimitError) return `rate limited: try again in ${error.retryAfter ?? 'a few'} ms`
    if (error instanceof TimeoutError || error instanceof ConnectionError) return `network trouble: ${error.message}`
    if (error instanceof ApiError) return `the API said ${error.status} ${error.code ?? ''}: ${error.message}`
    throw error
  }
}
