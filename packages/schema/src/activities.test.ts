import { describe, expect, it } from 'vitest'
import type * as z from 'zod'
import { Activity, CreateActivityInput, CreateActivityInputDocumented, fieldErrors } from './index.js'

const messagesOf = (schema: z.ZodType, value: unknown) =>
  fieldErrors(schema.safeParse(value).error ?? [], { labels: {} })
const note = { personId: 'jd79abc123def', type: 'note' }

describe('CreateActivityInput', () => {
  it.each(['call', 'email', 'note', 'meeting', 'sms', 'activity'])('logs an activity of type %s', (type) => {
    expect(CreateActivityInput.parse({ ...note, type })).toEqual({ ...note, type })
  })

  it('names the types it takes', () => {
    expect(messagesOf(CreateActivityInput, { ...note, type: 'letter' })).toEqual({
      type: 'type: must be one of "call", "email", "note", "meeting", "sms", "activity"',
    })
  })

  it('takes a channel, a direction in or out, and content of at most 5000 characters', () => {
    const call = { ...note, type: 'call', channel: 'phone', direction: 'inbound', content: 'x'.repeat(5000) }
    expect(CreateActivityInput.parse(call)).toEqual(call)
    expect(CreateActivityInput.safeParse({ ...note, direction: 'outbound' }).success).toBe(true)
    expect(messagesOf(CreateActivityInput, { ...note, direction: 'sideways' })).toEqual({
      direction: 'direction: must be one of "inbound", "outbound"',
    })
    expect(messagesOf(CreateActivityInput, { ...note, content: 'x'.repeat(5001) })).toEqual({
      content: 'content: must be at most 5000 characters (you have 5001)',
    })
  })

  it('refuses an empty contact id and unknown fields (ours); the documented rules pass both', () => {
    expect(messagesOf(CreateActivityInput, { ...note, personId: '' })).toEqual({
      personId: 'personId: must not be empty',
    })
    expect(messagesOf(CreateActivityInput, { ...note, body: 'x' })).toEqual({
      body: 'body: is not a known field',
    })
    expect(CreateActivityInputDocumented.parse({ ...note, personId: '', body: 'x' })).toEqual({
      ...note,
      personId: '',
      body: 'x',
    })
  })
})

describe('Activity', () => {
  it('needs an id, contact, type and time; the rest may be null', () => {
    const activity = { id: 'a1', personId: 'p1', type: 'note', createdAt: '2024-01-01T00:00:00Z', starred: null }
    expect(Activity.parse(activity)).toEqual(activity)
    expect(Object.keys(messagesOf(Activity, {})).sort()).toEqual(['createdAt', 'id', 'personId', 'type'])
  })
})
