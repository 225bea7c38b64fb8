import { rmSync } from 'node:fs'
import { type RefObject, useCallback, useEffect, useRef } from 'react'
import type { AppPaths } from '../config/paths.js'
import { checkImport } from '../services/check-import.js'
import { describeError } from '../services/describe-error.js'
import type { Session } from '../services/session.js'
import type { ContactsAction, ContactsState } from '../state/contacts/list.js'
import { BULK_KINDS, bulkActionOf, bulkItemsOf, previewBulk, stagesMatching } from '../state/jobs/bulk-form.js'
import {
  bulkFlow,
  type FlowAction,
  flowReducer,
  importFlow,
  type JobFlow,
  type UnfinishedRun,
} from '../state/jobs/flow.js'
import { canImport } from '../state/jobs/import-preview.js'
import type { RunProgress, RunResult } from '../state/jobs/run-progress.js'
import type { View } from '../state/navigation.js'
import { displayLine } from '../text/sanitize.js'
import { type BulkAction, describeBulkAction } from '../transfer/bulk-change.js'
import { type BulkJournalPlan, type JournalState, listJournals, readBulkJournal } from '../transfer/journal.js'
import { type BulkProgress, type BulkResult, runBulk } from '../transfer/run-bulk.js'
import { type ImportProgress, type ImportResult, runImport } from '../transfer/run-import.js'
import type { ToastMessage } from '../ui/components/StatusLine.js'
import { useLiveState } from './use-live.js'

/** Progress reaches the screen at most this often: a fast run must not spend its time drawing. */
const PROGRESS_EVERY_MS = 100

export interface JobsOptions {
  session: Session
  paths: Pick<AppPaths, 'bulkDir' | 'importsDir'>
  contactsRef: RefObject<ContactsState>
  contactsDispatch: (action: ContactsAction) => void
  setView: (view: View) => void
  showToast: (toast: ToastMessage) => void
  /** Nothing else is on screen (the list, no dialog): the only time an unfinished run is offered unasked. */
  isIdle: () => boolean
}

const bulkProgressOf = (p: BulkProgress, base: Pick<RunProgress, 'doneAtStart' | 'startedAt'>): RunProgress => ({
  total: p.total,
  done: p.done,
  failed: p.failed,
  counts: [
    ['updated', p.updated],
    ['needed no change', p.unchanged],
    ['skipped (changed meanwhile)', p.conflicts],
    ['failed', p.failed],
  ],
  ...base,
  now: Date.now(),
})

const importProgressOf = (p: ImportProgress, base: Pick<RunProgress, 'doneAtStart' | 'startedAt'>): RunProgress => ({
  total: p.total,
  done: p.done,
  failed: p.failed,
  counts: [
    ['created', p.created],
    ['updated', p.updated],
    ['failed', p.failed],
  ],
  ...base,
  now: Date.now(),
})

function bulkResultOf(r: BulkResult): RunResult {
  const label = (issue: { name?: string; id: string }) => displayLine(issue.name ?? '') || issue.id
  return {
    total: r.total,
    done: r.done,
    failed: r.failed,
    counts: [
      ['updated', r.updated],
      ['needed no change', r.unchanged],
      ['skipped (changed meanwhile)', r.conflicts],
      ['failed', r.failed],
      ...(r.alreadyDone > 0 ? [['done before', r.alreadyDone] as const] : []),
    ],
    issues: [
      ...r.failures.map((f) => ({ label: label(f), reason: displayLine(f.reason) })),
      ...r.conflictList.map((c) => ({ label: label(c), reason: `skipped: ${displayLine(c.reason)}` })),
    ],
    stopped: r.stopped?.message,
    canRetry: r.journalPath !== undefined && (r.failed > 0 || r.stopped !== undefined),
  }
}

function importResultOf(r: ImportResult): RunResult {
  const before = r.alreadyDone + r.replayed
  return {
    total: r.total,
    done: r.done,
    failed: r.failed,
    counts: [
      ['created', r.created],
      ['updated', r.updated],
      ['skipped', r.skipped],
      ['failed', r.failed],
      ...(before > 0 ? [['done before', before] as const] : []),
    ],
    issues: r.failures.map((f) => ({ label: `row ${f.row}`, reason: displayLine(f.error) })),
    stopped: r.stopped?.message,
    canRetry: r.journalPath !== undefined && (r.failed > 0 || r.stopped !== undefined),
  }
}

/** The last run, for a retry: its kind and journal. */
type LastRun =
  | { kind: 'bulk'; journalPath: string; action: BulkAction }
  | { kind: 'import'; journalPath: string; preview: Extract<JobFlow, { step: 'importPreview' }>['preview'] }

/**
 * Bulk edits and imports in the editor: the flow from the action to the result, the runs (through the journalled
 * engines of `transfer/`, the same as `cc-tui import`), a gentle stop, a retry of the failures, and at start an
 * offer to resume a bulk edit a crash or a kill left unfinished. The editor stays responsive while a run goes on:
 * progress is drawn at most every 100 ms.
 */
