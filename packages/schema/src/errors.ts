import type * as core from 'zod/v4/core'
import { contactFieldLabel } from './fields.js'
import { type ContactFieldName, ContactValues } from './people.js'

/** The key `fieldErrors` uses for problems with the whole value rather than one field. */
export const ROOT_ERROR_KEY = '*'

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
}

const quoteList = (values: readonly unknown[]): string => values.map((value) => JSON.stringify(value)).join(', ')

/** A sentence for one issue, without the field label. Our schemas' own messages are kept; zod's defaults are reworded. */
function describeIssue(issue: core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // zod says what it received only in its message; a missing value is the one case a person needs to hear.
      if (/received undefined$/.test(issue.message)) return 'is required'
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`
    case 'unrecognized_keys':
      return `${issue.keys.length === 1 ? 'unknown field' : 'unknown fields'} ${quoteList(issue.keys)}`
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${quoteList(issue.values)}`
        : `must be one of ${quoteList(issue.values)}`
    case 'invalid_union':
      return 'does not match any of the allowed forms'
    case 'too_big':
      if (issue.message.startsWith('Too big')) return `must be at most ${String(issue.maximum)}${unit(issue.origin)}`
      return issue.message
    case 'too_small':
      if (issue.message.startsWith('Too small')) return `must be at least ${String(issue.minimum)}${unit(issue.origin)}`
      return issue.message
    default:
      return issue.message
  }
}

const unit = (origin: string): string =>
  origin === 'string' ? ' characters' : origin === 'array' || origin === 'set' ? ' items' : ''

/** `tags.3` → "Tags: tag 4 …"; `firstName` → "First name: …"; any other path is shown as it is. */
function labelled(path: readonly PropertyKey[], sentence: string): string {
  const [head, ...rest] = path
  if (head === undefined) return sentence.charAt(0).toUpperCase() + sentence.slice(1)
  const label = (typeof head === 'string' && contactFieldLabel(head)) || String(head)
  if (rest.length === 0) return `${label}: ${sentence}`
  if (head === 'tags' && rest.length === 1 && typeof rest[0] === 'number')
    return `${label}: tag ${rest[0] + 1} ${sentence}`
  return `${label} (${rest.map(String).join('.')}): ${sentence}`
}

/** The dotted path of an issue (`tags.3`), or `'*'` for the whole value. */
const keyOf = (path: readonly PropertyKey[]): string =>
  path.length === 0 ? ROOT_ERROR_KEY : path.map(String).join('.')

/**
 * `{ field: message }` for a form: the key is the dotted path (`tags.3` for one tag), problems with
 * the whole value are under `'*'`, and each message names the field and the rule in words a person
 * understands ("Tags: at most 20 tags (you have 21)"). The first problem of a field wins.
 */
export function fieldErrors(error: core.$ZodError): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = keyOf(issue.path)
    if (!(key in out)) out[key] = labelled(issue.path, describeIssue(issue))
  }
  return out
}

/**
 * The message `fieldErrors` would give for this one field of a patch, or `undefined` when the value
 * is valid. `undefined` is valid: a patch may leave any field out.
 */
export function validateField(name: ContactFieldName, value: unknown): string | undefined {
  const schema = ContactValues.shape[name]
  if (!schema) throw new TypeError(`Unknown contact field "${String(name)}"`)
  const result = schema.safeParse(value)
  if (result.success) return undefined
  const [issue] = result.error.issues
  return issue && labelled([name, ...issue.path], describeIssue(issue))
}
