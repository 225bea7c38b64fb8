import { afterEach, describe, expect, it } from 'vitest'
import type { DealRecord } from './deals.js'
import { Store } from './store.js'

const AT = '2025-01-01T00:00:00.000Z'
const LATER = '2025-02-02T00:00:00.000Z'

const stores: Store[] = []
afterEach(() => {
  for (const store of stores.splice(0)) store.close()
})

function storeWith(...deals: DealRecord[]): Store {
  const store = new Store()
  stores.push(store)
  for (const deal of deals) store.deals.insert(deal)
  return store
}

const deal = (fields: Partial<DealRecord> = {}): DealRecord => ({
  id: 'deal_1',
  title: '1 Main St',
  pipelineId: 'pipe_buyers',
  stageId: 'dstage_buyer_showing',
  createdAt: AT,
  updatedAt: AT,
  ...fields,
})

describe('DealsStore', () => {
  it('stores every field of a deal, lists as JSON, what it lacks as none, position 0', () => {
    const store = storeWith(
      deal({
        peopleIds: ['p1', 'p2'],
        teamIds: ['team_luxury'],
        pricing: 450000,
        commission: 2.5,
        closeDate: '2026-01-01',
      }),
      deal({ id: 'deal_2' }),
    )
    expect(store.deals.raw('deal_1')).toEqual({
      seq: 1,
      id: 'deal_1',
      title: '1 Main St',
      pipeline_id: 'pipe_buyers',
      stage_id: 'dstage_buyer_showing',
      people_ids: '["p1","p2"]',
      team_ids: '["team_luxury"]',
      price: 450000,
      commission: 2.5,
      close_date: '2026-01-01',
      position: 0,
      created_at: AT,
      updated_at: AT,
    })
    expect(store.deals.raw('deal_2')).toMatchObject({
      people_ids: '[]',
      team_ids: '[]',
      price: null,
      commission: null,
      close_date: null,
    })
    expect(store.deals.raw('deal_3')).toBeUndefined()
    expect(storeWith(deal({ position: 3 })).deals.raw('deal_1')?.position).toBe(3)
  })

  it('get gives the id, pipeline and stage', () => {
    const store = storeWith(deal())
    expect(store.deals.get('deal_1')).toEqual({
      id: 'deal_1',
      pipelineId: 'pipe_buyers',
      stageId: 'dstage_buyer_showing',
    })
    expect(store.deals.get('deal_2')).toBeUndefined()
  })

  it('replace sets every field, keeps the creation time and the position', () => {
    const store = storeWith(deal({ peopleIds: ['p1'], pricing: 1, position: 4 }))
    const replaced = store.deals.replace({
      id: 'deal_1',
      title: '2 Main St',
      pipelineId: 'pipe_sellers',
      stageId: 'dstage_seller_active',
      teamIds: ['team_coastal'],
      updatedAt: LATER,
    })
    expect(replaced).toBe(true)
    expect(store.deals.raw('deal_1')).toMatchObject({
      title: '2 Main St',
      pipeline_id: 'pipe_sellers',
      stage_id: 'dstage_seller_active',
      people_ids: '[]',
      team_ids: '["team_coastal"]',
      price: null,
      position: 4,
      created_at: AT,
      updated_at: LATER,
    })
    expect(store.deals.replace({ ...deal({ id: 'deal_9' }), updatedAt: LATER })).toBe(false)
  })

  it('move changes the stage, and the position only when one is given', () => {
    const store = storeWith(deal({ position: 2 }))
    expect(store.deals.move('deal_1', 'dstage_buyer_offer', undefined, LATER)).toBe(true)
    expect(store.deals.raw('deal_1')).toMatchObject({ stage_id: 'dstage_buyer_offer', position: 2, updated_at: LATER })
    expect(store.deals.move('deal_1', 'dstage_buyer_pending', 0, AT)).toBe(true)
    expect(store.deals.raw('deal_1')).toMatchObject({ stage_id: 'dstage_buyer_pending', position: 0, updated_at: AT })
    expect(store.deals.move('deal_9', 'dstage_buyer_offer', 1, AT)).toBe(false)
  })
})
