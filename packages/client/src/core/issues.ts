import { fieldErrors } from '@cc/schema'
import { z } from 'zod'
import type * as core from 'zod/v4/core'
import type { FieldErrors } from './errors.js'

/**
 * `{ field: message }` from zod issues, worded by `@cc/schema` (the same messages the editor shows): the key is
 * the dotted path (`tags.3`), whole-input problems go under `*`, and each message names its field.
 */
export function toFieldErrors(issues: readonly core.$ZodIssue[]): FieldErrors {
  return fieldErrors(new z.ZodError([...issues]))
}

/** The messages joined for an error message, at most `limit` of them. Each message already names its field. */
export function describeFieldErrors(errors: FieldErrors, limit = 5): string {
  const messages = Object.values(errors)
  const more = messages.length > limit ? `; and ${messages.length - limit} more` : ''
  return messages.slice(0, limit).join('; ') + more
}

/** `data.emails: Invalid input…` for issues in a response body: for developers, so paths stay as they are. */
export function describeIssues(issues: readonly core.$ZodIssue[], limit = 5): string {
  const shown = issues.slice(0, limit).map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
  const more = issues.length > limit ? `; and ${issues.length - limit} more` : ''
  return shown.join('; ') + more
}
