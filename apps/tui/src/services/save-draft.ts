import type { CcClient } from '@cc/client'
import { type Person, toUpdateInput } from '@cc/schema'
import { type FieldConflict, findConflicts, rebase } from '../state/editor/conflict.js'
import { changedFields, type FieldName, type FormValues, patchOf, toForm } from '../state/form.js'
import { describeError } from './describe-error.js'

export type SaveOutcome =
  | {
      kind: 'saved'
      values: FormValues
      person?: Person
      requestId?: string
      changed: string[]
      /**
       * Fields outside the patch that someone else changed between the read before the PUT and the read after
       * it: the PUT did not touch them, but the person did not see their new values before saving.
       */
      changedMeanwhile?: FieldName[]
      /** The contact could not be read back after the PUT, so changes made meanwhile could not be looked for. */
      unchecked?: true
    }
  | { kind: 'conflict'; theirs: FormValues; conflicts: FieldConflict[] }
  | { kind: 'rejected'; message: string; errors: Record<string, string> }
  | { kind: 'failed'; message: string }

/**
 * Save a draft safely: re-read the contact, stop at a conflict when a field changed on the server
 * and in the draft, otherwise send one PUT with only the fields the draft changed. The API documents
 * no precondition for the PUT (no ETag, no If-Unmodified-Since), so the window between the read and
 * the PUT is checked afterwards: the contact is read again and every field outside the patch is
 * compared with the copy read just before it; what changed is named in the outcome.
 */
export async function saveDraft(
  client: CcClient,
  id: string,
  base: FormValues,
  values: FormValues,
  signal?: AbortSignal,
): Promise<SaveOutcome> {
  // A save is driven by a person who sees the outcome and retries with one key: no silent retries.
  const once = { maxRetries: 0, ...(signal ? { signal } : {}) }
  let theirs: FormValues
  try {
    theirs = toForm(toUpdateInput(await client.people.get(id, once)))
  } catch (error) {
    return { kind: 'failed', message: `Could not check the contact for changes. ${describeError(error).message}` }
  }
  const conflicts = findConflicts(base, values, theirs)
  if (conflicts.length > 0) return { kind: 'conflict', theirs, conflicts }
  const next = rebase(base, values, theirs)
  const patch = patchOf(theirs, next)
  const changed = Object.keys(patch)
  if (changed.length === 0) return { kind: 'saved', values: next, changed }
  let requestId: string | undefined
  try {
    const result = await client.people.update(id, patch, once).withResponse()
    requestId = result.requestId
  } catch (error) {
    const described = describeError(error)
    if (described.fieldErrors && Object.keys(described.fieldErrors).length > 0) {
      return { kind: 'rejected', message: described.message, errors: described.fieldErrors }
    }
    return { kind: 'failed', message: `Not saved. ${described.message} Your changes are kept.` }
  }
  // Read back what the server stored; if that fails, what was sent is the best knowledge.
  try {
    const person = await client.people.get(id, signal ? { signal } : {})
    const stored = toForm(toUpdateInput(person))
    const changedMeanwhile = changedFields(theirs, stored).filter((name) => !(name in patch))
    return {
      kind: 'saved',
      values: stored,
      person,
      changed,
      ...(changedMeanwhile.length > 0 ? { changedMeanwhile } : {}),
      ...(requestId ? { requestId } : {}),
    }
  } catch {
    return { kind: 'saved', values: next, changed, unchecked: true, ...(requestId ? { requestId } : {}) }
  }
}
