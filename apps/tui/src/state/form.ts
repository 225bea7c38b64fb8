import {
  type ContactFieldName,
  type ContactValues,
  contactField,
  contactFields,
  diffContact,
  validateField,
} from '@cc/schema'
import { cleanLine, cleanMultiline } from '../text/sanitize.js'

export type FieldName = ContactFieldName

/**
 * What a form holds for each field: the text a person edits (a price is text until it parses),
 * and the list of tags. Empty text means "no value".
 */
export type FormValues = { [K in Exclude<FieldName, 'tags'>]: string } & { tags: string[] }
export type FormValue = string | string[]

export const fieldNames: readonly FieldName[] = contactFields.map((field) => field.name)

export function emptyForm(): FormValues {
  const form = Object.fromEntries(fieldNames.map((name) => [name, ''])) as Record<string, FormValue>
  form.tags = []
  return form as FormValues
}

/** Write-model values (from `toUpdateInput`) → form text, cleaned of control sequences. */
export function toForm(values: ContactValues): FormValues {
  const form = emptyForm()
  for (const name of fieldNames) {
    if (name === 'tags') form.tags = (values.tags ?? []).map(cleanLine)
    else if (name === 'price') form.price = values.price === undefined ? '' : String(values.price)
    else {
      const value = values[name]
      form[name] = value === undefined ? '' : name === 'background' ? cleanMultiline(value) : cleanLine(value)
    }
  }
  return form
}

const MONEY_TEXT = /^\$?\s*\d[\d,]*(\.\d{0,2})?$|^\$?\s*\.\d{1,2}$/

/** `"$450,000"` → 450000; `undefined` for empty text; `NaN` for text that is not an amount. */
export function parseMoney(text: string): number | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  if (!MONEY_TEXT.test(trimmed)) return Number.NaN
  return Number(trimmed.replace(/[$,\s]/g, ''))
}

// Made once, on first use: `toLocaleString` with options builds a formatter on every call, and the
// editor formats the price on every render.
const moneyFormats = new Map<number, Intl.NumberFormat>()

/** 450000 → "$450,000"; cents only when there are some. */
export function formatMoney(amount: number): string {
  const digits = Number.isInteger(amount) ? 0 : 2
  let format = moneyFormats.get(digits)
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: digits,
      maximumFractionDigits: 2,
    })
    // Stryker disable next-line CallExpression: without the cache the same formatter is built again
    moneyFormats.set(digits, format)
  }
  return format.format(amount)
}

interface ParsedForm {
  values: ContactValues
  /** Problems the text has before the schema can even look at it (a price that is not a number). */
  problems: Partial<Record<FieldName, string>>
}

/** Form text → write-model values. Every field is present (text fields as `''` when empty) except an empty price. */
function fromForm(form: FormValues): ParsedForm {
  const values: Record<string, unknown> = {}
  const problems: Partial<Record<FieldName, string>> = {}
  for (const name of fieldNames) {
    if (name === 'tags') values.tags = [...form.tags]
    else if (name === 'price') {
      const amount = parseMoney(form.price)
      if (Number.isNaN(amount))
        problems.price = `${contactField('price').label}: must be an amount like 450000 or $450,000`
      else if (amount !== undefined) values.price = amount
    } else values[name] = form[name]
  }
  return { values: values as ContactValues, problems }
}

/** Whether two form values mean the same thing (prices compare as amounts). */
export function sameValue(name: FieldName, a: FormValue, b: FormValue): boolean {
  // Stryker disable next-line LogicalOperator: a list on one side only is unequal either way, as a list is never === a text
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((tag, i) => tag === b[i])
  }
  if (name === 'price') {
    const x = parseMoney(a)
    const y = parseMoney(b)
    // Stryker disable next-line LogicalOperator: with one side not an amount both the texts and the amounts differ
    if (Number.isNaN(x) || Number.isNaN(y)) return a.trim() === b.trim()
    return x === y
  }
  return a === b
}

/** The fields whose draft differs from the base, in form order. */
export function changedFields(base: FormValues, values: FormValues): FieldName[] {
  return fieldNames.filter((name) => !sameValue(name, base[name], values[name]))
}

/**
 * Errors of the changed fields, keyed by field, each naming the field and the rule. Unchanged
 * fields are never flagged: only what is sent has to be valid.
 */
export function formErrors(base: FormValues, values: FormValues): Partial<Record<FieldName, string>> {
  const parsed = fromForm(values)
  const errors: Partial<Record<FieldName, string>> = {}
  for (const name of changedFields(base, values)) {
    const problem = parsed.problems[name]
    if (problem) errors[name] = problem
    else if (name === 'price' && parsed.values.price === undefined) {
      errors.price = `${contactField('price').label}: cannot be cleared; enter 0 instead`
    } else {
      const message = validateField(name, parsed.values[name])
      if (message) errors[name] = message
    }
  }
  return errors
}

/** The minimal patch from `base` to `values` (only changed fields). */
export function patchOf(base: FormValues, values: FormValues): ContactValues {
  return diffContact(fromForm(base).values, fromForm(values).values)
}

/** A field's value as one line for lists, reviews and conflicts. */
export function describeValue(name: FieldName, value: FormValue): string {
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ')
  if (value.trim() === '') return '(empty)'
  if (name === 'price') {
    // Blank text was described above, so no amount here means text that is not one.
    const amount = parseMoney(value) ?? Number.NaN
    return Number.isNaN(amount) ? value : formatMoney(amount)
  }
  return value.replace(/\n/g, ' ⏎ ')
}

/** Long values are cut in the linear (screen reader) layout's sentences; the cut says how long the whole is. */
const LINEAR_VALUE_LIMIT = 120

/** A value as a sentence of the linear layout says it: quoted, `empty` when there is none, cut when long. */
export function spokenValue(name: FieldName, value: FormValue): string {
  const text = describeValue(name, value)
  if (text === '(empty)' || text === '(none)') return 'empty'
  if (text.length <= LINEAR_VALUE_LIMIT) return `"${text}"`
  return `"${text.slice(0, LINEAR_VALUE_LIMIT).trimEnd()}…" (${text.length} characters)`
}
