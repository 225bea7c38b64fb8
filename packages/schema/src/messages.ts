import type * as core from 'zod/v4/core'
import { closestKnownFields } from './known-fields.js'

/**
 * Every rule's wording, in one place. Messages start lower-case and leave the field out: `fieldErrors`
 * puts the label first ("First name: must not be empty"). Limits are read from the issue, so a limit is
 * written once, in the schema.
 */

// Characters are code points, as zod and JSON Schema count them: an emoji is one character, not two.
const count = (input: unknown): number | undefined => {
  if (typeof input === 'string') return Array.from(input).length
  return Array.isArray(input) ? input.length : undefined
}

const youHave = (input: unknown): string => {
  const n = count(input)
  return n === undefined ? '' : ` (you have ${n})`
}

const quote = (value: unknown): string =>
  typeof value === 'bigint' || value === undefined ? String(value) : JSON.stringify(value)

const quoteList = (values: readonly unknown[]): string => values.map(quote).join(', ')

/** What a value must be, by the type zod expected. */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
  date: 'a date',
  function: 'a function',
}

/** Units of a length, by the kind of value measured. */
const UNITS: Readonly<Record<string, string>> = { string: 'characters', array: 'items', set: 'items', file: 'bytes' }

const withUnit = (n: number | bigint, unit: string | undefined): string => (unit ? `${n} ${unit}` : String(n))

/** The wording of every rule, for our schemas and for other packages' option schemas. */
export const messages = {
  required: 'is required',
  notEmpty: 'must not be empty',
  wholeNumber: 'must be a whole number',
  /** "must be a whole number of milliseconds". */
  wholeNumberOf: (unit: string) => `must be a whole number of ${unit}`,
  /** "must be text", "must be a number", "must be a function": by zod's name of the type. */
  type: (expected: string) => `must be ${TYPE_NAMES[expected] ?? expected}`,
  /** "must be at least 1", "must be at least 2 characters", "must be at least 1 ms"; 0 reads "must be 0 or more". */
  atLeast: (minimum: number | bigint, unit?: string) =>
    Number(minimum) === 0 && !unit ? 'must be 0 or more' : `must be at least ${withUnit(minimum, unit)}`,
  /** "must be at most 100", "must be at most 100 characters (you have 101)" when the input is given. */
  atMost: (maximum: number | bigint, unit?: string, input?: unknown) =>
    `must be at most ${withUnit(maximum, unit)}${unit ? youHave(input) : ''}`,
  between: (minimum: number, maximum: number) => `must be between ${minimum} and ${maximum}`,
  moreThan: (minimum: number | bigint) => `must be more than ${minimum}`,
  lessThan: (maximum: number | bigint) => `must be less than ${maximum}`,
  exactly: (size: number | bigint, unit?: string) => `must be exactly ${withUnit(size, unit)}`,
  multipleOf: (divisor: number | bigint) => `must be a multiple of ${divisor}`,
  /** "must list at least one fault kind". */
  listAtLeastOne: (noun: string) => `must list at least one ${noun}`,
  /** `"a"` → 'must be "a"'; more → 'must be one of "a", "b"'. */
  oneOf: (values: readonly unknown[]) =>
    values.length === 1 ? `must be ${quoteList(values)}` : `must be one of ${quoteList(values)}`,
  /** An unknown field, said on the field itself. */
  unknownField: 'is not a known field',
  /** An unknown field close to a known one, said on the field itself: "is not a known field — did you mean zipCode?". */
  unknownFieldNear: (known: string) => `is not a known field — did you mean ${known}?`,
  /**
   * Unknown fields, said on the object that has them, with the known field each most likely meant:
   * '"zipcode" is not a known field — did you mean zipCode?'.
   */
  unknownFields: (keys: readonly string[], near: Readonly<Record<string, string>> = {}) => {
    const base = `${quoteList(keys)} ${keys.length === 1 ? 'is not a known field' : 'are not known fields'}`
    const guesses = keys.filter((key) => Object.hasOwn(near, key))
    if (guesses.length === 0) return base
    const named = guesses.map((key) => (keys.length === 1 ? near[key] : `${near[key]} for ${quote(key)}`))
    return `${base} — did you mean ${named.join(', ')}?`
  },
  noMatch: 'does not match any of the allowed forms',
  invalidKey: 'has a key that is not allowed',
  invalidItem: 'has an item that is not allowed',
  invalid: 'is not valid',
  email: 'must be a valid email address',
  url: 'must be a URL',
  dateTime: 'must be a date and time like 2024-01-31T09:00:00Z',
  pattern: (pattern: string) => `must match the pattern ${pattern}`,
  format: (format: string) => `must be a valid ${format}`,
  contactId: 'must be at least 8 characters of letters, digits, "_" or "-"',
  phone: 'must be an international number like +15551234567 (digits only, up to 15)',
  stateCode: 'must be a two-letter upper-case state code like CA',
  zipCode: 'must be a US ZIP code like 90210 or 90210-1234',
  queryBoolean: 'must be "true" or "false"',
  /** A header value `fetch` sends unchanged, without spaces (an API key). */
  headerToken: 'must be printable ASCII with no spaces',
  /** A header value `fetch` sends unchanged: spaces inside are sent, at either end they are cut. */
  headerValue: 'must be printable ASCII, with no spaces at either end',
  /**
   * Not a rule of the contract (the docs do not state it, see ASSUMPTIONS.md): for an application that chooses to
   * refuse a patch that changes nothing.
   */
  emptyPatch: 'must change at least one field',
  /** Not a rule of the contract: for an application that wants a name or a way to reach each new contact. */
  createNeeds: 'needs at least a first name, last name, email or phone',
  /** Not a rule of the contract: for an application that refuses a search without criteria. */
  searchNeeds: 'needs at least one of id, email, phone or name',
} as const

