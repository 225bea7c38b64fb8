import {
  type ContactFieldName,
  type ContactValues,
  contactField,
  formatTags,
  normalizePhone,
  normalizeState,
  Phone,
  parseTags,
} from '@cc/schema'
import { parseMoney } from '../state/form.js'

export type FieldReading = { ok: true; value: unknown } | { ok: false; rule: string }

/** How a number prints in JavaScript: what an export writes for a price (`450000`, `0.5`, `1e+21`). */
const PLAIN_NUMBER = /^\d+(\.\d+)?(e[+-]?\d+)?$/i

/** The rule a price that is not an amount breaks. */
export const MONEY_RULE = 'must be an amount like 450000 or $450,000'

export interface ReadFieldOptions {
  /**
   * Keep a phone number the schema already accepts as it is (`5551234567` stays, `(555) 123-4567` still becomes
   * `+15551234567`): what a file exported from the API needs to come back unchanged. Default: normalise every
   * number, as the editor does.
   */
  keepValidPhone?: boolean
}

/**
 * A field's value from text, the way the editor reads what a person types: tags comma-separated, a price as an
 * amount (`450000`, `$450,000`), phone numbers and states normalised (`(555) 123-4567` → `+15551234567`,
 * `tx` → `TX`), other text as it is. The schema checks the result; this only reports text that is not a value
 * at all (a price that is not an amount).
 */
export function readFieldText(name: ContactFieldName, text: string, options: ReadFieldOptions = {}): FieldReading {
  const kind = contactField(name).kind
  if (kind === 'tags') return { ok: true, value: parseTags(text) }
  if (kind === 'money') {
    const amount = PLAIN_NUMBER.test(text.trim()) ? Number(text.trim()) : parseMoney(text)
    return amount === undefined || Number.isNaN(amount) ? { ok: false, rule: MONEY_RULE } : { ok: true, value: amount }
  }
  if (kind === 'phone') {
    const keep = text === '' || (options.keepValidPhone === true && Phone.safeParse(text).success)
    return { ok: true, value: keep ? text : normalizePhone(text) }
  }
  if (kind === 'state') return { ok: true, value: normalizeState(text) }
  return { ok: true, value: text }
}

/** A field's value as text, as `readFieldText` reads it back: tags joined with `, `, a price as a plain number. */
export function fieldText<N extends ContactFieldName>(name: N, value: ContactValues[N]): string {
  if (value === undefined) return ''
  if (name === 'tags') return formatTags(value as string[])
  return String(value)
}
