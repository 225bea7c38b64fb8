import type { CreateDealInput } from '@cc/schema'
import type { Statements } from './statements.js'

/** A deal as stored: the write model plus what the server owns. `stageId` is always set. */
export type DealRecord = CreateDealInput & {
  id: string
  stageId: string
  position?: number | undefined
  createdAt: string
  updatedAt: string
}

export interface StoredDeal {
  id: string
  pipelineId: string
  stageId: string
}

/** The deals table. The API returns no deal objects, so reads only serve validation and tests. */
export class DealsStore {
  readonly #sql: Statements

  constructor(statements: Statements) {
    this.#sql = statements
  }

  get(id: string): StoredDeal | undefined {
    const row = this.#sql.get('SELECT id, pipeline_id, stage_id FROM deals WHERE id = ?').get(id) as
      | { id: string; pipeline_id: string; stage_id: string }
      | undefined
    return row && { id: row.id, pipelineId: row.pipeline_id, stageId: row.stage_id }
  }

  insert(deal: DealRecord): void {
    this.#sql
      .get(
        `INSERT INTO deals (id, title, pipeline_id, stage_id, people_ids, team_ids, price, commission, close_date,
          position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...this.#values(deal), deal.position ?? 0, deal.createdAt, deal.updatedAt)
  }

  /** Replaces every field (the docs make deal updates full: title and pipelineId are required). */
  replace(deal: Omit<DealRecord, 'createdAt'>): boolean {
    const result = this.#sql
      .get(
        `UPDATE deals SET title = ?, pipeline_id = ?, stage_id = ?, people_ids = ?, team_ids = ?, price = ?,
          commission = ?, close_date = ?, updated_at = ? WHERE id = ?`,
      )
      .run(...this.#values(deal).slice(1), deal.updatedAt, deal.id)
    return result.changes > 0
  }

  move(id: string, stageId: string, position: number | undefined, updatedAt: string): boolean {
    const result = this.#sql
      .get('UPDATE deals SET stage_id = ?, position = coalesce(?, position), updated_at = ? WHERE id = ?')
      .run(stageId, position ?? null, updatedAt, id)
    return result.changes > 0
  }

  /** The full stored row, for tests and debugging. */
  raw(id: string): Record<string, unknown> | undefined {
    return this.#sql.get('SELECT * FROM deals WHERE id = ?').get(id) as Record<string, unknown> | undefined
  }

  #values(deal: Omit<DealRecord, 'createdAt'>) {
    return [
      deal.id,
      deal.title,
      deal.pipelineId,
      deal.stageId,
      JSON.stringify(deal.peopleIds ?? []),
      JSON.stringify(deal.teamIds ?? []),
      deal.pricing ?? null,
      deal.commission ?? null,
      deal.closeDate ?? null,
    ] as const
  }
}
