import { describe, expect, it } from 'vitest'
import type { ImportScan } from '../../transfer/scan-import.js'
import type { BulkPreview } from './bulk-form.js'
import { bulkFlow, flowReducer, importFlow, type JobFlow, previewAction, valueStep } from './flow.js'
import type { ImportPreview } from './import-preview.js'
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

const scan: ImportScan = {
  path: '/tmp/a.csv',
  format: 'csv',
  options: { match: 'email' },
  hash: 'abc',
  size: 10,
  mtimeMs: 0,
  headerProblems: [],
  ignoredColumns: [],
  rows: 1,
  counts: { create: 1, update: 0, skip: 0, invalid: 0 },
}
const importPreview: ImportPreview = { scan, problems: [], moreProblems: 0 }
const resultOk = { total: 2, done: 2, failed: 0, counts: [], issues: [], canRetry: false }

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

  it('starts an import on an empty file box, not checking yet, and types into it', () => {
    expect(importFlow()).toEqual({ step: 'importPath', input: { value: '', cursor: 0 }, checking: false })
    const typed = flowReducer(importFlow(), { type: 'type', text: 'a.csv' })
    expect(typed).toEqual({
      step: 'importPath',
      input: { value: 'a.csv', cursor: 5 },
      checking: false,
      error: undefined,
    })
    const edited = flowReducer(typed, { type: 'textOp', op: 'home' })
    expect(edited).toEqual({
      step: 'importPath',
      input: { value: 'a.csv', cursor: 0 },
      checking: false,
      error: undefined,
    })
  })

  it('moves the highlighted stage in the value step, never above the first, and typing puts it back on the first', () => {
    let flow = valueStep('stage')
    flow = flowReducer(flow, { type: 'move', delta: 2 })
    flow = flowReducer(flow, { type: 'move', delta: -1 })
    expect(flow).toEqual({ step: 'bulkValue', kind: 'stage', input: { value: '', cursor: 0 }, pick: 1 })
    expect(flowReducer(flow, { type: 'move', delta: -5 })).toMatchObject({ pick: 0 })
    expect(flowReducer(flow, { type: 'type', text: 'w' })).toEqual({
      step: 'bulkValue',
      kind: 'stage',
      input: { value: 'w', cursor: 1 },
      pick: 0,
      error: undefined,
    })
  })

  it('checks an import file into its preview, scrolls it, and goes back to the file box keeping the path', () => {
    let flow = flowReducer(importFlow(), { type: 'type', text: 'a.csv' })
    flow = flowReducer(flow, { type: 'checking' })
    expect(flow).toMatchObject({ step: 'importPath', checking: true, error: undefined })
    flow = flowReducer(flow, { type: 'checked', preview: importPreview })
    expect(flow).toEqual({
      step: 'importPreview',
      input: { value: 'a.csv', cursor: 5 },
      preview: importPreview,
      top: 0,
    })
    flow = flowReducer(flow, { type: 'move', delta: 3 })
    expect(flow).toMatchObject({ step: 'importPreview', top: 3 })
    expect(flowReducer(flow, { type: 'move', delta: -9 })).toMatchObject({ top: 0 })
    flow = flowReducer(flow, { type: 'backToPath' })
    expect(flow).toEqual({ step: 'importPath', input: { value: 'a.csv', cursor: 5 }, checking: false })
  })

  it('scrolls the result down and back', () => {
    const result = { total: 2, done: 2, failed: 0, counts: [], issues: [], canRetry: false }
    let flow = flowReducer(flowReducer(bulkFlow(), { type: 'started', run: 'import', title: 'a.csv', progress }), {
      type: 'finished',
      result,
    })
    flow = flowReducer(flow, { type: 'move', delta: 4 })
    expect(flow).toEqual({ step: 'result', run: 'import', title: 'a.csv', result, top: 4 })
    expect(flowReducer(flow, { type: 'move', delta: -1 })).toMatchObject({ top: 3 })
  })

  it('ignores the keys and reports that do not belong to the current step', () => {
    const action = bulkFlow()
    const value = valueStep('addTags')
    const path = importFlow()
    const bulkPreview = flowReducer(value, { type: 'previewed', preview })
    const imported = flowReducer(path, { type: 'checked', preview: importPreview })
    const running = flowReducer(action, { type: 'started', run: 'bulk', title: 'Add tag VIP', progress })
    for (const flow of [path, running]) expect(flowReducer(flow, { type: 'move', delta: 1 })).toBe(flow)
    expect(flowReducer(bulkPreview, { type: 'move', delta: 1 })).toBe(bulkPreview)
    for (const flow of [value, path, running]) {
      expect(flowReducer(flow, { type: 'chooseKind', kind: 'stage' })).toBe(flow)
    }
    for (const flow of [action, bulkPreview, imported, running]) {
      expect(flowReducer(flow, { type: 'invalid', error: 'no' })).toBe(flow)
      expect(flowReducer(flow, { type: 'textOp', op: 'home' })).toBe(flow)
    }
    for (const flow of [action, path, imported, running]) {
      expect(flowReducer(flow, { type: 'previewed', preview })).toBe(flow)
    }
    for (const flow of [action, value, path, running]) expect(flowReducer(flow, { type: 'backToValue' })).toBe(flow)
    for (const flow of [action, bulkPreview, path, running]) {
      expect(flowReducer(flow, { type: 'backToActions' })).toBe(flow)
    }
    for (const flow of [action, value, bulkPreview, imported, running]) {
      expect(flowReducer(flow, { type: 'checking' })).toBe(flow)
      expect(flowReducer(flow, { type: 'checked', preview: importPreview })).toBe(flow)
    }
    for (const flow of [action, value, path, running]) expect(flowReducer(flow, { type: 'backToPath' })).toBe(flow)
    for (const flow of [action, value, imported]) {
      expect(flowReducer(flow, { type: 'progress', progress })).toBe(flow)
      expect(flowReducer(flow, { type: 'stopping' })).toBe(flow)
      expect(flowReducer(flow, { type: 'finished', result: { ...resultOk } })).toBe(flow)
    }
  })

  it('sends the action its preview describes', () => {
    const flow = flowReducer(valueStep('addTags'), { type: 'previewed', preview })
    if (flow.step !== 'bulkPreview') throw new Error('expected the preview step')
    expect(previewAction(flow)).toEqual({ kind: 'addTags', tags: ['VIP'] })
  })
})
