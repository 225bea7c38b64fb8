import { foldName } from './match-keys.js'

/** Query words of this many characters (code points) or more also match a name word one typo away. */
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
  const scored: { item: T; score: number }[] = []
  items.forEach((item) => {
    const name = fullName(item)
    // Empty words (from repeated spaces) match no query word: they score 0 below.
    const nameWords = name.split(' ')
    let score = name === whole ? 100 : 0
    for (const word of words) {
      // A query word (it has no spaces) found anywhere in the name is inside one of its words: scored 2 there.
      const best = Math.max(0, ...nameWords.map((candidate) => wordScore(word, candidate)))
      if (best === 0) return
      score += best
    }
    scored.push({ item, score })
  })
  // sort is stable: ties keep the input order.
  return scored.sort((a, b) => b.score - a.score).map((entry) => entry.item)
}

/** How well one query word matches one word of a name: 4 equal, 3 prefix, 2 inside, 1.5 one typo, 0 not. */
export function wordScore(word: string, candidate: string): number {
  if (candidate === word) return 4
  if (candidate.startsWith(word)) return 3
  if (candidate.includes(word)) return 2
  if (Array.from(word).length >= TYPO_MIN_LENGTH && withinOneEdit(word, candidate)) return 1.5
  return 0
}

/**
 * True when `a` becomes `b` with at most one insertion, deletion, substitution or swap of neighbours,
 * counted in characters (code points, as `oneEditKeys` counts them): an emoji is one character.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true
  const x = Array.from(a)
  const y = Array.from(b)
  // Different words differ first at some `at`, at most the shorter one's length. Past it, the rests are
  // equal after one swap, substitution, deletion or insertion there; at a length difference of 2 or more, never.
  let at = 0
  while (x[at] === y[at]) at++
  // Stryker disable next-line StringLiteral: the parts are single characters, so any separator joins equal lists alike and unequal ones apart
  const rest = (chars: string[], from: number) => chars.slice(from).join('')
  const swapped = x[at] === y[at + 1] && x[at + 1] === y[at]
  return (
    (swapped && rest(x, at + 2) === rest(y, at + 2)) ||
    rest(x, at + 1) === rest(y, at + 1) ||
    rest(x, at + 1) === rest(y, at) ||
    rest(x, at) === rest(y, at + 1)
  )
}
