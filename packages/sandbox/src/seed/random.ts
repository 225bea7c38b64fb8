/**
 * A small seeded pseudo-random generator (mulberry32): the same seed always gives the same sequence,
 * on every platform. Used for demo data and fault injection; never for keys or ids that must be secret.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T
  /** True with probability `p`. */
  chance(p: number): boolean
  /** `count` distinct elements of `items`, in random order. */
  sample<T>(items: readonly T[], count: number): T[]
  /** A string of `length` characters from `alphabet`. */
  string(alphabet: string, length: number): string
}

export function createRandom(seed: number): Random {
  // Fold any number (negative, fractional, huge) into a 32-bit state.
  let state = Math.trunc(seed) >>> 0 || 0x9e3779b9
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick from an empty list')
    return items[int(0, items.length - 1)] as T
  }
  return {
    next,
    int,
    pick,
    chance: (p) => next() < p,
    sample: (items, count) => {
      const pool = [...items]
      for (let i = pool.length - 1; i > 0; i--) {
        const j = int(0, i)
        ;[pool[i], pool[j]] = [pool[j] as (typeof pool)[number], pool[i] as (typeof pool)[number]]
      }
      return pool.slice(0, Math.max(0, Math.min(count, pool.length)))
    },
    string: (alphabet, length) => {
      let out = ''
      for (let i = 0; i < length; i++) out += alphabet[int(0, alphabet.length - 1)]
      return out
    },
  }
}
