import { API_VERSION, type Meta } from '@cc/schema'

/** The `meta` block of every response. */
export function meta(requestId: string): Meta {
  return { requestId, timestamp: new Date().toISOString(), version: API_VERSION }
}
