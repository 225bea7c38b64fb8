import { afterEach, describe, expect, it } from 'vitest'
import { testApp } from '../../../test/app.js'

const open: ReturnType<typeof testApp>[] = []
afterEach(() => {
  for (const { store } of open.splice(0)) store.close()
})
function app() {
  const made = testApp()
  open.push(made)
  return made
}

async function withContact() {
  const made = app()
  const personId = (await made.send('POST', '/people', { body: { firstName: 'Ada' } })).body.data.id as string
  return { ...made, personId }
}

describe('POST /deals', () => {
  it('stores the deal, in its pipeline`s first stage unless one is given', async () => {
    const { send, store, personId } = await withContact()
    const res = await send('POST', '/deals', {
      body: {
        title: '1 Main St',
        pipelineId: 'pipe_sellers',
        peopleIds: [personId],
        teamIds: ['team_coastal'],
        pricing: 5,
      },
    })
    expect(res.status).toBe(201)
    expect(Object.keys(res.body.data)).toEqual(['id'])
    const { id } = res.body.data
    expect(id).toMatch(/^deal_[a-z0-9]{12}$/)
    const row = store.deals.raw(id)
    expect(row).toMatchObject({
      title: '1 Main St',
      pipeline_id: 'pipe_sellers',
      stage_id: 'dstage_seller_listing',
      people_ids: JSON.stringify([personId]),
      team_ids: '["team_coastal"]',
      price: 5,
    })
    expect(row?.created_at).toBe(row?.updated_at)
    const staged = await send('POST', '/deals', {
      body: { title: 'T', pipelineId: 'pipe_buyers', stageId: 'dstage_buyer_pending' },
    })
    expect(store.deals.get(staged.body.data.id)?.stageId).toBe('dstage_buyer_pending')
  })

  it('422 names every unknown reference, in the order of the fields', async () => {
    const { send, store } = app()
    const res = await send('POST', '/deals', {
      body: {
        title: 'T',
        pipelineId: 'pipe_buyers',
        stageId: 'dstage_x',
        peopleIds: ['ghost0000001'],
        teamIds: ['team_x'],
      },
    })
    expect(res.status).toBe(422)
    expect(res.body.error.issues.map((issue: { path: unknown }) => issue.path)).toEqual([
      ['stageId'],
      ['peopleIds', 0],
      ['teamIds', 0],
    ])
    expect(store.isEmpty()).toBe(true)
  })
})

describe('PUT /deals/{id}', () => {
  it('replaces the deal; without a stage, the new pipeline`s first', async () => {
    const { send, store } = app()
    const { id } = (await send('POST', '/deals', { body: { title: 'T', pipelineId: 'pipe_buyers', pricing: 1 } })).body
      .data
    store.deals.move(id, 'dstage_buyer_offer', undefined, '2000-01-01T00:00:00.000Z')
    const res = await send('PUT', `/deals/${id}`, { body: { title: 'U', pipelineId: 'pipe_sellers' } })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ success: true, message: 'Operation completed successfully' })
    const row = store.deals.raw(id)
    expect(row).toMatchObject({
      title: 'U',
      pipeline_id: 'pipe_sellers',
      stage_id: 'dstage_seller_listing',
      price: null,
    })
    expect(row?.updated_at).not.toBe('2000-01-01T00:00:00.000Z')
    await send('PUT', `/deals/${id}`, {
      body: { title: 'V', pipelineId: 'pipe_sellers', stageId: 'dstage_seller_closed' },
    })
    expect(store.deals.get(id)?.stageId).toBe('dstage_seller_closed')
  })

  it('404 names the deal before any reference is checked; 422 for a bad reference, changing nothing', async () => {
    const { send, store } = app()
    const missing = await send('PUT', '/deals/deal_nope', { body: { title: 'T', pipelineId: 'pipe_x' } })
    expect(missing.status).toBe(404)
    expect(missing.body.error).toEqual({ code: 'not_found', message: 'Deal deal_nope not found' })
    const { id } = (await send('POST', '/deals', { body: { title: 'T', pipelineId: 'pipe_buyers' } })).body.data
    const bad = await send('PUT', `/deals/${id}`, {
      body: { title: 'U', pipelineId: 'pipe_buyers', teamIds: ['team_x'] },
    })
    expect(bad.status).toBe(422)
    expect(bad.body.error.issues.map((issue: { path: unknown }) => issue.path)).toEqual([['teamIds', 0]])
    const people = await send('PUT', `/deals/${id}`, {
      body: { title: 'U', pipelineId: 'pipe_buyers', peopleIds: ['ghost0000001'] },
    })
    expect(people.body.error.issues.map((issue: { path: unknown }) => issue.path)).toEqual([['peopleIds', 0]])
    const stage = await send('PUT', `/deals/${id}`, {
      body: { title: 'U', pipelineId: 'pipe_buyers', stageId: 'dstage_x' },
    })
    expect(stage.body.error.issues.map((issue: { path: unknown }) => issue.path)).toEqual([['stageId']])
    expect(store.deals.raw(id)?.title).toBe('T')
  })
})

describe('POST /deals/{id}/move', () => {
  it('moves to a stage of the deal`s own pipeline, to a position when one is given', async () => {
    const { send, store } = app()
    const { id } = (await send('POST', '/deals', { body: { title: 'T', pipelineId: 'pipe_buyers' } })).body.data
    const moved = await send('POST', `/deals/${id}/move`, { body: { stageId: 'dstage_buyer_offer', order: 3 } })
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({ success: true, message: 'Operation completed successfully' })
    expect(store.deals.raw(id)).toMatchObject({ stage_id: 'dstage_buyer_offer', position: 3 })
    await send('POST', `/deals/${id}/move`, { body: { stageId: 'dstage_buyer_closed' } })
    expect(store.deals.raw(id)).toMatchObject({ stage_id: 'dstage_buyer_closed', position: 3 })
    const other = await send('POST', `/deals/${id}/move`, { body: { stageId: 'dstage_seller_active' } })
    expect(other.status).toBe(422)
    expect(other.body.error.issues).toEqual([
      {
        path: ['stageId'],
        message:
          'is not a stage of pipeline pipe_buyers (known: dstage_buyer_showing, dstage_buyer_offer, dstage_buyer_pending, dstage_buyer_closed)',
      },
    ])
    expect(store.deals.get(id)?.stageId).toBe('dstage_buyer_closed')
    const missing = await send('POST', '/deals/deal_nope/move', { body: { stageId: 'dstage_buyer_offer' } })
    expect(missing.body.error).toEqual({ code: 'not_found', message: 'Deal deal_nope not found' })
  })
})
