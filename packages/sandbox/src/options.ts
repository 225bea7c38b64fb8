import { fieldErrors, messages, summarizeFieldErrors, worded } from '@cc/schema'
import * as z from 'zod'
import { SANDBOX_PROFILES } from './profiles.js'
import { MAX_SEED_CONTACTS } from './seed/demo-data.js'

/** The kinds of failure the sandbox can inject. */
export const FaultKind = z.enum(['500', '503', '429', 'reset', 'slow', 'slow-body'], worded)
/**
 * `500`/`503`/`429` answer before the handler runs (429 with `Retry-After`); `reset` runs the handler,
 * commits, then drops the connection (the response is lost); `slow` delays the response by
 * `latencyMs`; `slow-body` sends the headers, then stalls the body for `latencyMs`.
 */
export type FaultKind = z.infer<typeof FaultKind>

/** An entry of `queueFaults`: a fault, or `'none'` to let that request through untouched. */
export const QueuedFault = z.union([FaultKind, z.literal('none')], {
  error: messages.oneOf([...FaultKind.options, 'none']),
})
export type QueuedFault = z.infer<typeof QueuedFault>

export const DEFAULT_LATENCY_MS = 1000
export const DEFAULT_RETRY_AFTER_MS = 1000

export const FaultOptions = z.strictObject(
  {
    /** Fraction of requests that get a fault, 0 to 1. */
    rate: z.number(worded).min(0, messages.between(0, 1)).max(1, messages.between(0, 1)),
    /** Faults to choose from (uniformly). */
    kinds: z.array(FaultKind, worded).min(1, messages.listAtLeastOne('fault kind')),
    /** Seed of the fault sequence: the same seed and requests give the same faults. Default 1. */
    seed: z.number(worded).int(worded).optional(),
    /** Delay of `slow` and `slow-body` faults, in ms. Default 1000. */
    latencyMs: z.number(worded).int(worded).min(0, worded).max(600_000, worded).optional(),
    /** The wait injected `429`/`503` faults ask for, in ms (`Retry-After`, rounded up to seconds, and `retry-after-ms`). Default 1000. */
    retryAfterMs: z.number(worded).int(worded).min(0, worded).max(600_000, worded).optional(),
  },
  worded,
)
export type FaultOptions = z.infer<typeof FaultOptions>

export const RateLimitOptions = z.strictObject(
  {
    requests: z.number(worded).int(worded).min(1, worded),
    windowMs: z.number(worded).int(worded).min(1, worded),
  },
  worded,
)
export type RateLimitOptions = z.infer<typeof RateLimitOptions>

export const FailedAuthLimitOptions = z.strictObject(
  {
    /** Failed authentications a client may make per window; the next request that needs a key gets a 429. */
    attempts: z.number(worded).int(worded).min(1, worded),
    windowMs: z.number(worded).int(worded).min(1, worded),
  },
  worded,
)
export type FailedAuthLimitOptions = z.infer<typeof FailedAuthLimitOptions>
export const DEFAULT_FAILED_AUTH_LIMIT: FailedAuthLimitOptions = { attempts: 10, windowMs: 60_000 }

/** `scheme://host[:port]`, as a browser sends it in `Origin`; kept in that normal form. */
export const CorsOrigin = z
  .string(worded)
  .refine((value) => {
    const url = URL.parse(value)
    return (
      url !== null &&
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.pathname === '/' &&
      url.search === '' &&
      url.hash === '' &&
      url.username === '' &&
      url.password === ''
    )
  }, messages.format('origin, like http://localhost:5173 (scheme, host and port; no path)'))
  .transform((value) => new URL(value).origin)

export const SeedOptions = z.strictObject(
  {
    /** Seed of the generator: the same seed and size give the same data. Default 1. */
    value: z.number(worded).int(worded).optional(),
    /** How many contacts (with up to the demo's 30 deals and 150 activities). Default 200. */
    contacts: z.number(worded).int(worded).min(0, worded).max(MAX_SEED_CONTACTS, worded).optional(),
  },
  worded,
)
export type SeedOptions = z.infer<typeof SeedOptions>

export const SandboxOptions = z.strictObject(
  {
    /**
     * How closely to play the API: `sandbox` (the default) serves every operation with our rules and extras; `docs`
     * only what the API docs state (documented routes and rules, no `success` flag, no `X-Request-Id` header).
     */
    profile: z.enum(SANDBOX_PROFILES, worded).optional(),
    /** Serve over HTTP. Port 0 picks a free port; host defaults to 127.0.0.1. Without it: in-process only. */
    listen: z
      .strictObject(
        {
          port: z.number(worded).int(worded).min(0, worded).max(65535, worded).optional(),
          host: z.string(worded).min(1, worded).optional(),
          /** More names requests may give in `Host` (a DNS name of this machine), besides the bound ones. */
          hosts: z.array(z.string(worded).min(1, worded), worded).optional(),
        },
        worded,
      )
      .optional(),
    /** Keep the SQLite database in this directory (created if missing). Omitted: in memory. */
    dataDir: z.string(worded).min(1, worded).optional(),
    /**
     * Demo data, written only into an empty database: a seed (default 1; 200 contacts), `{ value?, contacts? }`
     * for another number of contacts (up to 1 000 000) of the same data, or `false` to start empty.
     */
    seed: z.union([z.number(worded).int(worded), SeedOptions, z.literal(false, worded)], worded).optional(),
    /** Accepted API keys. Default: one generated test key. */
    apiKeys: z.array(z.string(worded).min(1, worded), worded).min(1, messages.listAtLeastOne('key')).optional(),
    /** Requests allowed per key per window; over it, 429. Default off. */
    rateLimit: z.union([RateLimitOptions, z.literal(false, worded)], worded).optional(),
    /** Failed authentications allowed per client per window; then 429s. Default 10 per minute; `false`: no limit. */
    failedAuthLimit: z.union([FailedAuthLimitOptions, z.literal(false, worded)], worded).optional(),
    /** Origins whose web pages may call the sandbox (CORS), e.g. `http://localhost:5173`. Default: none. */
    cors: z.array(CorsOrigin, worded).optional(),
    /** Fault injection. Default off. */
    faults: z.union([FaultOptions, z.literal(false, worded)], worded).optional(),
    /** Receives one line per request (method, path, status, duration, request id). Never a key. */
    log: z.custom<(line: string) => void>((value) => typeof value === 'function', messages.type('function')).optional(),
  },
  worded,
)
export type SandboxOptions = z.input<typeof SandboxOptions>

/** Parses options, throwing a TypeError that names each bad option and its rule. */
export function parseOptions<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const problems = fieldErrors(result.error, { prefix: [what], labels: {} })
  throw new TypeError(`Invalid sandbox options: ${summarizeFieldErrors(problems, Number.POSITIVE_INFINITY)}`)
}
