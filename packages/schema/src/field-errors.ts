import type * as core from 'zod/v4/core'
import { contactFieldLabels } from './contact-labels.js'
import type { ApiIssue } from './envelope.js'
import { messages } from './messages.js'

/** The key `fieldErrors` uses for problems with the whole value rather than one field. */
export const ROOT_ERROR_KEY = '*'

/** What the formatter reads of an issue: a zod issue, or an issue an API sent (`{ path, message }`). */
export interface IssueLike {
  readonly path: readonly PropertyKey[]
  readonly message: string
  readonly code?: string
  /** The unknown keys of an `unrecognized_keys` issue. */
  readonly keys?: readonly string[]
  /** For an `unrecognized_keys` issue: the closest known field of each unknown key, when one is close. */
  readonly didYouMean?: Readonly<Record<string, string>>
}

/** How a field is named in a message: its label, or its label and what one item of the list is called. */
export type FieldLabel = string | { readonly label: string; readonly item: string }

export interface FieldErrorOptions {
  /**
   * Path segments put before every issue's path: `['options']` reports `faults.rate` as `options.faults.rate`.
   */
  prefix?: readonly PropertyKey[]
  /**
   * Labels of top-level fields, by name. Default: the contact fields' form labels (`firstName` → "First name",
   * `tags.3` → "Tags: tag 4 …"). A field without a label is named by its dotted path; pass `{}` for paths only.
   */
  labels?: Readonly<Record<string, FieldLabel>>
}

type Path = (string | number)[]

/** One problem: where, and the rule in words, without the field's name. */
interface Problem {
  key: string
  path: Path
  sentence: string
}

/** `['tags', 3]` → `'tags.3'`; `[]` → `'*'`. */
export function fieldKey(path: readonly PropertyKey[]): string {
  return path.length === 0 ? ROOT_ERROR_KEY : path.map(String).join('.')
}

const segment = (part: PropertyKey): string | number => (typeof part === 'number' ? part : String(part))

/** The first problem of each field, in issue order. Each unknown key is its own field. */
function problemsOf(source: core.$ZodError | readonly IssueLike[], prefix: readonly PropertyKey[]): Problem[] {
  const issues: readonly IssueLike[] = 'issues' in source ? source.issues : source
  const found = new Map<string, Problem>()
  const add = (path: Path, sentence: string) => {
    const key = fieldKey(path)
    if (!found.has(key)) found.set(key, { key, path, sentence })
  }
  for (const issue of issues) {
    const path = [...prefix, ...issue.path].map(segment)
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      const near = issue.didYouMean ?? {}
      for (const key of issue.keys) {
        add(
          [...path, key],
          Object.hasOwn(near, key) ? messages.unknownFieldNear(near[key] as string) : messages.unknownField,
        )
      }
    } else {
      add(path, issue.message)
    }
  }
  return [...found.values()]
}

/** "First name: must not be empty", "Tags: tag 4 must not be empty", "limit: …", or the sentence alone for the root. */
function labelled(path: Path, sentence: string, labels: Readonly<Record<string, FieldLabel>>): string {
  const [head, ...rest] = path
  if (head === undefined) return sentence.charAt(0).toUpperCase() + sentence.slice(1)
  const entry = typeof head === 'string' && Object.hasOwn(labels, head) ? labels[head] : undefined
  if (entry === undefined) return `${path.join('.')}: ${sentence}`
  const { label, item } = typeof entry === 'string' ? { label: entry, item: undefined } : entry
  if (rest.length === 0) return `${label}: ${sentence}`
  if (item !== undefined && rest.length === 1 && typeof rest[0] === 'number') {
    return `${label}: ${item} ${rest[0] + 1} ${sentence}`
  }
  return `${label} (${rest.join('.')}): ${sentence}`
}

/**
 * `{ field: message }` for a form or an error message: the key is the dotted path (`tags.3` for one tag), problems
 * with the whole value are under `'*'`, each unknown field is its own entry, and each message names the field and
 * the rule ("Tags: at most 20 tags (you have 21)"). The first problem of a field wins. Takes a `ZodError` or its
 * issues, or the issues of an API error body.
 */
export function fieldErrors(
  source: core.$ZodError | readonly IssueLike[],
  options: FieldErrorOptions = {},
): Record<string, string> {
  const labels = options.labels ?? contactFieldLabels()
  const out: Record<string, string> = {}
  for (const { key, path, sentence } of problemsOf(source, options.prefix ?? [])) {
    // defineProperty: an unknown field may be called "__proto__".
    Object.defineProperty(out, key, {
      value: labelled(path, sentence, labels),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return out
}

/** The issues of a 422 body: one per field, as the request spells its path, the rule without the field's name. */
export function apiIssues(
  source: core.$ZodError | readonly IssueLike[],
  options: Pick<FieldErrorOptions, 'prefix'> = {},
): ApiIssue[] {
  return problemsOf(source, options.prefix ?? []).map(({ path, sentence }) => ({ path, message: sentence }))
}

/** The messages of `fieldErrors` on one line: "a; b; c; and 2 more" (at most `limit` of them). */
export function summarizeFieldErrors(errors: Readonly<Record<string, string>>, limit = 5): string {
  const messages = Object.values(errors)
  const more = messages.length > limit ? `; and ${messages.length - limit} more` : ''
  return messages.slice(0, limit).join('; ') + more
}
