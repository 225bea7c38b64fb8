import { Box } from 'ink'
import { activityKeys, activityReviewKeys } from '../input/keys/activity-keys.js'
import { chordKeys } from '../input/keys/chord-keys.js'
import { deleteKeys } from '../input/keys/delete-keys.js'
import { guardKeys, helpKeys, restoreKeys } from '../input/keys/dialog-keys.js'
import { type EditorLayout, editorKeys } from '../input/keys/editor-keys.js'
import type { Intent } from '../input/keys/intents.js'
import {
  bulkActionKeys,
  bulkPreviewKeys,
  bulkValueKeys,
  importPathKeys,
  importPreviewKeys,
  resumeRunKeys,
  runGuardKeys,
  runProgressKeys,
  runResultKeys,
} from '../input/keys/job-keys.js'
import { listKeys, openingKeys, searchKeys } from '../input/keys/list-keys.js'
import { conflictKeys, reviewKeys } from '../input/keys/save-keys.js'
import type { Command, Context } from '../keys/keymap.js'
import type { KeyPress } from '../keys/keypress.js'
import type { ActivityForm } from '../state/activity/form.js'
import type { ContactsState } from '../state/contacts/list.js'
import type { StageOption } from '../state/contacts/rows.js'
import { matchesFound } from '../state/editor/create.js'
import { dirtyFields } from '../state/editor/selectors.js'
import type { EditorState } from '../state/editor/state.js'
import { inputOf } from '../state/field-input.js'
import type { JobFlow } from '../state/jobs/flow.js'
import type { Mode, ModeName } from '../state/mode.js'
import { Spinner } from '../ui/components/Spinner.js'
import { multilineHeight, multilineWidth } from '../ui/fields/MultilineField.js'
import { plural, unsavedLabel } from '../ui/labels.js'
import type { Hints } from '../ui/layouts/Frame.js'
import type { ScreenViews } from '../ui/layouts/layouts.js'
import {
  ActivityReview,
  ActivityScreen,
  activityTextRows,
  activityTextWidth,
  LinearActivity,
  LinearActivityReview,
} from '../ui/screens/ActivityScreen.js'
import { BulkActionScreen, LinearBulkAction } from '../ui/screens/BulkActionScreen.js'
import { BulkPreviewScreen, LinearBulkPreview } from '../ui/screens/BulkPreviewScreen.js'
import { BulkValueScreen, LinearBulkValue } from '../ui/screens/BulkValueScreen.js'
import { ConflictScreen, LinearConflict } from '../ui/screens/ConflictScreen.js'
import { ContactsScreen, LinearContacts } from '../ui/screens/ContactsScreen.js'
import { DeleteDialogView } from '../ui/screens/DeleteDialog.js'
import { QuitGuard, RestorePrompt } from '../ui/screens/Dialogs.js'
import { EditorScreen } from '../ui/screens/EditorScreen.js'
import { HelpScreen } from '../ui/screens/HelpScreen.js'
import { ImportPathScreen, LinearImportPath } from '../ui/screens/ImportPathScreen.js'
import { ImportPreviewScreen, LinearImportPreview } from '../ui/screens/ImportPreviewScreen.js'
import { LinearEditor } from '../ui/screens/LinearEditor.js'
import { LinearResumeRun, ResumeRunPrompt } from '../ui/screens/ResumeRunPrompt.js'
import { LinearReview, ReviewScreen } from '../ui/screens/ReviewScreen.js'
import { LinearRunGuard, RunGuard } from '../ui/screens/RunGuard.js'
import { LinearRunProgress, RunProgressScreen } from '../ui/screens/RunProgressScreen.js'
import { LinearRunResult, RunResultScreen } from '../ui/screens/RunResultScreen.js'

/** What screens read besides their mode. */
export interface ScreenContext {
  contacts: ContactsState
  /** Cursor in the search box. */
  searchCursor: number
  /** Stages seen in the loaded contacts, for the stage picker. */
  stages: readonly StageOption[]
  /** The open editor, also under a dialog. */
  editor: EditorState | null
  /** The activity form, when it is up (also under a dialog). */
  activity: ActivityForm | null
  /** The bulk edit or import, also under a dialog (the quit question reads its progress). */
  job: JobFlow | null
  width: number
  /** Rows for the screen, between the header and the status line. */
  height: number
}

export interface ScreenProps<M extends Mode = Mode> {
  mode: M
  context: ScreenContext
}

/**
 * One entry per mode: its keys, what a paste does, its hints, and how it is drawn. A new screen or
 * dialog is a variant of `View` or `Dialog` and its entry here; rendering, key routing and the hint
 * bar need nothing else.
 */
