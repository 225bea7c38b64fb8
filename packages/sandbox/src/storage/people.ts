import type { SQLInputValue } from 'node:sqlite'
import type { ContactFieldName, Person, UpdateContactInput } from '@cc/schema'
import { formatTags, SEARCH_MAX_RESULTS } from '@cc/schema'
import { contactStages, users } from '../seed/fixtures.js'
import { emailKey, phoneKey } from './match-keys.js'
import { type NameRow, NameSearch } from './name-search.js'
import type { Statements } from './statements.js'

/** A contact as stored: the write model's fields (`stage` is the stage id) plus what the server owns. */
export type PersonRecord = UpdateContactInput & {
  id: string
  assignedAgentId?: string | undefined
  relationship?: boolean | undefined
  createdAt: string
  updatedAt: string
}

const COLUMNS: Record<ContactFieldName, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  phone: 'phone',
  source: 'source',
  stage: 'stage_id',
  price: 'price',
  timeframe: 'timeframe',
  background: 'background',
  tags: 'tags',
  street: 'street',
  city: 'city',
  state: 'state',
  zipCode: 'zip_code',
}

interface PersonRow {
  seq: number
  id: string
  first_name: string | null
  last_name: string | null
  email: string | null
  phone: string | null
  source: string | null
  stage_id: string | null
  price: number | null
  timeframe: string | null
  background: string | null
  tags: string
  street: string | null
  city: string | null
  state: string | null
  zip_code: string | null
  assigned_agent_id: string | null
  relationship: number
  created_at: string
  updated_at: string
}

export interface PeoplePage {
  people: Person[]
  /** Position of the last contact of the page, for the next cursor. */
  lastSeq: number | undefined
  hasMore: boolean
}

export interface PeopleSearch {
  id?: string | undefined
  email?: string | undefined
  phone?: string | undefined
  name?: string | undefined
}

const ACTIVE = 'trashed_at IS NULL'
const FIELDS = Object.keys(COLUMNS) as ContactFieldName[]
const INSERT_COLUMNS = [
  'id',
  ...FIELDS.map((f) => COLUMNS[f]),
  'email_key',
  'phone_key',
  'assigned_agent_id',
  'relationship',
  'created_at',
  'updated_at',
]

const SQL = {
  list: `SELECT * FROM people WHERE ${ACTIVE} AND seq > ? ORDER BY seq LIMIT ?`,
  get: `SELECT * FROM people WHERE id = ? AND ${ACTIVE}`,
  exists: `SELECT 1 FROM people WHERE id = ? AND ${ACTIVE}`,
  idByEmail: `SELECT id FROM people WHERE email_key = ? AND ${ACTIVE} ORDER BY seq LIMIT 1`,
  insert: `INSERT INTO people (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})`,
  updatedAt: `SELECT updated_at FROM people WHERE id = ? AND ${ACTIVE}`,
  trash: `UPDATE people SET trashed_at = ? WHERE id = ? AND ${ACTIVE}`,
  deletePermanently: 'DELETE FROM people WHERE id = ?',
  count: 'SELECT count(*) AS n FROM people',
  bySeq: 'SELECT * FROM people WHERE seq IN (SELECT value FROM json_each(?))',
} as const

/** Stored column value of one contact field: tags as JSON, a cleared text field as NULL. */
function columnValue(field: ContactFieldName, value: unknown): SQLInputValue {
  if (field === 'tags') return JSON.stringify(value ?? [])
  if (value === undefined || value === '') return null
  return value as SQLInputValue
}

/** The contacts table: reads return the API's read model (`Person`), writes take the write model. */
export class PeopleStore {
  readonly #sql: Statements
  readonly #names: NameSearch

  constructor(statements: Statements) {
    this.#sql = statements
    this.#names = new NameSearch(statements)
  }

  /** A page of active contacts in insertion order, starting after position `after`. */
  list(limit: number, after = 0): PeoplePage {
    const rows = this.#sql.get(SQL.list).all(after, limit + 1) as unknown as PersonRow[]
    const page = rows.slice(0, limit)
    return { people: page.map(toPerson), lastSeq: page.at(-1)?.seq, hasMore: rows.length > limit }
  }

  get(id: string): Person | undefined {
    const row = this.#sql.get(SQL.get).get(id) as PersonRow | undefined
    return row && toPerson(row)
  }

  /** Whether an active (not trashed) contact has this id. */
  exists(id: string): boolean {
    return this.#sql.get(SQL.exists).get(id) !== undefined
  }

  /** The id of the oldest active contact with this email (case-insensitive), the upsert match. */
  idByEmail(email: string): string | undefined {
    const row = this.#sql.get(SQL.idByEmail).get(emailKey(email)) as { id: string } | undefined
    return row?.id
  }

  /**
   * Every criterion given must match: id exact, email case-insensitive, phone by digits, name fuzzy.
   * Only the contacts that can match are read: through the email and phone indexes, or the name index.
   */
  search(query: PeopleSearch): Person[] {
    const where = [ACTIVE]
    const values: SQLInputValue[] = []
    if (query.id !== undefined) {
      where.push('id = ?')
      values.push(query.id)
    }
    if (query.email !== undefined) {
      where.push('email_key = ?')
      values.push(emailKey(query.email))
    }
    if (query.phone !== undefined) {
      const key = phoneKey(query.phone)
      if (key === undefined) return []
      where.push('phone_key = ?')
      values.push(key)
    }
    if (query.name === undefined) {
      // Without any criterion, `where` is only ACTIVE: the first contacts in list order (ASSUMPTIONS.md#search-criteria).
      const sql = `SELECT * FROM people WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ${SEARCH_MAX_RESULTS}`
      return (this.#sql.get(sql).all(...values) as unknown as PersonRow[]).map(toPerson)
    }
    if (values.length === 0) return this.#bySeq(this.#names.search(query.name))
    const sql = `SELECT people.seq, people_names.name FROM people JOIN people_names USING (seq)
      WHERE ${where.join(' AND ')} ORDER BY people.seq`
    const rows = this.#sql.get(sql).all(...values) as unknown as NameRow[]
    return this.#bySeq(this.#names.rank(rows, query.name))
  }

  /** These contacts, in this order. */
  #bySeq(seqs: readonly number[]): Person[] {
    const rows = this.#sql.get(SQL.bySeq).all(JSON.stringify(seqs)) as unknown as PersonRow[]
    const bySeq = new Map(rows.map((row) => [row.seq, row]))
    return seqs.map((seq) => toPerson(bySeq.get(seq) as PersonRow))
  }

