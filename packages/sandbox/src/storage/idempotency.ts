import type { Statements } from './statements.js'

/** How long a stored response can be replayed. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000

export interface StoredResponse {
  fingerprint: string
  status: number
  body: string
}

/**
 * Responses remembered under an `Idempotency-Key`. Saved in the same transaction as the write they
 * answer, so a retry after a lost response replays it instead of writing twice. A client sends a key
 * with every create, so an import of 100 000 contacts leaves as many: expired ones are found through
 * the `created_at` index, not by reading them all on each save.
 */
export class IdempotencyStore {
  readonly #sql: Statements

  constructor(statements: Statements) {
    this.#sql = statements
  }

  find(scope: string, key: string, now: Date): StoredResponse | undefined {
    const since = new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString()
    return this.#sql
      .get('SELECT fingerprint, status, body FROM idempotency WHERE scope = ? AND key = ? AND created_at > ?')
      .get(scope, key, since) as StoredResponse | undefined
  }

  save(scope: string, key: string, response: StoredResponse, now: Date): void {
    const since = new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString()
    this.#sql.get('DELETE FROM idempotency WHERE created_at <= ?').run(since)
    this.#sql
      .get(
        `INSERT OR REPLACE INTO idempotency (scope, key, fingerprint, status, body, created_at)
          VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(scope, key, response.fingerprint, response.status, response.body, now.toISOString())
  }
}
