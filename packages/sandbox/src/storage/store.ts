import type { DatabaseSync } from 'node:sqlite'
import { ActivitiesStore } from './activities.js'
import { openDatabase, transaction } from './database.js'
import { DealsStore } from './deals.js'
import { IdempotencyStore } from './idempotency.js'
import { PeopleStore } from './people.js'
import { Statements } from './statements.js'

/** The sandbox's data: one SQLite database and the tables' stores. Owns the connection. */
export class Store {
  readonly db: DatabaseSync
  readonly people: PeopleStore
  readonly deals: DealsStore
  readonly activities: ActivitiesStore
  readonly idempotency: IdempotencyStore

  constructor(dataDir?: string) {
    this.db = openDatabase(dataDir)
    const statements = new Statements(this.db)
    this.people = new PeopleStore(statements)
    this.deals = new DealsStore(statements)
    this.activities = new ActivitiesStore(statements)
    this.idempotency = new IdempotencyStore(statements)
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
    // The name index first, table by table: then the triggers find nothing left to do for each contact.
    this.db.exec(`
      DELETE FROM activities;
      DELETE FROM deals;
      DELETE FROM name_vocab;
      DELETE FROM name_words;
      DELETE FROM people_names;
      DELETE FROM people;
      DELETE FROM idempotency;
      DELETE FROM sqlite_sequence;
    `)
  }

  close(): void {
    if (this.db.isOpen) this.db.close()
  }
}
