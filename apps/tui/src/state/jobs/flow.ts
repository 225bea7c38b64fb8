import { applyLineOp, insertLine, type LineOp, type LineState } from '../../text/line.js'
import type { BulkAction } from '../../transfer/bulk-change.js'
import { BULK_KINDS, type BulkKind, type BulkPreview } from './bulk-form.js'
import type { ImportPreview } from './import-preview.js'
import type { RunProgress, RunResult } from './run-progress.js'

/** Which run a progress or result screen is about. */
export type RunKind = 'bulk' | 'import'

/** A bulk edit found on disk at start, stopped half-way (a stop, a crash, kill -9) or with failures: offered to resume. */
export interface UnfinishedRun {
  path: string
  /** "Set stage to Won (stage_won)". */
  summary: string
  total: number
  /** Contacts done already (not sent again). */
  done: number
  /** Contacts whose last try failed (sent again on resume). */
  failed: number
  /** It went to the end, leaving `failed` contacts; otherwise it stopped half-way. */
  finished: boolean
  startedAt: string
}

/**
 * A bulk edit or an import, step by step: choose the action, type its value, preview it, run it, see the result.
 * The run itself (requests, journal) lives in a hook; this is what the screens show and the keys change.
 */
export type JobFlow =
  | { step: 'bulkAction'; choice: number }
  | {
      step: 'bulkValue'
      kind: BulkKind
      input: LineState
      /** The highlighted known stage (stage only), among those matching what is typed. */
      pick: number
      error?: string | undefined
    }
  | { step: 'bulkPreview'; kind: BulkKind; input: LineState; preview: BulkPreview }
  | { step: 'importPath'; input: LineState; checking: boolean; error?: string | undefined }
  | { step: 'importPreview'; input: LineState; preview: ImportPreview; top: number }
  | { step: 'running'; run: RunKind; title: string; progress: RunProgress; stopping: boolean }
  | { step: 'result'; run: RunKind; title: string; result: RunResult; top: number; retrying?: boolean | undefined }
  | { step: 'resume'; unfinished: UnfinishedRun }

export type JobStep = JobFlow['step']

export type FlowAction =
  | { type: 'move'; delta: number }
  | { type: 'chooseKind'; kind: BulkKind }
  | { type: 'type'; text: string }
  | { type: 'textOp'; op: LineOp }
  | { type: 'invalid'; error: string }
  | { type: 'previewed'; preview: BulkPreview }
  | { type: 'backToValue' }
  | { type: 'backToActions' }
  | { type: 'checking' }
  | { type: 'checked'; preview: ImportPreview }
  | { type: 'backToPath' }
  | { type: 'started'; run: RunKind; title: string; progress: RunProgress }
  | { type: 'progress'; progress: RunProgress }
  | { type: 'stopping' }
  | { type: 'finished'; result: RunResult }

const empty: LineState = { value: '', cursor: 0 }

export const bulkFlow = (): JobFlow => ({ step: 'bulkAction', choice: 0 })
export const importFlow = (): JobFlow => ({ step: 'importPath', input: empty, checking: false })
export const valueStep = (kind: BulkKind, input: LineState = empty): JobFlow => ({
  step: 'bulkValue',
  kind,
  input,
  pick: 0,
})

/** The next state of the flow; an action that does not belong to the current step changes nothing. */
export function flowReducer(flow: JobFlow, action: FlowAction): JobFlow {
  switch (action.type) {
    case 'move':
      if (flow.step === 'bulkAction') {
        return { ...flow, choice: Math.max(0, Math.min(BULK_KINDS.length - 1, flow.choice + action.delta)) }
      }
      if (flow.step === 'bulkValue') return { ...flow, pick: Math.max(0, flow.pick + action.delta) }
      if (flow.step === 'importPreview' || flow.step === 'result') {
        return { ...flow, top: Math.max(0, flow.top + action.delta) }
      }
      return flow
    case 'chooseKind':
      return flow.step === 'bulkAction' ? valueStep(action.kind) : flow
    case 'type':
    case 'textOp': {
      if (flow.step !== 'bulkValue' && flow.step !== 'importPath') return flow
      const input = action.type === 'type' ? insertLine(flow.input, action.text) : applyLineOp(flow.input, action.op)
      if (flow.step === 'bulkValue') return { ...flow, input, pick: 0, error: undefined }
      return flow.checking ? flow : { ...flow, input, error: undefined }
    }
    case 'invalid':
      if (flow.step === 'bulkValue') return { ...flow, error: action.error }
      if (flow.step === 'importPath') return { ...flow, checking: false, error: action.error }
      return flow
    case 'previewed':
      return flow.step === 'bulkValue'
        ? { step: 'bulkPreview', kind: flow.kind, input: flow.input, preview: action.preview }
        : flow
    case 'backToValue':
      return flow.step === 'bulkPreview' ? valueStep(flow.kind, flow.input) : flow
    case 'backToActions':
      return flow.step === 'bulkValue'
        ? { step: 'bulkAction', choice: BULK_KINDS.findIndex((k) => k.kind === flow.kind) }
        : flow
    case 'checking':
      return flow.step === 'importPath' ? { ...flow, checking: true, error: undefined } : flow
    case 'checked':
      return flow.step === 'importPath'
        ? { step: 'importPreview', input: flow.input, preview: action.preview, top: 0 }
        : flow
    case 'backToPath':
      return flow.step === 'importPreview' ? { step: 'importPath', input: flow.input, checking: false } : flow
    case 'started':
      return { step: 'running', run: action.run, title: action.title, progress: action.progress, stopping: false }
    case 'progress':
      return flow.step === 'running' ? { ...flow, progress: action.progress } : flow
    case 'stopping':
      return flow.step === 'running' ? { ...flow, stopping: true } : flow
    case 'finished':
      return flow.step === 'running'
        ? { step: 'result', run: flow.run, title: flow.title, result: action.result, top: 0 }
        : flow
  }
}

/** The action a bulk preview sends. */
export const previewAction = (flow: Extract<JobFlow, { step: 'bulkPreview' }>): BulkAction => flow.preview.action
