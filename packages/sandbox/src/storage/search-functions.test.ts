import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { addSearchFunctions, TYPO_MIN_WORD } from './search-functions.js'

function db(): DatabaseSync {
  const database = new DatabaseSync(':memory:')
  addSearchFunctions(database)
  return database
}

const value = (database: DatabaseSync, sql: string, ...params: (string | number | null)[]) =>
  (database.prepare(`SELECT ${sql} AS v`).get(...params) as { v: unknown }).v

describe('the name index functions', () => {
  it('cc_full_name: the folded full name, either part missing', () => {
    const database = db()
    expect(value(database, 'cc_full_name(?, ?)', 'José', 'NÚÑEZ')).toBe('jose nunez')
    expect(value(database, 'cc_full_name(NULL, ?)', 'Núñez')).toBe('nunez')
    expect(value(database, 'cc_full_name(?, NULL)', 'José')).toBe('jose')
    expect(value(database, 'cc_full_name(NULL, NULL)')).toBe('')
    expect(value(database, 'cc_full_name(7, NULL)')).toBe('7')
  })

  it('cc_name_words: the distinct words as a JSON array', () => {
    expect(value(db(), 'cc_name_words(?)', 'ann lee ann')).toBe('["ann","lee"]')
    expect(value(db(), 'cc_name_words(?)', '')).toBe('[]')
  })

  it(`cc_typo_keys: the one-edit keys of a word of ${TYPO_MIN_WORD} letters or more, none for shorter`, () => {
    expect(TYPO_MIN_WORD).toBe(3)
    expect(value(db(), 'cc_typo_keys(?)', 'jon')).toBe('["jon","on","jn","jo"]')
    expect(value(db(), 'cc_typo_keys(?)', 'jo')).toBe('[]')
    // Letters are characters: an emoji is one (two UTF-16 units).
    expect(value(db(), 'cc_typo_keys(?)', '😀a')).toBe('[]')
    expect(value(db(), 'cc_typo_keys(?)', '😀ab')).toBe('["😀ab","ab","😀b","😀a"]')
  })

  it('are deterministic: SQLite lets them compute generated columns and indexes', () => {
    const database = db()
    database.exec(`CREATE TABLE people (
      first TEXT, last TEXT,
      name TEXT GENERATED ALWAYS AS (cc_full_name(first, last)),
      words TEXT GENERATED ALWAYS AS (cc_name_words(name)),
      keys TEXT GENERATED ALWAYS AS (cc_typo_keys(last)))`)
    database.exec('CREATE INDEX people_name ON people (cc_full_name(first, last))')
    database.exec('CREATE INDEX people_words ON people (cc_name_words(first))')
    database.exec('CREATE INDEX people_keys ON people (cc_typo_keys(last))')
    database.exec("INSERT INTO people (first, last) VALUES ('Ann', 'Lee')")
    expect(database.prepare('SELECT name, words, keys FROM people').get()).toEqual({
      name: 'ann lee',
      words: '["ann","lee"]',
      keys: '["Lee","ee","Le"]',
    })
  })
})
