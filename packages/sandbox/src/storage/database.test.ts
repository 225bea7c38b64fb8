import { chmodSync, existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { DATABASE_FILE, openDatabase, transaction } from './database.js'
import { migrations } from './migrations.js'

const root = mkdtempSync(join(tmpdir(), 'cc-sandbox-db-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
let dirs = 0
const freshDir = () => join(root, `d${dirs++}`)

const pragma = (db: DatabaseSync, name: string) => Object.values(db.prepare(`PRAGMA ${name}`).get() ?? {})[0]

describe('openDatabase', () => {
  it('in memory: every migration run, foreign keys on, waits for locks, syncs every commit', () => {
    const db = openDatabase()
    try {
      expect(pragma(db, 'user_version')).toBe(migrations.length)
      expect(pragma(db, 'foreign_keys')).toBe(1)
      expect(pragma(db, 'busy_timeout')).toBe(5000)
      expect(pragma(db, 'synchronous')).toBe(2) // FULL
      expect(pragma(db, 'journal_mode')).toBe('memory')
      // The name index functions are there for the triggers.
      expect(db.prepare("SELECT cc_full_name('Ada', 'Lovelace') AS name").get()).toEqual({ name: 'ada lovelace' })
    } finally {
      db.close()
    }
  })

  it('on disk: creates the folder and the file, in WAL mode', () => {
    const dir = join(freshDir(), 'nested')
    const db = openDatabase(dir)
    try {
      expect(DATABASE_FILE).toBe('sandbox.db')
      expect(statSync(join(dir, DATABASE_FILE)).mode & 0o777).toBe(0o600)
      expect(pragma(db, 'journal_mode')).toBe('wal')
      expect(pragma(db, 'synchronous')).toBe(2)
      expect(pragma(db, 'user_version')).toBe(migrations.length)
    } finally {
      db.close()
    }
    // Opened again, it runs nothing twice.
    const again = openDatabase(dir)
    expect(pragma(again, 'user_version')).toBe(migrations.length)
    again.close()
  })

  it('makes an existing database file owner-only again', () => {
    const dir = freshDir()
    openDatabase(dir).close()
    const file = join(dir, DATABASE_FILE)
    chmodSync(file, 0o644)
    openDatabase(dir).close()
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it.runIf(existsSync('/proc/self/fd'))('once closed, leaves no file of the database open', () => {
    const dir = freshDir()
    const file = join(dir, DATABASE_FILE)
    const openFiles = () =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`).startsWith(file)
        } catch {
          return false // closed since it was listed
        }
      })
    const db = openDatabase(dir)
    expect(openFiles().length).toBeGreaterThan(0)
    db.close()
    expect(openFiles()).toEqual([])
  })

  it('runs only the migrations a database has not had, each with its version', () => {
    const dir = freshDir()
    const first = openDatabase(dir)
    first.exec(`PRAGMA user_version = ${migrations.length - 1}`)
    // What the last migration creates, gone: running it again puts it back.
    first.exec('DROP INDEX idempotency_created')
    first.close()
    const db = openDatabase(dir)
    expect(pragma(db, 'user_version')).toBe(migrations.length)
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'idempotency_created'").get()).toEqual({
      name: 'idempotency_created',
    })
    db.close()
  })

  it('refuses a database written by a newer version, and leaves it as it was', () => {
    const dir = freshDir()
    openDatabase(dir).close()
    const raw = new DatabaseSync(join(dir, DATABASE_FILE))
    raw.exec(`PRAGMA user_version = ${migrations.length + 1}`)
    raw.close()
    expect(() => openDatabase(dir)).toThrow(
      `The sandbox database was written by a newer version (schema ${migrations.length + 1}, this one knows ${migrations.length}).`,
    )
    // Closed on the way out: SQLite removes the WAL of its last connection.
    expect(existsSync(join(dir, `${DATABASE_FILE}-wal`))).toBe(false)
    const check = new DatabaseSync(join(dir, DATABASE_FILE))
    expect(pragma(check, 'user_version')).toBe(migrations.length + 1)
    check.close()
  })

  it('opens a database of exactly its own version', () => {
    const dir = freshDir()
    openDatabase(dir).close()
    const db = openDatabase(dir)
    expect(pragma(db, 'user_version')).toBe(migrations.length)
    db.close()
  })
})

describe('transaction', () => {
  it('commits all of the work and returns its result', () => {
    const db = openDatabase()
    db.exec('CREATE TABLE t (n INTEGER)')
    expect(
      transaction(db, () => {
        db.exec('INSERT INTO t VALUES (1)')
        db.exec('INSERT INTO t VALUES (2)')
        return 'done'
      }),
    ).toBe('done')
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 })
    expect(db.isTransaction).toBe(false)
    db.close()
  })

  it('or none of it, rethrowing the error', () => {
    const db = openDatabase()
    db.exec('CREATE TABLE t (n INTEGER)')
    const failure = new Error('half way')
    expect(() =>
      transaction(db, () => {
        db.exec('INSERT INTO t VALUES (1)')
        throw failure
      }),
    ).toThrow(failure)
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 })
    expect(db.isTransaction).toBe(false)
    db.close()
  })
})
