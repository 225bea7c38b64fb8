import type { DatabaseSync } from 'node:sqlite'
import { ActivitiesStore } from './activities.js'
import { openDatabase, transaction } from './database.js'
import { DealsStore } from './deals.js'
import { IdempotencyStore } from './idempotency.js'
import { PeopleStore } from './people.js'

/** The sandbox's data: one SQLite database and the tables' stores. Owns the connection. */
export class Store {
  readonly db: DatabaseSync
  readonly people: PeopleStore
  readonly deals: DealsStore
  readonly activities: ActivitiesStore
  readonly idempotency: IdempotencyStore

  constructor(dataDir?: string) {
    this.db = openDatabase(dataDir)
    this.people = new PeopleStore(this.db)
    this.deals = new DealsStore(this.db)
    this.activities = new ActivitiesStore(this.db)
    this.idempotency = new IdempotencyStore(this.db)
  }

  transaction<T>(work: () => T): T {
    return transaction(this.db, work)
  }

  /** True when nothing was ever written: the only time demo data is added on open. */
  isEmpty(): boolean {
    const row = this.db.prepare('SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM deals) AS n').get() as {
      n: number
    }
    return row.n === 0
  }

  /** Deletes every row and restarts the id sequences (callers wrap this in a transaction). */
  clear(): void {
    this.db.exec(`
      DELETE FROM activities;
      DELETE FROM deals;
      DELETE FROM people;
      DELETE FROM idempotency;
      DELETE FROM sqlite_sequence;
    `)
  }

  close(): void {
    if (this.db.isOpen) this.db.close()
  }
}
