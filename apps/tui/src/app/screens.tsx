import { Box } from 'ink'
import { guardKeys, helpKeys, restoreKeys } from '../input/keys/dialog-keys.js'
import { type EditorLayout, editorKeys } from '../input/keys/editor-keys.js'
import type { Intent } from '../input/keys/intents.js'
import { listKeys, openingKeys, searchKeys } from '../input/keys/list-keys.js'
import { conflictKeys, reviewKeys } from '../input/keys/save-keys.js'
import type { Context } from '../keys/keymap.js'
import type { KeyPress } from '../keys/keypress.js'
import type { ContactsState } from '../state/contacts/list.js'
import type { StageOption } from '../state/contacts/rows.js'
import { dirtyFields } from '../state/editor/selectors.js'
import type { EditorState } from '../state/editor/state.js'
import { inputOf } from '../state/field-input.js'
import type { Mode, ModeName } from '../state/mode.js'
import { Spinner } from '../ui/components/Spinner.js'
import { multilineHeight, multilineWidth } from '../ui/fields/MultilineField.js'
import type { Hints } from '../ui/layouts/Frame.js'
import type { ScreenViews } from '../ui/layouts/layouts.js'
import { ConflictScreen, LinearConflict } from '../ui/screens/ConflictScreen.js'
import { ContactsScreen, LinearContacts } from '../ui/screens/ContactsScreen.js'
import { QuitGuard, RestorePrompt } from '../ui/screens/Dialogs.js'
import { EditorScreen } from '../ui/screens/EditorScreen.js'
import { HelpScreen } from '../ui/screens/HelpScreen.js'
import { LinearEditor } from '../ui/screens/LinearEditor.js'
import { LinearReview, ReviewScreen } from '../ui/screens/ReviewScreen.js'

/** What screens read besides their mode. */
export interface ScreenContext {
  contacts: ContactsState
  /** Cursor in the search box. */
  searchCursor: number
  /** Stages seen in the loaded contacts, for the stage picker. */
  stages: readonly StageOption[]
  /** The open editor, also under a dialog. */
  editor: EditorState | null
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

/** The editor's hint contexts: the focused input's own keys first. */
function editorHints(editor: EditorState): Context[] {
  const input = inputOf(editor.focus)
  if (editor.stagePicker) return ['stagePicker', 'editor']
  if (input === 'tags') return ['tags', 'editor']
  if (input === 'stage') return ['stage', 'editor']
  return ['editor']
}

export const screens: Screens = {
  list: {
    ...contactsViews,
    keys: (key, _mode, context) => listKeys(key, pageRows(context)),
    hints: () => ({ contexts: ['list'] }),
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
    paste: (text) => [{ type: 'editor', action: { type: 'insert', text } }],
    hints: ({ editor }) => ({ contexts: editorHints(editor), typing: inputOf(editor.focus) !== 'stage' }),
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
  help: {
    keys: (key) => helpKeys(key),
    hints: () => ({ contexts: ['help'] }),
    View: ({ mode, context }) => <HelpScreen top={mode.top} height={context.height} />,
  },
  quitGuard: {
    keys: (key) => guardKeys(key),
    hints: () => ({ contexts: ['quitGuard'] }),
    View: ({ context }) => (
      <Box paddingTop={2} paddingLeft={2}>
        <QuitGuard count={context.editor ? dirtyFields(context.editor).length : 0} width={context.width - 4} />
      </Box>
    ),
  },
}

/** The entry of a mode (the table is keyed by mode name, so the cast only forgets which one). */
export function screenFor(mode: Mode): Screen {
  return screens[mode.name] as unknown as Screen
}
