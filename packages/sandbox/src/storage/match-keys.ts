/**
 * Keys contacts are matched on. Stored next to the values so lookups use an index, and computed the
 * same way for stored values and search queries.
 */

/** Emails match case-insensitively. */
export const emailKey = (email: string): string => email.trim().toLowerCase()

/**
 * Phones match on their digits, a 10-digit number taken as North American (country code 1):
 * "+1 (555) 123-4567", "15551234567" and "555-123-4567" all give "15551234567".
 */
export function phoneKey(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, '')
  if (digits.length === 0) return undefined
  return digits.length === 10 ? `1${digits}` : digits
}

/** Lower case without accents, whitespace collapsed: "  José   Núñez" → "jose nunez". */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/** The folded full name that name search matches: "José" + "Núñez" → "jose nunez". */
export const fullNameKey = (firstName: string | null | undefined, lastName: string | null | undefined): string =>
  foldName(`${firstName ?? ''} ${lastName ?? ''}`)

/** The distinct words of a folded name, in order. */
export const nameWords = (name: string): string[] => [...new Set(name.split(' ').filter(Boolean))]

/**
 * A word and each string one character (code point) shorter. Two words within one edit of each other
 * (an insertion, deletion, substitution or swap of neighbours) always share a key: the shorter word
 * itself, the word without the substituted character, or without one of the swapped pair.
 */
export function oneEditKeys(word: string): string[] {
  const chars = Array.from(word)
  const keys = new Set([word])
  for (const i of chars.keys()) keys.add(chars.slice(0, i).join('') + chars.slice(i + 1).join(''))
  return [...keys]
}
