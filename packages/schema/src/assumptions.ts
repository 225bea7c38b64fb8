/**
 * The ids of the entries of `ASSUMPTIONS.md`, the ledger of everything the toolkit assumes about the Client Commander
 * API beyond what its docs state. The `endpoints` table and our rules name their entries by these ids; a test holds
 * this list and the ledger to each other.
 */
export const assumptionIds = [
  // Rules of ours: checks the docs do not state, kept because each stops a call that cannot do what was meant.
  'unknown-request-fields',
  'ids-not-empty',
  'idempotency-key-value',
  // Behaviours of particular operations.
  'email-syntax',
  'create-fields-as-update',
  'upsert-matches-email',
  'create-status-codes',
  'idempotency-replay',
  'tags-replace',
  'empty-string-clears',
  'trash-semantics',
  'search-criteria',
  'get-person-endpoint',
  'deal-update-replaces',
  'query-encoding',
  // General: every answer, every operation.
  'success-is-2xx',
  'request-id',
  'response-shapes',
  'tags-comma-string',
  'write-read-fields',
  'error-body',
  'rate-limits',
] as const

export type AssumptionId = (typeof assumptionIds)[number]

/** Where the ledger is published. */
export const ASSUMPTIONS_URL = 'https://github.com/client-commander-toolkit/cc/blob/main/packages/schema/ASSUMPTIONS.md'

/** The address of one entry of the ledger, for a message or a log line. */
export const assumptionUrl = (id: AssumptionId): string => `${ASSUMPTIONS_URL}#${id}`