export interface Screen<M extends Mode = Mode> extends ScreenViews<ScreenProps<M>> {
  keys(key: KeyPress, mode: M, context: ScreenContext): Intent[]
  /** Bracketed paste, where there is a text cursor. */
  paste?(text: string, mode: M, context: ScreenContext): Intent[]
  hints(mode: M, context: ScreenContext): Hints
}

type Screens = { [N in ModeName]: Screen<Extract<Mode, { name: N }>> }

const editorLayout = ({ width, height }: ScreenContext): EditorLayout => ({
  multilineWidth: multilineWidth(width),
  multilineRows: multilineHeight(height, true),
})

/** Rows of the list a page key moves by (the search box, the column titles and the footer take the rest). */
const pageRows = ({ height }: ScreenContext) => Math.max(1, height - 4)

// The list and its search box are one screen: the same views keep its scroll position when focus moves.
const contactsViews: ScreenViews<ScreenProps> = {
  View: ({ context }) => (
    <ContactsScreen
      contacts={context.contacts}
      searchCursor={context.searchCursor}
      width={context.width}
      height={context.height}
    />
  ),
  LinearView: ({ context }) => <LinearContacts contacts={context.contacts} />,
}

/** Editor commands that do nothing for this contact: a new one cannot be deleted or logged on yet. */
function editorExcluded(editor: EditorState): Command[] {
  const excluded: Command[] = matchesFound(editor).length > 0 ? [] : ['editor.openMatch']
  // A new contact's only chord is "open the match", which the message under the field names itself.
  if (editor.create) excluded.push('editor.delete', 'editor.log', 'editor.chord')
  return excluded
}

/** The editor's hint contexts: the focused input's own keys first. */
function editorHints(editor: EditorState): Context[] {
  const input = inputOf(editor.focus)
  if (editor.stagePicker) return ['stagePicker', 'editor']
  if (input === 'tags') return ['tags', 'editor']
  if (input === 'stage') return ['stage', 'editor']
  return ['editor']
}

/** What a run counts. */
const unitOf = (run: 'bulk' | 'import') => (run === 'bulk' ? 'contacts' : 'rows')
/** What a run's progress and its result show, in either layout. */
const progressProps = (flow: Extract<JobFlow, { step: 'running' }>) => ({
  title: flow.title,
  progress: flow.progress,
  stopping: flow.stopping,
  unit: unitOf(flow.run),
})
const resultProps = (flow: Extract<JobFlow, { step: 'result' }>) => ({
  title: flow.title,
  result: flow.result,
  top: flow.top,
  unit: unitOf(flow.run),
})

/** Screens of a bulk edit and of an import, one per step (their state: `state/jobs/flow.ts`, run by `useJobs`). */
const jobScreens: Pick<
  Screens,
  | 'bulkAction'
  | 'bulkValue'
  | 'bulkPreview'
  | 'importPath'
  | 'importPreview'
  | 'runProgress'
  | 'runResult'
  | 'resumeRun'
