import type { DatabaseSync, SQLOutputValue } from 'node:sqlite'
import { fullNameKey, nameWords, oneEditKeys } from './match-keys.js'
import { TYPO_MIN_LENGTH } from './name-match.js'

/** A name word one edit from a query word long enough to have a typo is at most one letter shorter. */
export const TYPO_MIN_WORD = TYPO_MIN_LENGTH - 1

const text = (value: SQLOutputValue): string | null => (value === null ? null : String(value))

/**
 * Registers the functions the name index's triggers call (see migrations.ts), so the index is computed
 * by the same code as search queries. Every connection needs them before it writes to `people`.
 */
export function addSearchFunctions(db: DatabaseSync): void {
  const deterministic = { deterministic: true }
  db.function('cc_full_name', deterministic, (first, last) => fullNameKey(text(first), text(last)))
  db.function('cc_name_words', deterministic, (name) => JSON.stringify(nameWords(String(name))))
  db.function('cc_typo_keys', deterministic, (word) => {
    const value = String(word)
    return JSON.stringify(Array.from(value).length >= TYPO_MIN_WORD ? oneEditKeys(value) : [])
  })
}
