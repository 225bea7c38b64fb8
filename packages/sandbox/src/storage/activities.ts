import type { Activity, CreateActivityInput } from '@cc/schema'
import { users } from '../seed/fixtures.js'
import type { Statements } from './statements.js'

/** An activity as stored: the write model plus what the server owns. */
export type ActivityRecord = CreateActivityInput & {
  id: string
  agentId?: string | undefined
  starred?: boolean | undefined
  createdAt: string
}

interface ActivityRow {
  id: string
  person_id: string
  type: string
  channel: string | null
  direction: string | null
  content: string | null
  agent_id: string | null
  starred: number
  created_at: string
}

/** The activities table (calls, emails, notes, meetings, texts logged against a contact). */
export class ActivitiesStore {
  readonly #sql: Statements

  constructor(statements: Statements) {
    this.#sql = statements
  }

  insert(activity: ActivityRecord): Activity {
    this.add(activity)
    return this.get(activity.id) as Activity
  }

  /** Inserts without reading the activity back (bulk seeding). */
  add(activity: ActivityRecord): void {
    this.#sql
      .get(
        `INSERT INTO activities (id, person_id, type, channel, direction, content, agent_id, starred, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        activity.id,
        activity.personId,
        activity.type,
        activity.channel ?? null,
        activity.direction ?? null,
        activity.content ?? null,
        activity.agentId ?? null,
        activity.starred ? 1 : 0,
        activity.createdAt,
      )
  }

  get(id: string): Activity | undefined {
    const row = this.#sql.get('SELECT * FROM activities WHERE id = ?').get(id) as ActivityRow | undefined
    return row && toActivity(row)
  }

  countFor(personId: string): number {
    return (this.#sql.get('SELECT count(*) AS n FROM activities WHERE person_id = ?').get(personId) as { n: number }).n
  }
}

function toActivity(row: ActivityRow): Activity {
  const agent = users.find((u) => u.id === row.agent_id)
  const activity: Record<string, unknown> = {
    id: row.id,
    personId: row.person_id,
    type: row.type,
    createdAt: row.created_at,
    channel: row.channel,
    direction: row.direction,
    content: row.content,
    agentName: agent && `${agent.firstName} ${agent.lastName}`,
    starred: row.starred === 1,
  }
  for (const key of Object.keys(activity))
    if (activity[key] === null || activity[key] === undefined) delete activity[key]
  return activity as Activity
}
