import autocannon from 'autocannon'

export interface LoadOptions {
  url: string
  method: 'GET' | 'PUT'
  headers: Record<string, string>
  body?: string
  connections: number
  /** Seconds. */
  duration: number
}

export interface LoadResult {
  /** Mean of the per-second request counts. */
  requestsPerSecond: number
  latencyP50: number
  latencyP99: number
  requests: number
  /** Responses other than 2xx, and connection errors and timeouts. */
  bad: number
}

/** One autocannon run from this process. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    method: options.method,
    headers: options.headers,
    ...(options.body === undefined ? {} : { body: options.body }),
    connections: options.connections,
    pipelining: 1,
    duration: options.duration,
  })
  return {
    requestsPerSecond: result.requests.average,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    requests: result.requests.total,
    bad: result.non2xx + result.errors + result.timeouts,
  }
}
