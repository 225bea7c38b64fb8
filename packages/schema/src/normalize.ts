/**
 * Opt-in clean-up for values a person typed. Validation never runs these: a form calls them when
 * the person leaves a field, so what is sent is what the person saw. None of them throws.
 */

export interface NormalizePhoneOptions {
  /** How to read a number written without a country code. Default `'US'` (NANP: `+1`). */
  defaultCountry?: 'US'
}

/** Separators people type inside phone numbers. */
const PHONE_PUNCTUATION = /[\s().\-/]/g

/**
 * Best effort: `"(555) 123-4567"` → `"+15551234567"`, `"1-555-123-4567"` → `"+15551234567"`,
 * `"00 44 20 7946 0958"` → `"+442079460958"`. Anything it cannot read (letters, an extension,
 * too few digits) comes back trimmed but otherwise unchanged, for validation to report.
 */
export function normalizePhone(input: string, options: NormalizePhoneOptions = {}): string {
  const trimmed = String(input).trim()
  const compact = trimmed.replace(PHONE_PUNCTUATION, '')
  if (!/^\+?\d+$/.test(compact)) return trimmed
  // Stryker disable next-line ConditionalExpression,MethodExpression: a number with its + matches none of the rules below and comes back as it is anyway
  if (compact.startsWith('+')) return compact
  if (compact.startsWith('00') && compact.length > 4) return `+${compact.slice(2)}`
  if ((options.defaultCountry ?? 'US') === 'US') {
    if (compact.length === 10 && /^[2-9]/.test(compact)) return `+1${compact}`
    if (compact.length === 11 && compact.startsWith('1')) return `+${compact}`
  }
  return compact
}

/** `" ca "` → `"CA"`. */
export function normalizeState(input: string): string {
  return String(input).trim().toUpperCase()
}

/** Trims surrounding whitespace. */
export function normalizeText(input: string): string {
  return String(input).trim()
}
