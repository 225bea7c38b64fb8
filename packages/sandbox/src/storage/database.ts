import { closeSync, fchmodSync, mkdirSync, openSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { migrations } from './migrations.js'
import { addSearchFunctions } from './search-functions.js'

export const DATABASE_FILE = 'sandbox.db'

/**
 * Opens (creating if needed) the sandbox database: a file in `dataDir`, or in memory.
 *
 * WAL lets reads run beside a write; `synchronous = FULL` fsyncs the WAL on every commit, so a
 * response is only sent for a write that is already on disk and survives `kill -9` or power loss.
 * (NORMAL would survive a process crash but could lose the last commits on power loss.)
 */
export function openDatabase(dataDir?: string): DatabaseSync {
  let location = ':memory:'
  if (dataDir !== undefined) {
    // Owner only: the folder it creates 0700, the database 0600 (SQLite gives its -wal and -shm files the same).
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    location = join(dataDir, DATABASE_FILE)
    const fd = openSync(location, 'a', 0o600)
    fchmodSync(fd, 0o600)
    closeSync(fd)
  }
  const db = new DatabaseSync(location)
  try {
    db.exec('PRAGMA busy_timeout = 5000')
    // An in-memory database keeps its MEMORY journal mode whatever is asked.
    db.exec('PRAGMA journal_mode = WAL')
    // Stryker disable next-line StringLiteral,CallExpression: SQLite's default is FULL already; stated so a build with another default still syncs every commit
    db.exec('PRAGMA synchronous = FULL')
    // Stryker disable next-line StringLiteral,CallExpression: node:sqlite turns foreign keys on by default; stated so the schema's cascades never depend on it
    db.exec('PRAGMA foreign_keys = ON')
    addSearchFunctions(db)
    migrate(db)
  } catch (error) {
    db.close()
    throw error
  }
  return db
}

function migrate(db: DatabaseSync): void {
  const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number }
  if (version > migrations.length) {
    throw new Error(
      `The sandbox database was written by a newer version (schema ${version}, this one knows ${migrations.length}).`,
    )
  }
  for (let next = version; next < migrations.length; next++) {
    transaction(db, () => {
      db.exec(migrations[next] as string)
      db.exec(`PRAGMA user_version = ${next + 1}`)
    })
  }
}

/** Runs `work` in one write transaction: all of it commits, or none of it does. */
export function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE')
  try {
    const result = work()
    db.exec('COMMIT')
    return result
  } catch (error) {
    db.exec('ROLLBACK')
    throw error
  }
}
