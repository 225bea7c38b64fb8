/**
 * Edit distance between two strings (optimal string alignment: insertions, deletions, substitutions and swaps of
 * two neighbours each cost 1), by code point.
 */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a)
  const t = Array.from(b)
  // Three rows of the table are enough: the one above is needed for a swap.
  // Stryker disable next-line ArrayDeclaration: read only from the third row on, after the first row replaced it
  let before: number[] = []
  let above = Array.from({ length: t.length + 1 }, (_, j) => j)
  for (let i = 1; i <= s.length; i++) {
    const row = [i]
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost)
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: in the first row or column the swap test reads s[-1] or t[-1], undefined, which equals no character
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, (before[j - 2] as number) + 1)
      }
      row.push(best)
    }
    before = above
    above = row
  }
  return above[t.length] as number
}

/**
 * The known field an unknown key most likely meant, or `undefined` when none is close: compared without case, at most
 * one edit per three characters of the key (at least one edit), never every character. The first of equally close
 * fields wins. `zipcode` → `zipCode`, `first_name` → `firstName`, `emails` → `email`; `nickname` → nothing.
 */
export function closestField(key: string, known: Iterable<string>): string | undefined {
  const wanted = key.toLowerCase()
  const length = Array.from(wanted).length
  const allowed = Math.max(1, Math.floor(length / 3))
  let best: { name: string; distance: number } | undefined
  for (const name of known) {
    const distance = editDistance(wanted, name.toLowerCase())
    if (distance > allowed || distance >= Math.max(length, Array.from(name).length)) continue
    if (best === undefined || distance < best.distance) best = { name, distance }
  }
  return best?.name
}
