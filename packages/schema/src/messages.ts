import type * as core from 'zod/v4/core'

/**
 * Error messages that depend on the input. Every limit is read from the issue (`maximum`), so a
 * limit is written once, in the schema. Messages start lower-case: `fieldErrors` puts the label first.
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

/** `.max(n, tooLong)` on a string: "must be at most 100 characters (you have 101)". */
export const tooLong = {
  error: (issue: core.$ZodRawIssue<core.$ZodIssueTooBig>) =>
    `must be at most ${String(issue.maximum)} characters${youHave(issue.input)}`,
}

/** `.max(n, tooManyTags)` on the tags array: "at most 20 tags (you have 21)". */
export const tooManyTags = {
  error: (issue: core.$ZodRawIssue<core.$ZodIssueTooBig>) =>
    `at most ${String(issue.maximum)} tags${youHave(issue.input)}`,
}

export const NOT_EMPTY_MESSAGE = 'must not be empty'
