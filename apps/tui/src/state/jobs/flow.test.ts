import { describe, expect, it } from 'vitest'
import type { BulkPreview } from './bulk-form.js'
import { bulkFlow, flowReducer, importFlow, type JobFlow } from './flow.js'
import type { RunProgress } from './run-progress.js'

const preview: BulkPreview = {
  action: { kind: 'addTags', tags: ['VIP'] },
  summary: 'Add tag VIP',
  total: 2,
  change: 2,
  unchanged: 0,
  invalid: 0,
  samples: [],
}
const progress: RunProgress = {
  total: 2,
  done: 0,
  failed: 0,
  counts: [],
  doneAtStart: 0,
  startedAt: 0,
  now: 0,
}

describe('the bulk edit and import flow', () => {
  it('goes from the action to its value and preview, and back the same way keeping what was typed', () => {
    let flow: JobFlow = bulkFlow()
    flow = flowReducer(flow, { type: 'move', delta: -1 })
    expect(flow).toEqual({ step: 'bulkAction', choice: 0 })
    flow = flowReducer(flowReducer(flow, { type: 'move', delta: 9 }), { type: 'move', delta: -3 })
    expect(flow).toEqual({ step: 'bulkAction', choice: 1 })
    flow = flowReducer(flow, { type: 'chooseKind', kind: 'addTags' })
    flow = flowReducer(flow, { type: 'type', text: 'VIP' })
    flow = flowReducer(flow, { type: 'invalid', error: 'Tags: no' })
    expect(flow).toMatchObject({ step: 'bulkValue', kind: 'addTags', error: 'Tags: no' })
    // Typing again clears the error.
    flow = flowReducer(flow, { type: 'textOp', op: 'home' })
    expect(flow).toMatchObject({ input: { value: 'VIP', cursor: 0 }, error: undefined })
    flow = flowReducer(flow, { type: 'previewed', preview })
    expect(flow.step).toBe('bulkPreview')
    // Keys of another step change nothing.
    expect(flowReducer(flow, { type: 'type', text: 'x' })).toBe(flow)
    flow = flowReducer(flow, { type: 'backToValue' })
    expect(flow).toMatchObject({ step: 'bulkValue', kind: 'addTags', input: { value: 'VIP' } })
    flow = flowReducer(flow, { type: 'backToActions' })
    expect(flow).toEqual({ step: 'bulkAction', choice: 1 })
  })

  it('runs, reports progress, stops gently and ends on the result', () => {
    let flow: JobFlow = flowReducer(bulkFlow(), { type: 'started', run: 'bulk', title: 'Add tag VIP', progress })
    expect(flow).toMatchObject({ step: 'running', stopping: false })
    flow = flowReducer(flow, { type: 'progress', progress: { ...progress, done: 1 } })
    flow = flowReducer(flow, { type: 'stopping' })
    expect(flow).toMatchObject({ progress: { done: 1 }, stopping: true })
    const result = { total: 2, done: 1, failed: 0, counts: [], issues: [], stopped: 'stopped', canRetry: true }
    flow = flowReducer(flow, { type: 'finished', result })
    expect(flow).toEqual({ step: 'result', run: 'bulk', title: 'Add tag VIP', result, top: 0 })
    flow = flowReducer(flowReducer(flow, { type: 'move', delta: 3 }), { type: 'move', delta: -5 })
    expect(flow).toMatchObject({ top: 0 })
    // A late progress report after the end changes nothing.
    expect(flowReducer(flow, { type: 'progress', progress })).toBe(flow)
  })

  it('types the import file, checks it (no typing meanwhile), and goes back to it from the preview', () => {
    let flow = flowReducer(importFlow(), { type: 'type', text: 'a.csv' })
    flow = flowReducer(flow, { type: 'checking' })
    expect(flowReducer(flow, { type: 'type', text: 'x' })).toBe(flow)
    flow = flowReducer(flow, { type: 'invalid', error: 'Cannot read a.csv: no such file' })
    expect(flow).toMatchObject({ step: 'importPath', checking: false, error: 'Cannot read a.csv: no such file' })
  })
})
