import type { DatabaseSync, StatementSync } from 'node:sqlite'

/** Enough for every fixed query and the partial-update and search shapes a session uses. */
export const MAX_STATEMENTS = 256

/**
 * The connection's prepared statements, each prepared once and reused: preparing a simple query costs
 * about ten times running it. Statements built from the fields a request names (partial updates,
 * searches) have many possible shapes, so the least recently used are dropped beyond a bound.
 */
export class Statements {
  readonly #db: DatabaseSync
  readonly #prepared = new Map<string, StatementSync>()

  constructor(db: DatabaseSync) {
    this.#db = db
  }

  /** The prepared statement for `sql`. */
  get(sql: string): StatementSync {
    const statement = this.#prepared.get(sql)
    if (statement !== undefined) {
      // Map order is insertion order: re-inserting marks it as the most recently used.
      this.#prepared.delete(sql)
      this.#prepared.set(sql, statement)
      return statement
    }
    const prepared = this.#db.prepare(sql)
    // Full, so not empty: the first key is the least recently used statement.
    if (this.#prepared.size >= MAX_STATEMENTS) this.#prepared.delete(this.#prepared.keys().next().value as string)
    this.#prepared.set(sql, prepared)
    return prepared
  }

  /** How many statements are kept (for tests). */
  get size(): number {
    return this.#prepared.size
  }
}
