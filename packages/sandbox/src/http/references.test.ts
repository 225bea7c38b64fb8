import { afterEach, describe, expect, it } from 'vitest'
import { Store } from '../storage/store.js'
import { checkContactStage, checkPeople, checkPipelineStage, checkTeams } from './references.js'

const STAGES =
  'stage_lead, stage_prospect, stage_active, stage_under_contract, stage_closed, stage_past_client, stage_nurture'

describe('checkContactStage', () => {
  it('takes a known stage, "" (which clears it) or none', () => {
    for (const stage of [undefined, '', 'stage_lead', 'stage_nurture']) expect(checkContactStage(stage)).toEqual([])
  })

  it('names the known stages for any other', () => {
    for (const stage of ['stage_x', 'Lead', ' stage_lead']) {
      expect(checkContactStage(stage)).toEqual([
        { path: ['stage'], message: `is not a known stage (known: ${STAGES})` },
      ])
    }
  })
})

describe('checkPipelineStage', () => {
  it('takes a known pipeline with one of its stages, or with none', () => {
    expect(checkPipelineStage('pipe_buyers', undefined)).toEqual([])
    expect(checkPipelineStage('pipe_buyers', 'dstage_buyer_closed')).toEqual([])
    expect(checkPipelineStage('pipe_sellers', 'dstage_seller_listing')).toEqual([])
  })

  it('an unknown pipeline: the known ones, whatever the stage', () => {
    for (const stage of [undefined, 'dstage_buyer_offer']) {
      expect(checkPipelineStage('pipe_renters', stage)).toEqual([
        { path: ['pipelineId'], message: 'is not a known pipeline (known: pipe_buyers, pipe_sellers)' },
      ])
    }
  })

  it('a stage of another pipeline: the stages of this one', () => {
    expect(checkPipelineStage('pipe_buyers', 'dstage_seller_listing')).toEqual([
      {
        path: ['stageId'],
        message:
          'is not a stage of pipeline pipe_buyers (known: dstage_buyer_showing, dstage_buyer_offer, dstage_buyer_pending, dstage_buyer_closed)',
      },
    ])
  })
})

describe('checkPeople', () => {
  const stores: Store[] = []
  afterEach(() => {
    for (const store of stores.splice(0)) store.close()
  })

  it('one issue per id that is no active contact, at its index', () => {
    const store = new Store()
    stores.push(store)
    const at = '2025-01-01T00:00:00.000Z'
    for (const id of ['aaaaaaaaaaaa1', 'aaaaaaaaaaaa2']) store.people.add({ id, createdAt: at, updatedAt: at })
    store.people.trash('aaaaaaaaaaaa2', new Date())
    expect(checkPeople(store, undefined)).toEqual([])
    expect(checkPeople(store, [])).toEqual([])
    expect(checkPeople(store, ['aaaaaaaaaaaa1'])).toEqual([])
    expect(checkPeople(store, ['aaaaaaaaaaaa1', 'ghost0000001', 'aaaaaaaaaaaa2'])).toEqual([
      { path: ['peopleIds', 1], message: 'is not a known contact (ghost0000001)' },
      { path: ['peopleIds', 2], message: 'is not a known contact (aaaaaaaaaaaa2)' },
    ])
  })
})

describe('checkTeams', () => {
  it('one issue per unknown team, at its index, naming the known ones', () => {
    expect(checkTeams(undefined)).toEqual([])
    expect(checkTeams(['team_downtown', 'team_luxury'])).toEqual([])
    expect(checkTeams(['team_x', 'team_coastal', 'Team_Downtown'])).toEqual([
      { path: ['teamIds', 0], message: 'is not a known team (known: team_downtown, team_coastal, team_luxury)' },
      { path: ['teamIds', 2], message: 'is not a known team (known: team_downtown, team_coastal, team_luxury)' },
    ])
  })
})
