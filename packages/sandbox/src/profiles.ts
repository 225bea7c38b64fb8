import type { RuleSet } from '@cc/schema'

/**
 * How closely the sandbox plays the API:
 * - `sandbox` (the default): the whole `endpoints` table, requests checked with our rules as well as the docs'
 *   (`protective`), and the extras a test finds handy (`success: true`, an `X-Request-Id` header).
 * - `docs`: only what the API docs state, to check that a caller relies on nothing more: the documented routes,
 *   only the docs' rules (fields they do not list pass and are dropped), and answers with only the documented parts.
 */
export const SANDBOX_PROFILES = ['sandbox', 'docs'] as const
export type SandboxProfile = (typeof SANDBOX_PROFILES)[number]

export const DEFAULT_PROFILE: SandboxProfile = 'sandbox'

/** What a profile changes. */
export interface Profile {
  readonly name: SandboxProfile
  /** The rule set requests are checked with (`requestSchemas(endpoint, rules)`). */
  readonly rules: RuleSet
  /** Whether operations the API docs do not document (`GET /people/{id}`) are served. */
  readonly undocumented: boolean
  /** Whether updates, moves and deletes say `success: true` (the docs mark only `meta` required). */
  readonly successFlag: boolean
  /** Whether every answer carries its request id in an `X-Request-Id` header too, not only in `meta.requestId`. */
  readonly requestIdHeader: boolean
}

export const profiles: Readonly<Record<SandboxProfile, Profile>> = {
  sandbox: { name: 'sandbox', rules: 'protective', undocumented: true, successFlag: true, requestIdHeader: true },
  docs: { name: 'docs', rules: 'documented', undocumented: false, successFlag: false, requestIdHeader: false },
}
