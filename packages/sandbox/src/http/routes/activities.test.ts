import { CreateActivityResponse } from '@cc/schema'
import { afterEach, describe, expect, it } from 'vitest'
import { testApp } from '../../../test/app.js'

const open: ReturnType<typeof testApp>[] = []
afterEach(() => {
  for (const { store } of open.splice(0)) store.close()
})

describe('POST /activities', () => {
  it('logs an activity of the account owner against a contact, created now', async () => {
    const made = testApp()
    open.push(made)
    const personId = (await made.send('POST', '/people', { body: { firstName: 'Ada' } })).body.data.id
    const before = Date.now()
    const res = await made.send('POST', '/activities', {
      body: { personId, type: 'email', channel: 'email', direction: 'inbound', content: 'Hello' },
    })
    expect(res.status).toBe(201)
    const activity = CreateActivityResponse.parse(res.body).data
    expect(activity).toMatchObject({
      personId,
      type: 'email',
      channel: 'email',
      direction: 'inbound',
      content: 'Hello',
      agentName: 'Jane Smith',
      starred: false,
    })
    expect(activity.id).toMatch(/^act_[a-z0-9]{12}$/)
    expect(Date.parse(activity.createdAt)).toBeGreaterThanOrEqual(before - 1)
    expect(Date.parse(activity.createdAt)).toBeLessThanOrEqual(Date.now())
    expect(made.store.activities.countFor(personId)).toBe(1)
  })

  it('422 on personId for a contact that is not there, or is trashed', async () => {
    const made = testApp()
    open.push(made)
    const personId = (await made.send('POST', '/people', { body: { firstName: 'Ada' } })).body.data.id
    await made.send('DELETE', `/people/${personId}`)
    for (const id of ['ghost0000001', personId]) {
      const res = await made.send('POST', '/activities', { body: { personId: id, type: 'note' } })
      expect(res.status).toBe(422)
      expect(res.body.error.issues).toEqual([{ path: ['personId'], message: `is not a known contact (${id})` }])
    }
    expect(made.store.activities.countFor(personId)).toBe(0)
  })
})
