import type { Person } from '@cc/schema'
import { displayLine } from '../../text/sanitize.js'
import { type BulkFieldValues, bulkFieldsOf } from '../../transfer/bulk-change.js'

/** A contact as one list row: every text cleaned of control sequences. */
export interface ContactRow {
  id: string
  name: string
  /** What deleting it for good asks to be typed: the last name, else the first name, else the id. */
  confirmWord: string
  email: string
  phone: string
  stage: string
  stageId: string
  tags: string
  updated: string
  /** What a bulk edit of this contact starts from, as the API reported it (compared, never drawn as it is). */
  fields: BulkFieldValues
}

const primary = (items: readonly { value: string; isPrimary?: boolean | null }[] | undefined) =>
  items?.find((item) => item.isPrimary === true)?.value ?? items?.[0]?.value ?? ''

export function toRow(person: Person): ContactRow {
  const name = displayLine(person.fullName) || displayLine([person.firstName, person.lastName].join(' '))
  return {
    id: displayLine(person.id),
    name: name || '(no name)',
    confirmWord: displayLine(person.lastName) || displayLine(person.firstName) || displayLine(person.id),
    email: displayLine(primary(person.emails)),
    phone: displayLine(primary(person.phones)),
    stage: displayLine(person.stageName) || displayLine(person.stageId),
    stageId: displayLine(person.stageId),
    tags: displayLine(person.tags),
    updated: displayLine(person.updatedAt ?? person.createdAt).slice(0, 10),
    fields: bulkFieldsOf(person),
  }
}

export interface StageOption {
  id: string
  name: string
}

/** Stages seen on loaded contacts: the API has no endpoint that lists them. */
export function stagesSeen(rows: readonly ContactRow[]): StageOption[] {
  return mergeStages([], rows)
}

/** At most this many stages are remembered: an account has a handful; a flood of ids must not grow memory. */
export const MAX_STAGES = 200

/**
 * `known` and the stages of `rows` not among them, by name: the list remembers every stage it has seen, including
 * on pages it has let go of since. Returns `known` itself when nothing is new.
 */
export function mergeStages(known: readonly StageOption[], rows: readonly ContactRow[]): StageOption[] {
  const byId = new Map(known.map((stage) => [stage.id, stage.name]))
  let added = false
  for (const row of rows) {
    if (byId.size >= MAX_STAGES) break
    if (row.stageId && !byId.has(row.stageId)) {
      byId.set(row.stageId, row.stage)
      added = true
    }
  }
  if (!added) return known as StageOption[]
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name))
}
