import { type CcClient, createClient, type Logger } from '@cc/client'

/** Everything is optional except the key (here from the environment). */
export function configuredClient(logger: Logger = console): CcClient {
  return createClient({
    apiKey: process.env.CC_API_KEY, // the default
    baseUrl: 'https://api.clientcommander.com/v1', // or CC_BASE_URL; http: only for localhost
    timeout: 10_000, // per attempt, reading the body included
    maxRetries: 3, // retries after the first attempt; 0 = one attempt
    maxRetryAfter: 30_000, // longer server-requested waits fail at once with RateLimitError.retryAfter
    backoff: { initialDelay: 500, maxDelay: 8_000 },
    logger, // pino, winston, console…
    logLevel: 'info', // or CC_LOG; one line per attempt, keys redacted
    validate: 'strict', // throw ResponseValidationError when a response breaks the contract
    headers: { 'x-app': 'crm-sync' },
  })
}

/** Per-call options, derived clients and the raw response. */
export async function perCall(cc: CcClient) {
  const signal = AbortSignal.timeout(2_000) // give up on the whole call, retries included, after 2 s
  const me = await cc.me({ signal, maxRetries: 0, headers: { 'x-trace': 'abc' } })

  const patient = cc.withOptions({ timeout: 60_000, maxRetries: 5 })
  const { data: users, response, requestId, meta } = await patient.users.list().withResponse()
  console.log(response.status, requestId, meta?.timestamp, users.length)
  return me
}
