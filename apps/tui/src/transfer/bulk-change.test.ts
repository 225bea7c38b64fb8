import { describe, expect, it } from 'vitest'
import { bulkChange, describeBulkAction } from './bulk-change.js'

const values = { stageId: 'stage_lead', tags: ['VIP', 'Buyer'], source: 'Website', timeframe: '' }

describe('bulkChange', () => {
  it('sets a field, leaves one that already has the value, and skips one changed since the preview', () => {
    const action = { kind: 'set', field: 'stage', value: 'stage_hot' } as const
    expect(bulkChange(action, values, 'stage_lead')).toEqual({
      kind: 'change',
      patch: { stage: 'stage_hot' },
      before: 'stage_lead',
      after: 'stage_hot',
    })
    expect(bulkChange(action, { ...values, stageId: 'stage_hot' }, 'stage_lead')).toEqual({ kind: 'unchanged' })
    expect(bulkChange(action, { ...values, stageId: 'stage_won' }, 'stage_lead')).toEqual({
      kind: 'conflict',
      reason: 'Stage changed meanwhile: stage_lead → stage_won (kept)',
    })
    // Without a preview value to hold it to (none was known), the field is set whatever it holds.
    expect(bulkChange(action, { ...values, stageId: 'stage_won' })).toMatchObject({ kind: 'change' })
    expect(bulkChange({ kind: 'set', field: 'timeframe', value: '3-6 months' }, values, '')).toMatchObject({
      patch: { timeframe: '3-6 months' },
      before: '',
    })
  })

  it('adds and removes tags from the tags a contact has now, ignoring case, keeping their order', () => {
    expect(bulkChange({ kind: 'addTags', tags: ['Pool', 'vip'] }, values)).toEqual({
      kind: 'change',
      patch: { tags: ['VIP', 'Buyer', 'Pool'] },
      before: 'VIP, Buyer',
      after: 'VIP, Buyer, Pool',
    })
    expect(bulkChange({ kind: 'addTags', tags: ['buyer'] }, values)).toEqual({ kind: 'unchanged' })
    expect(bulkChange({ kind: 'removeTags', tags: ['vip', 'Pool'] }, values)).toMatchObject({
      patch: { tags: ['Buyer'] },
    })
    expect(bulkChange({ kind: 'removeTags', tags: ['Pool'] }, values)).toEqual({ kind: 'unchanged' })
  })

  it('refuses to give a contact more tags than the schema allows', () => {
    const full = { ...values, tags: Array.from({ length: 20 }, (_, i) => `t${i}`) }
    const change = bulkChange({ kind: 'addTags', tags: ['one more'] }, full)
    expect(change.kind).toBe('invalid')
    expect(change.kind === 'invalid' && change.reason).toMatch(/^Tags .*20/)
  })

  it('says what an action does', () => {
    expect(describeBulkAction({ kind: 'set', field: 'stage', value: 'stage_hot', label: 'Hot' })).toBe(
      'Set stage to Hot (stage_hot)',
    )
    expect(describeBulkAction({ kind: 'set', field: 'source', value: '' })).toBe('Clear the source')
    expect(describeBulkAction({ kind: 'addTags', tags: ['VIP', 'Pool'] })).toBe('Add tags VIP, Pool')
    expect(describeBulkAction({ kind: 'removeTags', tags: ['VIP'] })).toBe('Remove tag VIP')
  })
})
