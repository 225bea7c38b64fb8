import type { Person } from '@cc/schema'
import { displayLine } from '../../text/sanitize.js'

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
}

const primary = (items: readonly { value: string; isPrimary?: boolean | null }[] | undefined) =>
  (items ?? []).find((item) => item.isPrimary === true)?.value ?? items?.[0]?.value ?? ''

export function toRow(person: Person): ContactRow {
  const name =
    displayLine(person.fullName) || displayLine([person.firstName, person.lastName].filter(Boolean).join(' '))
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
  }
}

export interface StageOption {
  id: string
  name: string
}

/** Stages seen on loaded contacts: the API has no endpoint that lists them. */
export function stagesSeen(rows: readonly ContactRow[]): StageOption[] {
  const byId = new Map<string, string>()
  for (const row of rows) if (row.stageId && !byId.has(row.stageId)) byId.set(row.stageId, row.stage)
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name))
}