  insert(record: PersonRecord): Person {
    this.add(record)
    return this.get(record.id) as Person
  }

  /** Inserts without reading the contact back (bulk seeding). */
  add(record: PersonRecord): void {
    const values: SQLInputValue[] = [record.id, ...FIELDS.map((f) => columnValue(f, record[f]))]
    values.push(record.email === undefined ? null : emailKey(record.email))
    values.push(record.phone === undefined ? null : (phoneKey(record.phone) ?? null))
    values.push(record.assignedAgentId ?? null, record.relationship ? 1 : 0, record.createdAt, record.updatedAt)
    this.#sql.get(SQL.insert).run(...values)
  }

  /**
   * Changes only the fields in `patch` and bumps `updatedAt` (strictly later than before, even within
   * one millisecond). A patch without fields changes nothing, `updatedAt` included. Returns false when no active
   * contact has this id.
   */
  update(id: string, patch: UpdateContactInput, now: Date): boolean {
    const current = this.#sql.get(SQL.updatedAt).get(id) as { updated_at: string } | undefined
    if (current === undefined) return false
    const sets: string[] = []
    const values: SQLInputValue[] = []
    // In column order, whatever the patch's key order: one statement per set of fields.
    for (const field of FIELDS) {
      const value = patch[field]
      if (value === undefined) continue
      sets.push(`${COLUMNS[field]} = ?`)
      values.push(columnValue(field, value))
      if (field === 'email') {
        sets.push('email_key = ?')
        values.push(emailKey(value as string))
      }
      if (field === 'phone') {
        sets.push('phone_key = ?')
        values.push(phoneKey(value as string) ?? null)
      }
    }
    if (sets.length === 0) return true
    const previous = Date.parse(current.updated_at)
    const updatedAt = new Date(Math.max(now.getTime(), Number.isNaN(previous) ? 0 : previous + 1)).toISOString()
    sets.push('updated_at = ?')
    values.push(updatedAt)
    this.#sql.get(`UPDATE people SET ${sets.join(', ')} WHERE id = ?`).run(...values, id)
    return true
  }

  /** Moves an active contact to trash: it leaves list, search and get. */
  trash(id: string, now: Date): boolean {
    const result = this.#sql.get(SQL.trash).run(now.toISOString(), id)
    return result.changes > 0
  }

  /** Deletes a contact for good, trashed or not, with its activities. */
  deletePermanently(id: string): boolean {
    return this.#sql.get(SQL.deletePermanently).run(id).changes > 0
  }

  count(): number {
    return (this.#sql.get(SQL.count).get() as { n: number }).n
  }
}

// Keyed by id or null: a contact without a stage or agent finds none.
const STAGE_NAMES = new Map<string | null, string>(contactStages.map((stage) => [stage.id, stage.name]))
const AGENTS = new Map<string | null, { id: string; name: string; email: string }>(
  users.map((user) => [user.id, { id: user.id, name: `${user.firstName} ${user.lastName}`, email: user.email }]),
)

/** The read model: one primary email and phone as arrays, tags comma+space joined, stage and agent names. */
function toPerson(row: PersonRow): Person {
  const agent = AGENTS.get(row.assigned_agent_id)
  const tags = JSON.parse(row.tags) as string[]
  const fullName = [row.first_name, row.last_name].filter(Boolean).join(' ')
  // Fields a contact does not have are left out rather than sent as null, as in the docs' examples.
  // (Added one by one: deleting keys afterwards would make every contact a slow dictionary object.)
  const person: Record<string, unknown> = { id: row.id }
  add(person, 'firstName', row.first_name)
  add(person, 'lastName', row.last_name)
  add(person, 'fullName', fullName || null)
  person.emails = row.email === null ? [] : [{ value: row.email, type: 'home', isPrimary: true }]
  person.phones =
    row.phone === null ? [] : [{ value: row.phone, type: 'mobile', isPrimary: true, status: 'Valid', isBad: false }]
  add(person, 'assignedAgentId', agent?.id)
  add(person, 'assignedAgentName', agent?.name)
  add(person, 'assignedAgentEmail', agent?.email)
  add(person, 'stageId', row.stage_id)
  add(person, 'stageName', STAGE_NAMES.get(row.stage_id))
  add(person, 'source', row.source)
  add(person, 'tags', tags.length > 0 ? formatTags(tags) : null)
  add(person, 'price', row.price)
  add(person, 'timeframe', row.timeframe)
  add(person, 'background', row.background)
  person.relationship = row.relationship === 1
  add(person, 'street', row.street)
  add(person, 'city', row.city)
  add(person, 'state', row.state)
  add(person, 'zipCode', row.zip_code)
  person.createdAt = row.created_at
  person.updatedAt = row.updated_at
  return person as Person
}

function add(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== null && value !== undefined) target[key] = value
}
