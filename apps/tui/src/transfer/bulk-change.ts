import {
  contactField,
  contactFieldSchemas,
  formatTags,
  type Person,
  parseTags,
  Tag,
  type UpdateContactInput,
} from '@cc/schema'
import * as z from 'zod'

/** The fields a bulk edit sets, as a patch names them. */
export const SET_FIELDS = ['stage', 'source', 'timeframe'] as const
export type SetField = (typeof SET_FIELDS)[number]

/** Tags a bulk edit adds or removes: at least one, each a valid tag, as many as a contact may have. */
const BulkTags = z.array(Tag).min(1).max(20)

/** What a bulk edit does to every contact it edits. */
export const BulkAction = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('set'),
    field: z.enum(SET_FIELDS),
    /** The new value; empty clears the field. */
    value: z.string(),
    /** A stage's name, to show beside its id. */
    label: z.string().optional(),
  }),
  z.object({ kind: z.literal('addTags'), tags: BulkTags }),
  z.object({ kind: z.literal('removeTags'), tags: BulkTags }),
])
export type BulkAction = z.infer<typeof BulkAction>

/** The fields a bulk edit reads, as the API reports them (`stageId` for the stage, the tags as a list). */
export interface BulkFieldValues {
  stageId: string
  tags: readonly string[]
  source: string
  timeframe: string
}

export function bulkFieldsOf(person: Person): BulkFieldValues {
  return {
    stageId: person.stageId ?? '',
    tags: parseTags(person.tags),
    source: person.source ?? '',
    timeframe: person.timeframe ?? '',
  }
}

/** What an action does to one contact, from its current values. */
export type BulkChange =
  | { kind: 'change'; patch: UpdateContactInput; before: string; after: string }
  | { kind: 'unchanged' }
  /** Someone else changed the field since the preview: skipped, never overwritten. */
  | { kind: 'conflict'; reason: string }
  /** The action cannot apply to this contact (it would break a limit): reported, not sent. */
  | { kind: 'invalid'; reason: string }

/** The current value of the field a set action sets. */
export function setFieldValue(field: SetField, values: BulkFieldValues): string {
  return field === 'stage' ? values.stageId : values[field]
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
const shown = (value: string) => (value === '' ? '(none)' : value)

/**
 * What `action` does to a contact whose values are `current`. For a set action, `expected` is the value the field
 * had in the preview: another value now means someone else changed it since, and the contact is skipped (its new
 * value is kept). Tags are added or removed from the contact's tags as they are now (the API replaces the whole
 * list), case-insensitively, keeping their order.
 */
export function bulkChange(action: BulkAction, current: BulkFieldValues, expected?: string): BulkChange {
  if (action.kind === 'set') {
    const now = setFieldValue(action.field, current)
    if (now === action.value) return { kind: 'unchanged' }
    if (expected !== undefined && now !== expected) {
      const label = contactField(action.field).label
      return {
        kind: 'conflict',
        reason: `${label} changed meanwhile: ${shown(expected)} → ${shown(now)} (kept)`,
      }
    }
    return { kind: 'change', patch: { [action.field]: action.value }, before: now, after: action.value }
  }
  const before = [...current.tags]
  let after: string[]
  if (action.kind === 'addTags') {
    const missing = action.tags.filter((tag) => !before.some((existing) => same(existing, tag)))
    after = [...before, ...missing]
  } else {
    after = before.filter((existing) => !action.tags.some((tag) => same(existing, tag)))
  }
  if (after.length === before.length) return { kind: 'unchanged' }
  const checked = contactFieldSchemas.tags.safeParse(after)
  if (!checked.success) {
    return { kind: 'invalid', reason: `${contactField('tags').label} ${checked.error.issues[0]?.message ?? ''}`.trim() }
  }
  return { kind: 'change', patch: { tags: after }, before: formatTags(before), after: formatTags(after) }
}

/** "Set stage to Lead", "Add tags VIP, Buyer": the action in words (text from a person or the server: clean it to draw it). */
export function describeBulkAction(action: BulkAction): string {
  if (action.kind === 'set') {
    const label = contactField(action.field).label.toLowerCase()
    if (action.value === '') return `Clear the ${label}`
    const value = action.label && action.label !== action.value ? `${action.label} (${action.value})` : action.value
    return `Set ${label} to ${value}`
  }
  return `${action.kind === 'addTags' ? 'Add' : 'Remove'} ${action.tags.length === 1 ? 'tag' : 'tags'} ${formatTags(action.tags)}`
}
