import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { MAX_STATEMENTS, Statements } from './statements.js'

describe('Statements', () => {
  it('prepares each statement once and reuses it', () => {
    const statements = new Statements(new DatabaseSync(':memory:'))
    const first = statements.get('SELECT 1 AS n')
    expect(statements.get('SELECT 1 AS n')).toBe(first)
    expect(first.get()).toEqual({ n: 1 })
    expect(statements.size).toBe(1)
  })

  it(`keeps at most ${MAX_STATEMENTS}, dropping the least recently used`, () => {
    const statements = new Statements(new DatabaseSync(':memory:'))
    const oldest = statements.get('SELECT 0')
    const used = statements.get('SELECT 1')
    for (let i = 2; i < MAX_STATEMENTS; i++) statements.get(`SELECT ${i}`)
    expect(statements.get('SELECT 0')).toBe(oldest) // now the most recently used; 'SELECT 1' is the oldest
    statements.get(`SELECT ${MAX_STATEMENTS}`)
    expect(statements.size).toBe(MAX_STATEMENTS)
    expect(statements.get('SELECT 0')).toBe(oldest)
    const again = statements.get('SELECT 1')
    expect(again).not.toBe(used)
    expect(again.get()).toEqual({ 1: 1 })
    expect(statements.size).toBe(MAX_STATEMENTS)
  })
})