export function useJobs({ session, paths, contactsRef, contactsDispatch, setView, showToast, isIdle }: JobsOptions) {
  const [flow, setFlow, flowRef] = useLiveState<JobFlow | null>(null)
  const stopRef = useRef<AbortController | undefined>(undefined)
  const lastRun = useRef<LastRun | undefined>(undefined)
  const dispatch = useCallback(
    (action: FlowAction) => setFlow((current) => (current ? flowReducer(current, action) : current)),
    [setFlow],
  )
  const open = useCallback(
    (next: JobFlow) => {
      setFlow(next)
      setView({ name: 'jobs' })
    },
    [setFlow, setView],
  )
  const close = useCallback(() => {
    if (flowRef.current?.step === 'running') return
    setFlow(null)
    setView({ name: 'list' })
  }, [flowRef, setFlow, setView])

  // At start: a bulk edit left unfinished (a stop, a crash, kill -9), or one that ended with failed contacts, is
  // offered to resume (on the same account only).
  useEffect(() => {
    let live = true
    void (async () => {
      const entries = listJournals(paths.bulkDir).filter(
        (journal) => journal.plan.journal === 'cc-tui bulk' && !journal.busy && journal.plan.target === session.label,
      )
      for (const entry of entries) {
        const journal = await readBulkJournal(entry.path).catch(() => undefined)
        // Offered once, at start, over the list only: never pulled over a contact being edited.
        if (!live || flowRef.current || !isIdle()) return
        if (!journal || (journal.finishedAt && journal.failed.size === 0)) continue
        const unfinished: UnfinishedRun = {
          path: journal.path,
          summary: describeBulkAction(journal.plan.action),
          total: journal.plan.items,
          done: journal.done.size,
          failed: journal.failed.size,
          finished: journal.finishedAt !== undefined,
          startedAt: journal.plan.startedAt,
        }
        open({ step: 'resume', unfinished })
        return
      }
    })()
    return () => {
      live = false
    }
  }, [paths.bulkDir, session.label, flowRef, open, isIdle])

  /** Runs the engine with progress on screen, then the result; the list catches up with what changed. */
  const execute = useCallback(
    async (
      title: string,
      run: 'bulk' | 'import',
      go: (report: (p: RunProgress) => void, stop: AbortSignal) => Promise<RunResult>,
      total: number,
      doneAtStart: number,
    ) => {
      const stop = new AbortController()
      stopRef.current = stop
      const startedAt = Date.now()
      const progress: RunProgress = {
        total,
        done: doneAtStart,
        failed: 0,
        counts: [],
        doneAtStart,
        startedAt,
        now: startedAt,
      }
      setFlow({ step: 'running', run, title, progress, stopping: false })
      setView({ name: 'jobs' })
      let drawn = 0
      const report = (next: RunProgress) => {
        if (next.now - drawn < PROGRESS_EVERY_MS && next.done < next.total) return
        drawn = next.now
        dispatch({ type: 'progress', progress: next })
      }
      let result: RunResult
      try {
        result = await go(report, stop.signal)
      } catch (error) {
        result = {
          total,
          done: doneAtStart,
          failed: 0,
          counts: [],
          issues: [],
          stopped: describeError(error).message,
          canRetry: false,
        }
      } finally {
        stopRef.current = undefined
      }
      if (session.signal.aborted) return
      contactsDispatch({ type: 'refresh' })
      dispatch({ type: 'finished', result })
    },
    [setFlow, setView, dispatch, contactsDispatch, session.signal],
  )

  const runBulkJob = useCallback(
    (action: BulkAction, resume?: JournalState<BulkJournalPlan>) => {
      const selection = contactsRef.current.selected
      const items = resume ? undefined : bulkItemsOf(action, selection)
      const total = resume ? resume.plan.items : (items?.length ?? 0)
      const doneAtStart = resume ? resume.done.size : 0
      const applied: string[] = []
      return execute(
        describeBulkAction(action),
        'bulk',
        async (report, stop) => {
          const base = { doneAtStart, startedAt: Date.now() }
          const result = await runBulk({
            client: session.client,
            journalDir: paths.bulkDir,
            ...(resume ? { resume } : { start: { action, items: items ?? [], target: session.label } }),
            signal: session.signal,
            stop,
            onProgress: (p) => {
              const outcome = p.last?.outcome
              if (p.last && (outcome === 'updated' || outcome === 'unchanged')) applied.push(p.last.id)
              report(bulkProgressOf(p, base))
            },
          })
          if (result.journalPath) lastRun.current = { kind: 'bulk', journalPath: result.journalPath, action }
          if (applied.length > 0) contactsDispatch({ type: 'bulkApplied', ids: applied, action })
          return bulkResultOf(result)
        },
        total,
        doneAtStart,
      )
    },
    [contactsRef, execute, session, paths.bulkDir, contactsDispatch],
  )

  const runImportJob = useCallback(
    (preview: Extract<JobFlow, { step: 'importPreview' }>['preview'], resume?: JournalState) => {
      const total = preview.scan.counts.create + preview.scan.counts.update
      const doneAtStart = resume ? resume.done.size : 0
      return execute(
        `Import ${displayLine(preview.scan.path)}`,
        'import',
        async (report, stop) => {
          const base = { doneAtStart, startedAt: Date.now() }
          const result = await runImport({
            client: session.client,
            scan: preview.scan,
            journalDir: paths.importsDir,
            ...(resume ? { resume } : {}),
            signal: session.signal,
            stop,
            onProgress: (p) => report(importProgressOf(p, base)),
          })
          if (result.journalPath) lastRun.current = { kind: 'import', journalPath: result.journalPath, preview }
          return importResultOf(result)
        },
        total,
        doneAtStart,
      )
    },
    [execute, session, paths.importsDir],
  )

  return {
    flow,
    flowRef,
    dispatch,
    openBulk: () => {
      if (contactsRef.current.selected.size === 0) {
        showToast({ kind: 'info', text: 'Nothing selected: Space selects the highlighted contact, * all shown.' })
        return
      }
      open(bulkFlow())
    },
    openImport: () => open(importFlow()),
    close,
    /** Enter on the action menu. */
    chooseAction: () => {
      const current = flowRef.current
      if (current?.step !== 'bulkAction') return
      dispatch({ type: 'chooseKind', kind: (BULK_KINDS[current.choice] ?? BULK_KINDS[0]).kind })
    },
    /** Enter on the value: the preview, or why the value cannot be used. */
    acceptValue: () => {
      const current = flowRef.current
      if (current?.step !== 'bulkValue') return
      const contacts = contactsRef.current
      const matching = current.kind === 'stage' ? stagesMatching(contacts.stages, current.input.value) : []
      const stage = matching.length > 0 ? matching[Math.min(current.pick, matching.length - 1)] : undefined
      const built = bulkActionOf(current.kind, current.input.value, stage)
      if (!built.ok) return dispatch({ type: 'invalid', error: built.error })
      dispatch({ type: 'previewed', preview: previewBulk(built.action, contacts.selected) })
    },
    confirmBulk: () => {
      const current = flowRef.current
      if (current?.step !== 'bulkPreview') return
      void runBulkJob(current.preview.action).catch((error: unknown) =>
        showToast({ kind: 'error', text: `Bulk edit not started: ${describeError(error).message}` }),
      )
    },
    /** Enter on the import file name: check it (as a dry run does). */
    acceptPath: async () => {
      const current = flowRef.current
      if (current?.step !== 'importPath' || current.checking) return
      const path = current.input.value.trim()
      if (path === '') return dispatch({ type: 'invalid', error: 'File: type the path of a CSV or JSONL file' })
      dispatch({ type: 'checking' })
      try {
        dispatch({ type: 'checked', preview: await checkImport(path, paths.importsDir, session.signal) })
      } catch (error) {
        if (!session.signal.aborted) dispatch({ type: 'invalid', error: (error as Error).message })
      }
    },
    confirmImport: () => {
      const current = flowRef.current
      if (current?.step !== 'importPreview' || !canImport(current.preview)) return
      void runImportJob(current.preview, current.preview.resume).catch((error: unknown) =>
        showToast({ kind: 'error', text: `Import not started: ${describeError(error).message}` }),
      )
    },
    /** Esc while running: nothing more is sent; what is under way finishes. */
    stop: () => {
      if (flowRef.current?.step !== 'running' || !stopRef.current) return
      stopRef.current.abort()
      dispatch({ type: 'stopping' })
    },
    /** On the result: the failed ones again (or the rest of a stopped run), from the journal. */
    retry: async () => {
      const current = flowRef.current
      const last = lastRun.current
      if (current?.step !== 'result' || !current.result.canRetry || !last) return
      if (last.kind === 'bulk') {
        const journal = await readBulkJournal(last.journalPath)
        if (journal) await runBulkJob(journal.plan.action, journal)
      } else {
        const preview = await checkImport(last.preview.scan.path, paths.importsDir, session.signal)
        if (preview.resume) await runImportJob(preview, preview.resume)
        else showToast({ kind: 'info', text: 'The file changed since: check it again to import it.' })
      }
    },
    /** The unfinished bulk edit offered at start: resume it, forget it, or decide later. */
    answerResume: async (choice: 'resume' | 'discard' | 'later') => {
      const current = flowRef.current
      if (current?.step !== 'resume') return
      if (choice === 'later') return close()
      if (choice === 'discard') {
        rmSync(current.unfinished.path, { force: true })
        rmSync(`${current.unfinished.path}.lock`, { force: true })
        showToast({ kind: 'info', text: `Forgot the unfinished bulk edit (${current.unfinished.summary}).` })
        return close()
      }
      const journal = await readBulkJournal(current.unfinished.path)
      if (!journal) return close()
      await runBulkJob(journal.plan.action, journal)
    },
  }
}