> = {
  bulkAction: {
    keys: (key) => bulkActionKeys(key),
    hints: () => ({ contexts: ['bulkAction'] }),
    View: ({ mode, context }) => (
      <BulkActionScreen choice={mode.flow.choice} selected={context.contacts.selected.size} />
    ),
    LinearView: ({ mode, context }) => (
      <LinearBulkAction choice={mode.flow.choice} selected={context.contacts.selected.size} />
    ),
  },
  bulkValue: {
    keys: (key) => bulkValueKeys(key),
    paste: (text) => [{ type: 'flow', action: { type: 'type', text: text.replace(/\s*\n\s*/g, ', ') } }],
    hints: () => ({ contexts: ['bulkValue'], typing: true }),
    View: ({ mode, context }) => (
      <BulkValueScreen
        kind={mode.flow.kind}
        input={mode.flow.input}
        pick={mode.flow.pick}
        error={mode.flow.error}
        stages={context.stages}
        selected={context.contacts.selected.size}
        width={context.width}
        height={context.height}
      />
    ),
    LinearView: ({ mode, context }) => (
      <LinearBulkValue
        kind={mode.flow.kind}
        input={mode.flow.input}
        pick={mode.flow.pick}
        error={mode.flow.error}
        stages={context.stages}
        selected={context.contacts.selected.size}
      />
    ),
  },
  bulkPreview: {
    keys: (key) => bulkPreviewKeys(key),
    hints: ({ flow }) => ({
      contexts: ['bulkPreview'],
      exclude: flow.preview.change === 0 ? ['bulkPreview.confirm'] : [],
    }),
    View: ({ mode, context }) => <BulkPreviewScreen preview={mode.flow.preview} width={context.width} />,
    LinearView: ({ mode }) => <LinearBulkPreview preview={mode.flow.preview} />,
  },
  importPath: {
    keys: (key) => importPathKeys(key),
    paste: (text) => [{ type: 'flow', action: { type: 'type', text: text.trim() } }],
    hints: () => ({ contexts: ['importPath'], typing: true }),
    View: ({ mode, context }) => (
      <ImportPathScreen
        input={mode.flow.input}
        checking={mode.flow.checking}
        error={mode.flow.error}
        width={context.width}
      />
    ),
    LinearView: ({ mode }) => (
      <LinearImportPath input={mode.flow.input} checking={mode.flow.checking} error={mode.flow.error} />
    ),
  },
  importPreview: {
    keys: (key) => importPreviewKeys(key),
    hints: () => ({ contexts: ['importPreview'] }),
    View: ({ mode, context }) => (
      <ImportPreviewScreen preview={mode.flow.preview} top={mode.flow.top} height={context.height} />
    ),
    LinearView: ({ mode }) => <LinearImportPreview preview={mode.flow.preview} top={mode.flow.top} />,
  },
  runProgress: {
    keys: (key) => runProgressKeys(key),
    hints: ({ flow }) => ({ contexts: ['runProgress'], exclude: flow.stopping ? ['runProgress.stop'] : [] }),
    View: ({ mode, context }) => <RunProgressScreen {...progressProps(mode.flow)} width={context.width} />,
    LinearView: ({ mode }) => <LinearRunProgress {...progressProps(mode.flow)} />,
  },
  runResult: {
    keys: (key) => runResultKeys(key),
    hints: ({ flow }) => ({ contexts: ['runResult'], exclude: flow.result.canRetry ? [] : ['runResult.retry'] }),
    View: ({ mode, context }) => <RunResultScreen {...resultProps(mode.flow)} height={context.height} />,
    LinearView: ({ mode }) => <LinearRunResult {...resultProps(mode.flow)} />,
  },
  resumeRun: {
    keys: (key) => resumeRunKeys(key),
    hints: () => ({ contexts: ['resumeRun'] }),
    View: ({ mode, context }) => (
      <Box paddingTop={2} paddingLeft={2}>
        <ResumeRunPrompt unfinished={mode.flow.unfinished} width={context.width - 4} />
      </Box>
    ),
    LinearView: ({ mode }) => <LinearResumeRun unfinished={mode.flow.unfinished} />,
  },
}

/** List commands that step back from the hint bar while contacts are selected, to make room for the bulk ones. */
const quietWhileSelected: Command[] = ['list.new', 'list.delete', 'list.log', 'list.refresh']

