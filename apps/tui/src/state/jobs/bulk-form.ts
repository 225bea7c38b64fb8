import { contactField, contactFieldSchemas, parseTags, Tag } from '@cc/schema'
import {
  type BulkAction,
  type BulkChange,
  bulkChange,
  describeBulkAction,
  type SetField,
  setFieldValue,
} from '../../transfer/bulk-change.js'
import type { StageOption } from '../contacts/rows.js'
import type { Selection } from '../contacts/selection.js'

/** The actions a bulk edit offers, in the order the menu lists them. */
export const BULK_KINDS = [
  { kind: 'stage', label: 'Set the stage' },
  { kind: 'addTags', label: 'Add tags' },
  { kind: 'removeTags', label: 'Remove tags' },
  { kind: 'source', label: 'Set the source' },
  { kind: 'timeframe', label: 'Set the timeframe' },
] as const
export type BulkKind = (typeof BULK_KINDS)[number]['kind']

const setFieldOf = (kind: BulkKind): SetField | undefined =>
  kind === 'stage' || kind === 'source' || kind === 'timeframe' ? kind : undefined

/** Known stages whose name or id holds `typed` (all of them for an empty box). */
export function stagesMatching(stages: readonly StageOption[], typed: string): StageOption[] {
  const text = typed.trim().toLowerCase()
  return stages.filter((stage) => stage.name.toLowerCase().includes(text) || stage.id.toLowerCase().includes(text))
}

/**
 * The action the value step describes, or why it cannot be one (naming the field and the rule). For the stage, the
 * highlighted known stage wins; with none matching, the typed text is taken as a stage id.
 */
export function bulkActionOf(
  kind: BulkKind,
  typed: string,
  stage?: StageOption,
): { ok: true; action: BulkAction } | { ok: false; error: string } {
  const field = setFieldOf(kind)
  if (field) {
    if (field === 'stage' && stage)
      return { ok: true, action: { kind: 'set', field, value: stage.id, label: stage.name } }
    const value = typed.trim()
    const label = contactField(field).label
    if (field === 'stage' && value === '') return { ok: false, error: `${label}: type a stage id, or pick a stage` }
    const checked = contactFieldSchemas[field].safeParse(value)
    if (!checked.success) {
      // Stryker disable next-line OptionalChaining,StringLiteral: a failed parse always reports at least one issue
      const rule = checked.error.issues[0]?.message ?? 'is not valid'
      return { ok: false, error: `${label}: ${rule}` }
    }
    return { ok: true, action: { kind: 'set', field, value } }
  }
  const tags = parseTags(typed)
  const label = contactField('tags').label
  if (tags.length === 0) return { ok: false, error: `${label}: type at least one tag (several: separated by commas)` }
  if (tags.length > 20) return { ok: false, error: `${label}: at most 20 tags at once (you typed ${tags.length})` }
  for (const tag of tags) {
    const checked = Tag.safeParse(tag)
    if (!checked.success) {
      // Stryker disable next-line OptionalChaining,StringLiteral: a failed parse always reports at least one issue
      const rule = checked.error.issues[0]?.message ?? 'is not valid'
      return { ok: false, error: `${label}: "${tag}" ${rule}` }
    }
  }
  return { ok: true, action: { kind: kind === 'addTags' ? 'addTags' : 'removeTags', tags } }
}

/** What a bulk edit would do, from the values the selected contacts had when they were picked. */
export interface BulkPreview {
  action: BulkAction
  /** "Set stage to Won (stage_won)". */
  summary: string
  total: number
  change: number
  unchanged: number
  /** The action cannot apply to these (a limit): each is reported, not sent. */
  invalid: number
  /** A few of the contacts it changes, old → new. */
  samples: ReadonlyArray<{ name: string; before: string; after: string }>
}

const SAMPLES = 5

/**
 * The preview of `action` over the selection. Each contact is read again before its `PUT`, so the run may find
 * more or fewer to change (someone else's edits meanwhile); the preview says what is known now.
 */
export function previewBulk(action: BulkAction, selection: Selection): BulkPreview {
  let change = 0
  let unchanged = 0
  let invalid = 0
  const samples: Array<{ name: string; before: string; after: string }> = []
  for (const contact of selection.values()) {
    const outcome: BulkChange = bulkChange(action, contact.fields)
    if (outcome.kind === 'change') {
      change++
      if (samples.length < SAMPLES) samples.push({ name: contact.name, before: outcome.before, after: outcome.after })
    } else if (outcome.kind === 'unchanged') unchanged++
    else invalid++
  }
  return { action, summary: describeBulkAction(action), total: selection.size, change, unchanged, invalid, samples }
}

/** The contacts a run covers, each with the value its field had when picked (what "changed meanwhile" is against). */
export function bulkItemsOf(action: BulkAction, selection: Selection): Array<{ id: string; expect?: string }> {
  return [...selection.values()].map((contact) =>
    action.kind === 'set'
      ? { id: contact.id, expect: setFieldValue(action.field, contact.fields) }
      : { id: contact.id },
  )
}
