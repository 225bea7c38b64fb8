import { SEARCH_MAX_RESULTS } from '@cc/schema'
import { foldName, oneEditKeys } from './match-keys.js'
import { rankByName, TYPO_MIN_LENGTH, wordScore } from './name-match.js'
import type { Statements } from './statements.js'

/** A word of the names in the index, with how many contacts have it and how well it matches a query word. */
interface IndexedWord {
  id: number
  word: string
  uses: number
  score: number
}

export interface NameRow {
  seq: number
  name: string
}

const VOCABULARY = 'SELECT id, word, uses FROM name_vocab'
const SQL = {
  containing: `${VOCABULARY} WHERE id IN (SELECT rowid FROM name_vocab_trigrams WHERE name_vocab_trigrams MATCH ?)`,
  containingShort: `${VOCABULARY} WHERE instr(word, ?) > 0`,
  sharingKey: `${VOCABULARY} WHERE id IN (SELECT word_id FROM name_vocab_keys WHERE key IN (SELECT value FROM json_each(?)))`,
  every: VOCABULARY,
  withFullName: 'SELECT seq FROM people_names WHERE name = ? ORDER BY seq LIMIT ?',
  firstWithWord: 'SELECT seq FROM name_words WHERE word_id = ? ORDER BY seq LIMIT ?',
  withAnyWord: `SELECT json_group_array(seq ORDER BY seq) AS seqs FROM
    (SELECT DISTINCT seq FROM name_words WHERE word_id IN (SELECT value FROM json_each(?)))`,
  alsoWithAnyWord: `SELECT json_group_array(seq ORDER BY seq) AS seqs FROM
    (SELECT DISTINCT w.seq FROM json_each(?) AS s JOIN name_words AS w ON w.seq = s.value
      WHERE w.word_id IN (SELECT value FROM json_each(?)))`,
  names: 'SELECT seq, name FROM people_names WHERE seq IN (SELECT value FROM json_each(?)) ORDER BY seq',
} as const

/** Below this many candidates, ranking checks the remaining query words faster than SQL would. */
const FEW_CANDIDATES = 50
/** A lone surrogate: no index sees such a query word as SQLite text. */
const ILL_FORMED = /\p{Cs}/u

/** A way to find vocabulary words: a query of `SQL` and the values it takes for a query word. */
type Lookup = 'every' | 'containing' | 'containingShort' | 'sharingKey'
const LOOKUP_VALUES: Record<Lookup, (word: string) => string[]> = {
  every: () => [],
  containing: (word) => [`"${word.replaceAll('"', '""')}"`],
  containingShort: (word) => [word],
  sharingKey: (word) => [JSON.stringify(oneEditKeys(word))],
}

/** The lookups that together find every vocabulary word `word` can match (see `wordScore`). */
export function vocabularyLookups(word: string): Lookup[] {
  if (ILL_FORMED.test(word)) return ['every']
  const characters = Array.from(word).length
  // FTS5 phrases are trigrams of code points and cannot hold a NUL; shorter words scan the vocabulary.
  const substrings = characters >= 3 && !word.includes('\0') ? 'containing' : 'containingShort'
  return characters >= TYPO_MIN_LENGTH ? [substrings, 'sharingKey'] : [substrings]
}

/**
 * Name search through the name index (migrations.ts): finds the few contacts that can match, then ranks
 * them with `rankByName`, the scorer itself, so results are exactly those of ranking every contact.
 *
 * A contact matches when each query word matches one of its name words, so candidates come from the
 * index's vocabulary: the distinct words of all names. For each query word, the vocabulary words it
 * matches are found through a trigram index (substrings, 3+ letters), a scan of the vocabulary (1–2
 * letters) and one-edit keys (typos, 4+ letters: see `oneEditKeys`), letters counted as code points, then kept only if `wordScore`
 * accepts them. The contacts having such a word for every query word are the candidates.
 */
export class NameSearch {
  readonly #sql: Statements

  constructor(statements: Statements) {
    this.#sql = statements
  }

