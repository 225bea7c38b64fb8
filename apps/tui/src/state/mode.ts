import type { ActivityForm } from './activity/form.js'
import type { ContactsState } from './contacts/list.js'
import type { ConflictState } from './editor/conflict.js'
import type { EditorState } from './editor/state.js'
import type { JobFlow } from './jobs/flow.js'
import type { Dialog, Navigation, View } from './navigation.js'

type Chord = Extract<Dialog, { name: 'chord' }>
type Step<S extends JobFlow['step']> = Extract<JobFlow, { step: S }>

/** The mode of each step of a bulk edit or an import. */
const jobModes = {
  bulkAction: 'bulkAction',
  bulkValue: 'bulkValue',
  bulkPreview: 'bulkPreview',
  importPath: 'importPath',
  importPreview: 'importPreview',
  running: 'runProgress',
  result: 'runResult',
  resume: 'resumeRun',
} as const satisfies Record<JobFlow['step'], string>

/**
 * What has the keyboard and the screen right now: a dialog, else the screen, refined where a screen
 * behaves in more than one way (the list while its search box has focus; the editor while it reviews,
 * saves or resolves a conflict; the activity form while it reviews and sends). A chord waiting for its
 * second key carries the mode under it, still drawn. Rendering, key routing and the hint bar all read this one value.
 */
export type Mode =
  | Exclude<Dialog, Chord>
  | (Chord & { under: Mode })
  | Exclude<View, { name: 'list' } | { name: 'editor' } | { name: 'activity' } | { name: 'jobs' }>
  | { name: 'list' }
  | { name: 'search' }
  | { name: 'editor'; editor: EditorState }
  | { name: 'review'; editor: EditorState }
  | { name: 'conflict'; editor: EditorState; conflict: ConflictState }
  | { name: 'activity'; form: ActivityForm }
  | { name: 'activityReview'; form: ActivityForm }
  | { name: 'bulkAction'; flow: Step<'bulkAction'> }
  | { name: 'bulkValue'; flow: Step<'bulkValue'> }
  | { name: 'bulkPreview'; flow: Step<'bulkPreview'> }
  | { name: 'importPath'; flow: Step<'importPath'> }
  | { name: 'importPreview'; flow: Step<'importPreview'> }
  | { name: 'runProgress'; flow: Step<'running'> }
  | { name: 'runResult'; flow: Step<'result'> }
  | { name: 'resumeRun'; flow: Step<'resume'> }

export type ModeName = Mode['name']

export function modeOf(
  navigation: Navigation,
  editor: EditorState | null,
  contacts: ContactsState,
  activity: ActivityForm | null = null,
  jobs: JobFlow | null = null,
): Mode {
  const { dialog, view } = navigation
  if (dialog?.name === 'chord') return { ...dialog, under: modeOf({ view }, editor, contacts, activity, jobs) }
  if (dialog) return dialog
  if (view.name === 'jobs' && jobs) return { name: jobModes[jobs.step], flow: jobs } as Mode
  if (view.name === 'activity' && activity) {
    return activity.save.phase === 'editing'
      ? { name: 'activity', form: activity }
      : { name: 'activityReview', form: activity }
  }
  if (view.name === 'editor' && editor) {
    const save = editor.save
    if (save.phase === 'conflict') return { name: 'conflict', editor, conflict: save.conflict }
    if (save.phase !== 'editing') return { name: 'review', editor }
    return { name: 'editor', editor }
  }
  if (view.name === 'list' || view.name === 'editor' || view.name === 'activity' || view.name === 'jobs')
    return contacts.searchFocused ? { name: 'search' } : { name: 'list' }
  return view
}
