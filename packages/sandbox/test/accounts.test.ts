import {
  ApiErrorBody,
  CreateActivityResponse,
  CreateDealResponse,
  ListUsersResponse,
  MeResponse,
  MoveDealResponse,
  UpdateDealResponse,
} from '@cc/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from '../src/index.js'
import { call } from './call.js'

let sandbox: Sandbox
let personId: string
beforeAll(async () => {
  sandbox = await createSandbox()
  personId = (await call(sandbox, 'GET', '/people?limit=1')).body.data[0].id
})
afterAll(() => sandbox.close())

describe('users', () => {
  it('lists a handful of users with teams; /me is the account owner', async () => {
    const list = ListUsersResponse.parse((await call(sandbox, 'GET', '/users')).body)
    expect(list.data.length).toBeGreaterThanOrEqual(4)
    expect(list.data[0]).toMatchObject({ id: 'user_jsmith', role: 'Owner', teams: expect.any(Array) })
    const me = MeResponse.parse((await call(sandbox, 'GET', '/me')).body)
    expect(me.data).toMatchObject({ id: 'user_jsmith', firstName: 'Jane', email: 'jsmith@example.com' })
  })
})

describe('deals', () => {
  const deal = { title: '123 Main St - Purchase', pipelineId: 'pipe_buyers', pricing: 450000 }

  it('creates (201, only the id), updates in full and moves between stages', async () => {
    const created = await call(sandbox, 'POST', '/deals', { body: { ...deal, peopleIds: [personId] } })
    expect(created.status).toBe(201)
    const { id } = CreateDealResponse.parse(created.body).data
    expect(id).toMatch(/^deal_/)

    const updated = await call(sandbox, 'PUT', `/deals/${id}`, {
      body: { ...deal, title: '123 Main St - Offer', stageId: 'dstage_buyer_offer', closeDate: '2026-12-31T00:00:00Z' },
    })
    expect(UpdateDealResponse.parse(updated.body).success).toBe(true)
    const moved = await call(sandbox, 'POST', `/deals/${id}/move`, {
      body: { stageId: 'dstage_buyer_pending', order: 2 },
    })
    expect(MoveDealResponse.parse(moved.body)).toMatchObject({ success: true })
  })

  it('404 for PUT or move on an unknown deal', async () => {
    expect((await call(sandbox, 'PUT', '/deals/deal_nope', { body: deal })).status).toBe(404)
    const move = await call(sandbox, 'POST', '/deals/deal_nope/move', { body: { stageId: 'dstage_buyer_offer' } })
    expect(move.status).toBe(404)
    expect(ApiErrorBody.parse(move.body).error.code).toBe('not_found')
  })

  it('422 on each unknown reference: pipeline, stage, people, teams', async () => {
    const res = await call(sandbox, 'POST', '/deals', {
      body: { ...deal, stageId: 'dstage_seller_active', peopleIds: [personId, 'ghost12345'], teamIds: ['team_x'] },
    })
    expect(res.status).toBe(422)
    expect(res.body.error.issues.map((i: { path: unknown }) => i.path)).toEqual([
      ['stageId'],
      ['peopleIds', 1],
      ['teamIds', 0],
    ])
    const pipeline = await call(sandbox, 'POST', '/deals', { body: { title: 'X', pipelineId: 'pipe_x' } })
    expect(pipeline.body.error.issues.map((i: { path: unknown }) => i.path)).toEqual([['pipelineId']])
    const created = await call(sandbox, 'POST', '/deals', { body: deal })
    const move = await call(sandbox, 'POST', `/deals/${created.body.data.id}/move`, {
      body: { stageId: 'dstage_seller_listing' },
    })
    expect(move.status).toBe(422)
    expect(move.body.error.issues[0].path).toEqual(['stageId'])
  })

  it('422 when title or pipelineId is missing (deal updates are full)', async () => {
    const created = await call(sandbox, 'POST', '/deals', { body: deal })
    const res = await call(sandbox, 'PUT', `/deals/${created.body.data.id}`, { body: { pricing: 1 } })
    expect(res.status).toBe(422)
    expect(res.body.error.issues.map((i: { path: unknown }) => i.path)).toEqual([['title'], ['pipelineId']])
  })
})

describe('activities', () => {
  it('creates an activity for a contact (201)', async () => {
    const res = await call(sandbox, 'POST', '/activities', {
      body: { personId, type: 'call', direction: 'outbound', channel: 'phone', content: 'Discussed listings' },
    })
    expect(res.status).toBe(201)
    const activity = CreateActivityResponse.parse(res.body).data
    expect(activity).toMatchObject({
      personId,
      type: 'call',
      direction: 'outbound',
      content: 'Discussed listings',
      agentName: 'Jane Smith',
      starred: false,
    })
  })

  it('422 for an unknown contact or an unknown type', async () => {
    const ghost = await call(sandbox, 'POST', '/activities', { body: { personId: 'ghost12345', type: 'note' } })
    expect(ghost.status).toBe(422)
    expect(ghost.body.error.issues[0].path).toEqual(['personId'])
    const type = await call(sandbox, 'POST', '/activities', { body: { personId, type: 'fax' } })
    expect(type.body.error.issues[0].path).toEqual(['type'])
  })
})
