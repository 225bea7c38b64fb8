import { foldName } from './match-keys.js'

/** Query words this long or longer also match a name word one typo away. */
export const TYPO_MIN_LENGTH = 4

/**
 * Fuzzy name matching for search. Every word of the query must match a word of the full name:
 * exactly, as its beginning, inside it, or (words of 4+ letters) with one typo. Better matches rank
 * first; ties keep the input order.
 */
export function rankByName<T>(items: readonly T[], query: string, fullName: (item: T) => string): T[] {
  const words = foldName(query).split(' ').filter(Boolean)
  if (words.length === 0) return []
  const whole = words.join(' ')
  const scored: { item: T; score: number; index: number }[] = []
  items.forEach((item, index) => {
    const name = fullName(item)
    const nameWords = name.split(' ').filter(Boolean)
    let score = name === whole ? 100 : 0
    for (const word of words) {
      // A query word (it has no spaces) found anywhere in the name is inside one of its words: scored 2 there.
      const best = Math.max(0, ...nameWords.map((candidate) => wordScore(word, candidate)))
      if (best === 0) return
      score += best
    }
    scored.push({ item, score, index })
  })
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((entry) => entry.item)
}

/** How well one query word matches one word of a name: 4 equal, 3 prefix, 2 inside, 1.5 one typo, 0 not. */
export function wordScore(word: string, candidate: string): number {
  if (candidate === word) return 4
  if (candidate.startsWith(word)) return 3
  if (candidate.includes(word)) return 2
  if (word.length >= TYPO_MIN_LENGTH && withinOneEdit(word, candidate)) return 1.5
  return 0
}

/** True when `a` becomes `b` with at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  if (a.length === b.length && isOneSwap(a, b)) return true
  let i = 0
  let j = 0
  let edits = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++
      j++
      continue
    }
    if (++edits > 1) return false
    if (a.length > b.length) i++
    else if (a.length < b.length) j++
    else {
      i++
      j++
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1
}

/** "jhon" ↔ "john": equal but for two neighbouring letters in the other order. */
function isOneSwap(a: string, b: string): boolean {
  const diff = [...a].flatMap((char, i) => (char === b[i] ? [] : [i]))
  const [i, j] = diff
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i]
}
