import type * as core from 'zod/v4/core'
import type { AssumptionId } from './assumptions.js'

/** The parts of a request a schema checks. */
export type RequestPart = 'params' | 'query' | 'body' | 'headers'

/** A schema per part of a request, for the parts the operation has. */
export type RequestSchemas = { [P in RequestPart]?: core.$ZodType }

/**
 * Which rules a request is checked with:
 * - `protective` (the default of the client and the sandbox): what the docs state and our rules, each of which stops
 *   a call that cannot do what was meant (a misspelt field, an empty id). Each is in ASSUMPTIONS.md.
 * - `documented`: only what the API docs state. Fields and parameters the docs do not list pass through.
 */
export type RuleSet = 'protective' | 'documented'

export const RULE_SETS = ['protective', 'documented'] as const satisfies readonly RuleSet[]

export const DEFAULT_RULE_SET: RuleSet = 'protective'

/** One rule of ours: what `protective` checks beyond `documented` on one part of one operation. */
export interface OurRule {
  /** The ledger entry that says why the rule is ours, what breaks if the API differs and how to relax it. */
  assumption: AssumptionId
  part: RequestPart
  /** What it refuses, in words. */
  refuses: string
  /** A value of the part the docs allow and the rule refuses: a test holds the rule to it. */
  example: unknown
}

/** Request objects refuse fields the docs do not list, naming the closest known one. */
export const unknownFieldsRule = (part: 'query' | 'body', example: object): OurRule => ({
  assumption: 'unknown-request-fields',
  part,
  refuses: `a ${part === 'body' ? 'field' : 'parameter'} the docs do not list (a misspelling would be dropped unnoticed)`,
  example,
})

/** A required id is not empty: an empty id names no resource. */
export const idNotEmptyRule = (part: 'params' | 'body', field: string, example: object): OurRule => ({
  assumption: 'ids-not-empty',
  part,
  refuses: `an empty \`${field}\` (it names no resource)`,
  example,
})

/** An `Idempotency-Key` `fetch` would change or refuse to send. */
export const idempotencyKeyRule = (example: object): OurRule => ({
  assumption: 'idempotency-key-value',
  part: 'headers',
  refuses: 'an Idempotency-Key that `fetch` would change or refuse to send (not printable ASCII, spaces at an end)',
  example,
})
