import { API_VERSION, type Meta } from '@cc/schema'

let lastMs = Date.now()
let lastTimestamp = new Date(lastMs).toISOString()

/** The current time as ISO 8601, formatted once per millisecond however many responses share it. */
function timestamp(): string {
  const now = Date.now()
  if (now !== lastMs) {
    lastMs = now
    lastTimestamp = new Date(now).toISOString()
  }
  return lastTimestamp
}

/** The `meta` block of every response. */
export function meta(requestId: string): Meta {
  return { requestId, timestamp: timestamp(), version: API_VERSION }
}