/**
 * Our wording for any zod issue, as zod's own locales word theirs (`zod/v4/locales/en.ts`). A missing value
 * "is required": the raw issue still carries its `input`, so nothing here reads zod's English.
 */
export function issueMessage(issue: core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? messages.required : messages.type(issue.expected)
    case 'too_small': {
      const unit = UNITS[issue.origin]
      if (issue.exact) return messages.exactly(issue.minimum, unit)
      if (unit && Number(issue.minimum) === 1) return messages.notEmpty
      if (issue.inclusive === false) return messages.moreThan(issue.minimum)
      return messages.atLeast(issue.minimum, unit)
    }
    case 'too_big': {
      const unit = UNITS[issue.origin]
      if (issue.exact) return messages.exactly(issue.maximum, unit)
      if (issue.inclusive === false) return messages.lessThan(issue.maximum)
      return messages.atMost(issue.maximum, unit, issue.input)
    }
    case 'invalid_format':
      switch (issue.format) {
        case 'email':
          return messages.email
        case 'url':
          return messages.url
        case 'datetime':
          return messages.dateTime
        case 'regex':
          // Stryker disable next-line StringLiteral: zod's regex issues always carry their pattern
          return messages.pattern(issue.pattern ?? '')
        default:
          return messages.format(issue.format)
      }
    case 'not_multiple_of':
      return messages.multipleOf(issue.divisor)
    case 'unrecognized_keys': {
      const didYouMean = closestKnownFields(issue)
      // zod copies the issue after this map has run: `fieldErrors` then says the guess on each field.
      if (didYouMean) Object.assign(issue, { didYouMean })
      return messages.unknownFields(issue.keys, didYouMean)
    }
    case 'invalid_value':
      return messages.oneOf(issue.values)
    case 'invalid_union':
      return messages.noMatch
    case 'invalid_key':
      return messages.invalidKey
    case 'invalid_element':
      return messages.invalidItem
    default:
      return messages.invalid
  }
}

/**
 * The `error` param that words a schema or check with `issueMessage`: `z.string(worded).max(100, worded)`.
 * Give it to every schema and check that has no wording of its own.
 */
export const worded = { error: issueMessage } as const

/** `.max(n, listTooLong('tags'))` on an array: "at most 20 tags (you have 21)". */
export const listTooLong = (noun: string) => ({
  error: (issue: core.$ZodRawIssue<core.$ZodIssueTooBig>) =>
    `at most ${String(issue.maximum)} ${noun}${youHave(issue.input)}`,
})