export const screens: Screens = {
  ...jobScreens,
  list: {
    ...contactsViews,
    keys: (key, _mode, context) => listKeys(key, pageRows(context)),
    hints: (_mode, { contacts }) => ({
      contexts: ['list'],
      exclude: contacts.selected.size > 0 ? quietWhileSelected : ['list.clearSelection', 'list.bulk'],
    }),
  },
  search: {
    ...contactsViews,
    keys: (key, _mode, { contacts, searchCursor }) => searchKeys(key, contacts, searchCursor),
    paste: (text, _mode, { contacts, searchCursor }) =>
      searchKeys({ name: 'text', ctrl: false, meta: false, shift: false, text }, contacts, searchCursor),
    hints: () => ({ contexts: ['search'], typing: true }),
  },
  opening: {
    keys: (key) => openingKeys(key),
    hints: () => ({ contexts: ['opening'] }),
    View: ({ mode }) => <Spinner label={`Opening ${mode.title}…`} />,
  },
  restore: {
    keys: (key) => restoreKeys(key),
    hints: () => ({ contexts: ['restore'] }),
    View: ({ mode, context }) => <RestorePrompt draft={mode.draft} width={context.width} />,
  },
  editor: {
    keys: (key, { editor }, context) => editorKeys(key, editor, editorLayout(context), context.stages),
    paste: (text) => [{ type: 'editor', action: { type: 'paste', text } }],
    hints: ({ editor }) => ({
      contexts: editorHints(editor),
      typing: inputOf(editor.focus) !== 'stage',
      exclude: editorExcluded(editor),
    }),
    View: ({ mode, context }) => (
      <EditorScreen editor={mode.editor} stages={context.stages} width={context.width} height={context.height} />
    ),
    LinearView: ({ mode }) => <LinearEditor editor={mode.editor} />,
  },
  review: {
    keys: (key, { editor }) => reviewKeys(key, editor),
    hints: ({ editor }) => ({
      contexts: ['review'],
      // Only what works now: nothing while saving, retry only after a failure.
      exclude:
        editor.save.phase === 'saving'
          ? ['review.confirm', 'review.retry', 'review.back']
          : editor.save.phase === 'failed'
            ? ['review.confirm']
            : ['review.retry'],
    }),
    View: ({ mode, context }) => <ReviewScreen editor={mode.editor} width={context.width} height={context.height} />,
    LinearView: ({ mode }) => <LinearReview editor={mode.editor} />,
  },
  conflict: {
    keys: (key) => conflictKeys(key),
    hints: () => ({ contexts: ['conflict'] }),
    View: ({ mode, context }) => <ConflictScreen conflict={mode.conflict} height={context.height} />,
    LinearView: ({ mode }) => <LinearConflict conflict={mode.conflict} />,
  },
  chord: {
    keys: (key, mode) => chordKeys(key, mode),
    hints: (mode) => ({
      contexts: [mode.context, 'chord'],
      chord: mode.prefix,
      exclude: mode.under.name === 'editor' ? editorExcluded(mode.under.editor) : [],
    }),
    // The screen under the chord stays drawn: only the keys and hints change until the second key.
    View: ({ mode, context }) => {
      const { View } = screenFor(mode.under)
      return <View mode={mode.under} context={context} />
    },
    LinearView: ({ mode, context }) => {
      const under = screenFor(mode.under)
      const View = under.LinearView ?? under.View
      return <View mode={mode.under} context={context} />
    },
  },
  activity: {
    keys: (key, { form }, context) =>
      activityKeys(key, form, { width: activityTextWidth(context.width), rows: activityTextRows(context.height) }),
    paste: (text) => [{ type: 'activity', action: { type: 'insert', text } }],
    hints: ({ form }) => ({
      contexts: form.focus === 'content' ? ['activity'] : ['choice', 'activity'],
      typing: form.focus === 'content',
    }),
    View: ({ mode, context }) => <ActivityScreen form={mode.form} width={context.width} height={context.height} />,
    LinearView: ({ mode }) => <LinearActivity form={mode.form} />,
  },
  activityReview: {
    keys: (key, { form }) => activityReviewKeys(key, form),
    hints: ({ form }) => ({
      contexts: ['activityReview'],
      exclude:
        form.save.phase === 'sending'
          ? ['activityReview.confirm', 'activityReview.retry', 'activityReview.back']
          : form.save.phase === 'failed'
            ? ['activityReview.confirm']
            : ['activityReview.retry'],
    }),
    View: ({ mode, context }) => <ActivityReview form={mode.form} width={context.width} height={context.height} />,
    LinearView: ({ mode }) => <LinearActivityReview form={mode.form} />,
  },
  delete: {
    keys: (key, mode) => deleteKeys(key, mode),
    paste: (text, mode) =>
      mode.step === 'permanent' && mode.phase !== 'deleting'
        ? [{ type: 'delete', action: { type: 'type', text } }]
        : [],
    hints: (mode) => ({
      contexts: [mode.step === 'trash' ? 'delete' : 'deleteForGood'],
      typing: mode.step === 'permanent',
      ...(mode.phase === 'deleting'
        ? {
            exclude: [
              'delete.trash',
              'delete.permanent',
              'delete.cancel',
              'deleteForGood.confirm',
              'deleteForGood.back',
            ],
          }
        : {}),
    }),
    View: ({ mode, context }) => (
      <Box paddingTop={2} paddingLeft={2}>
        <DeleteDialogView dialog={mode} width={context.width - 4} />
      </Box>
    ),
  },
  help: {
    keys: (key) => helpKeys(key),
    hints: () => ({ contexts: ['help'] }),
    View: ({ mode, context }) => <HelpScreen top={mode.top} height={context.height} />,
  },
  quitGuard: {
    keys: (key) => guardKeys(key),
    // Help would close the question: it waits until the question is answered.
    hints: () => ({ contexts: ['quitGuard'], exclude: ['app.help'] }),
    View: ({ context }) => (
      <Box paddingTop={2} paddingLeft={2}>
        {context.activity ? (
          <QuitGuard what="an unsaved activity" them="it" width={context.width - 4} />
        ) : (
          <QuitGuard what={unsavedWork(context.editor)} them="them" width={context.width - 4} />
        )}
      </Box>
    ),
  },
  runGuard: {
    keys: (key) => runGuardKeys(key),
    // Help would close the question: it waits until the question is answered.
    hints: () => ({ contexts: ['runGuard'], exclude: ['app.help'] }),
    View: ({ context }) => (
      <Box paddingTop={2} paddingLeft={2}>
        <RunGuard flow={context.job} width={context.width - 4} />
      </Box>
    ),
    LinearView: ({ context }) => <LinearRunGuard flow={context.job} />,
  },
}

/** What the quit guard says is unsaved in the editor: its changes, or a tag typed but not added yet. */
function unsavedWork(editor: EditorState | null): string {
  const count = editor ? dirtyFields(editor).length : 0
  if (count > 0 || !editor) return unsavedLabel(count)
  return editor.create?.inFlight ? 'a new contact not created yet' : plural(1, 'tag typed but not added')
}

/** The entry of a mode (the table is keyed by mode name, so the cast only forgets which one). */
export function screenFor(mode: Mode): Screen {
  return screens[mode.name] as unknown as Screen
}