  /** Positions (`seq`) of the best matches for `query`, best first, at most `SEARCH_MAX_RESULTS`. */
  search(query: string): number[] {
    return this.rank(this.#names(this.candidates(query)), query)
  }

  /**
   * Positions of the contacts that can rank among the best `SEARCH_MAX_RESULTS` for `query`, in no
   * particular order: every one of them that ranking all contacts would return, and few others.
   */
  candidates(query: string): number[] {
    const folded = foldName(query)
    if (folded === '') return []
    // Nothing outranks a contact whose whole name is the query: with enough of them, they are the answer.
    const exact = this.#seqs(SQL.withFullName, folded, SEARCH_MAX_RESULTS)
    if (exact.length === SEARCH_MAX_RESULTS) return exact
    const groups = [...new Set(folded.split(' '))].map((word) => this.#matchingWords(word))
    const found = groups.length === 1 ? this.#leading(groups[0] as IndexedWord[]) : this.#common(groups)
    return [...new Set([...exact, ...found])]
  }

  /** The indexed names of these contacts, in insertion order. */
  #names(seqs: readonly number[]): NameRow[] {
    return this.#sql.get(SQL.names).all(JSON.stringify(seqs)) as unknown as NameRow[]
  }

  /** The best `SEARCH_MAX_RESULTS` of these rows (in insertion order) for `query`. */
  rank(rows: readonly NameRow[], query: string): number[] {
    return rankByName(rows, query, (row) => row.name)
      .slice(0, SEARCH_MAX_RESULTS)
      .map((row) => row.seq)
  }

  /** Every indexed word that `word` matches, scored. */
  #matchingWords(word: string): IndexedWord[] {
    const rows = vocabularyLookups(word).flatMap((lookup) => this.#words(SQL[lookup], ...LOOKUP_VALUES[lookup](word)))
    const matching = new Map<number, IndexedWord>()
    for (const row of rows) {
      const score = wordScore(word, row.word)
      if (score > 0) matching.set(row.id, { ...row, score })
    }
    return [...matching.values()]
  }

  /**
   * One query word: the first contacts (by position) having a matching word of each score, best score
   * first, until there are enough. A contact that is not among the first `SEARCH_MAX_RESULTS` having
   * its best word comes after that many contacts scoring at least as well, so it cannot rank in.
   */
  #leading(group: IndexedWord[]): number[] {
    const scores = [...new Set(group.map((word) => word.score))].sort((a, b) => b - a)
    const found = new Set<number>()
    for (const score of scores) {
      for (const word of group) {
        if (word.score !== score) continue
        for (const seq of this.#seqs(SQL.firstWithWord, word.id, SEARCH_MAX_RESULTS)) found.add(seq)
      }
      if (found.size >= SEARCH_MAX_RESULTS) break
    }
    return [...found]
  }

  /** Several query words: the contacts having a matching word for each, narrowed from the rarest word. */
  #common(groups: IndexedWord[][]): number[] {
    const [rarest, ...others] = groups
      .map((group) => ({ ids: JSON.stringify(group.map((word) => word.id)), uses: sum(group) }))
      .sort((a, b) => a.uses - b.uses)
    let seqs = this.#seqList(SQL.withAnyWord, (rarest as { ids: string }).ids)
    for (const group of others) {
      if (seqs.length <= FEW_CANDIDATES) break
      seqs = this.#seqList(SQL.alsoWithAnyWord, JSON.stringify(seqs), group.ids)
    }
    return seqs
  }

  #words(sql: string, ...values: (string | number)[]): Omit<IndexedWord, 'score'>[] {
    return this.#sql.get(sql).all(...values) as unknown as Omit<IndexedWord, 'score'>[]
  }

  #seqs(sql: string, ...values: (string | number)[]): number[] {
    return (this.#sql.get(sql).all(...values) as unknown as { seq: number }[]).map((row) => row.seq)
  }

  /** A list of positions aggregated in SQL: one JSON string instead of a row object per contact. */
  #seqList(sql: string, ...values: string[]): number[] {
    const row = this.#sql.get(sql).get(...values) as { seqs: string }
    return JSON.parse(row.seqs) as number[]
  }
}

const sum = (group: IndexedWord[]): number => group.reduce((total, word) => total + word.uses, 0)
