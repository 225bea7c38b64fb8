import { type BulkAction, type BulkFieldValues, bulkChange } from '../../transfer/bulk-change.js'
import type { ContactRow } from './rows.js'

/**
 * A contact picked for a bulk edit: its id, the name the list showed, and the fields a bulk edit starts from as
 * they were when it was picked (or saved here since). The preview is computed from these; the run reads each contact
 * again before its `PUT`, and one whose field moved since is skipped, never overwritten.
 */
export interface SelectedContact {
  id: string
  name: string
  fields: BulkFieldValues
}

/** The selection, by contact id, in the order contacts were picked: independent of the pages the list holds. */
export type Selection = ReadonlyMap<string, SelectedContact>

export const noSelection: Selection = new Map()

const selectedOf = (row: ContactRow): SelectedContact => ({ id: row.id, name: row.name, fields: row.fields })

/** Picks `row`, or lets it go when it was picked. */
export function toggleSelected(selection: Selection, row: ContactRow): Selection {
  const next = new Map(selection)
  if (next.has(row.id)) next.delete(row.id)
  else next.set(row.id, selectedOf(row))
  return next
}

/** Picks every one of `rows` (those picked already stay as they are). */
export function selectAll(selection: Selection, rows: readonly ContactRow[]): Selection {
  if (rows.every((row) => selection.has(row.id))) return selection
  const next = new Map(selection)
  for (const row of rows) if (!next.has(row.id)) next.set(row.id, selectedOf(row))
  return next
}

/** A picked contact saved here: what a bulk edit starts from is what was saved (our own change is no conflict). */
export function refreshSelected(selection: Selection, row: ContactRow): Selection {
  if (!selection.has(row.id)) return selection
  return new Map(selection).set(row.id, selectedOf(row))
}

/** Picked contacts among rows fetched again: a bulk edit (and its preview) starts from what the list shows now. */
export function refreshAllSelected(selection: Selection, rows: readonly ContactRow[]): Selection {
  let next: Map<string, SelectedContact> | undefined
  for (const row of rows) {
    if (!selection.has(row.id)) continue
    next ??= new Map(selection)
    next.set(row.id, selectedOf(row))
  }
  return next ?? selection
}

/** A contact that is gone cannot be edited: it leaves the selection. */
export function deselect(selection: Selection, id: string): Selection {
  if (!selection.has(id)) return selection
  const next = new Map(selection)
  next.delete(id)
  return next
}

/**
 * A bulk edit went through for `ids`: what a next bulk edit starts from is the action applied (so that setting the
 * same field again is not taken for someone else's change).
 */
export function applyToSelected(selection: Selection, ids: readonly string[], action: BulkAction): Selection {
  let next: Map<string, SelectedContact> | undefined
  for (const id of ids) {
    const contact = selection.get(id)
    if (!contact) continue
    const change = bulkChange(action, contact.fields)
    if (change.kind !== 'change') continue
    const fields =
      action.kind === 'set'
        ? { ...contact.fields, [action.field === 'stage' ? 'stageId' : action.field]: action.value }
        : { ...contact.fields, tags: change.patch.tags ?? contact.fields.tags }
    next ??= new Map(selection)
    next.set(id, { ...contact, fields })
  }
  return next ?? selection
}
