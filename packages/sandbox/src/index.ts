import { API_VERSION } from '@cc/schema'

/** The `meta` block of a sandbox response. */
export function meta(requestId: string = crypto.randomUUID()) {
  return { requestId, timestamp: new Date().toISOString(), version: API_VERSION }
}
