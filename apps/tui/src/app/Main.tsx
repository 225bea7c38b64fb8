import type { Person } from '@cc/schema'
import { useApp, useWindowSize } from 'ink'
import { useCallback, useSyncExternalStore } from 'react'
import type { DraftStore } from '../drafts/draft-store.js'
import { useContactsFeed } from '../hooks/use-contacts-feed.js'
import { useEditorSession } from '../hooks/use-editor-session.js'
import { useLiveReducer, useLiveState } from '../hooks/use-live.js'
import { useToast } from '../hooks/use-toast.js'
import { useKeys, usePastedText } from '../input/input-router.js'
import type { Intent } from '../input/keys/intents.js'
import { toKeyPresses } from '../keys/keypress.js'
import type { Session } from '../services/session.js'
import { type ContactsState, contactsReducer, initialContacts, visibleRows } from '../state/contacts/list.js'
import { stagesSeen } from '../state/contacts/rows.js'
import { dirtyFields, editorErrors } from '../state/editor/selectors.js'
import { modeOf } from '../state/mode.js'
import type { Dialog, Navigation, View } from '../state/navigation.js'
import { DraftStatus, DraftsProblem, Toast } from '../ui/components/StatusLine.js'
import { unsavedLabel } from '../ui/labels.js'
import { FullScreenLayout, LinearLayout } from '../ui/layouts/layouts.js'
import { useTheme } from '../ui/theme.js'
import { type ScreenContext, screenFor } from './screens.js'

export interface MainProps {
  session: Session
  drafts: DraftStore
  env: NodeJS.ProcessEnv
  initial?: ContactsState
}

/** The editor once connected: the contacts list, the open contact, dialogs; keys go to the current mode's screen. */
export function Main({ session, drafts, env, initial }: MainProps) {
  const { exit } = useApp()
  const { columns, rows } = useWindowSize()
  // Chosen once: sentences for a screen reader, the full-screen editor for everyone else.
  const Layout = useTheme().linear ? LinearLayout : FullScreenLayout
  // Live state: a burst of keys is handled key by key, each seeing what the previous one did.
  const [contacts, contactsDispatch, contactsRef] = useLiveReducer(contactsReducer, initial ?? initialContacts)
  const [searchCursor, setSearchCursor, searchCursorRef] = useLiveState(0)
  const [navigation, setNavigation, navigationRef] = useLiveState<Navigation>({ view: { name: 'list' } })
  const [toast, showToast] = useToast()
  // Whether drafts reach the disk: a failing write is said in the status line, not kept quiet.
  const draftsHealth = useSyncExternalStore(drafts.subscribe, drafts.health)
  const draftsProblem = draftsHealth.ok ? undefined : draftsHealth.problem
  useContactsFeed(session, contacts, contactsDispatch)

  const finish = useCallback(() => {
    drafts.flush()
    exit()
  }, [drafts, exit])
  const setView = useCallback((view: View) => setNavigation((n) => ({ ...n, view })), [setNavigation])
  const setDialog = useCallback((dialog?: Dialog) => setNavigation((n) => ({ ...n, dialog })), [setNavigation])
  const onSaved = useCallback(
    (person: Person) => contactsDispatch({ type: 'contactUpdated', person }),
    [contactsDispatch],
  )
  const contact = useEditorSession({ session, drafts, env, showToast, setView, onSaved, finish })

  const width = Math.max(20, columns)
  const height = Math.max(4, rows - 3)
  const stages = stagesSeen([...contacts.rows, ...(contacts.results ?? [])])
  const context = (current: {
    navigation: Navigation
    contacts: ContactsState
    searchCursor: number
    editor: typeof contact.editor
  }): ScreenContext => ({
    contacts: current.contacts,
    searchCursor: current.searchCursor,
    stages,
    editor: current.navigation.view.name === 'editor' ? current.editor : null,
    width,
    height,
  })
  // Keys read the refs: each key of a burst sees what the one before it did.
  const live = () => {
    const current = {
      navigation: navigationRef.current,
      contacts: contactsRef.current,
      searchCursor: searchCursorRef.current,
      editor: contact.editorRef.current,
    }
    return { mode: modeOf(current.navigation, current.editor, current.contacts), context: context(current) }
  }

  /** Leaving the open contact (or the app) with unsaved changes asks first. */
  const leave = (after: 'exit' | 'list') => {
    if (navigationRef.current.view.name === 'editor' && contact.hasUnsavedChanges()) {
      setDialog({ name: 'quitGuard', after })
    } else if (after === 'exit') finish()
    else contact.close()
  }

  const run = (intent: Intent) => {
    switch (intent.type) {
      case 'editor':
        return contact.dispatch(intent.action)
      case 'contacts':
        return contactsDispatch(intent.action)
      case 'searchText':
        contactsDispatch({ type: 'queryChanged', query: intent.value })
        return setSearchCursor(intent.cursor)
      case 'openSelected': {
        const list = contactsRef.current
        const row = visibleRows(list)[list.highlighted]
        if (row) void contact.openRow(row)
        return
      }
      case 'cancelOpening':
        return contact.cancelOpening()
      case 'reload':
        return contactsDispatch({ type: 'reload' })
      case 'help':
        return setDialog({ name: 'help', top: 0 })
      case 'closeHelp':
        return setDialog(undefined)
      case 'helpScroll':
        return setNavigation((n) =>
          n.dialog?.name === 'help'
            ? { ...n, dialog: { name: 'help', top: Math.max(0, n.dialog.top + intent.delta) } }
            : n,
        )
      case 'quit':
        return leave('exit')
      case 'leaveEditor':
        return leave('list')
      case 'review':
        contact.review()
        return
      case 'confirmSave':
        return void contact.save()
      case 'externalEditor':
        return void contact.editBackground()
      case 'guard': {
        const dialog = navigationRef.current.dialog
        const after = dialog?.name === 'quitGuard' ? dialog.after : 'exit'
        setDialog(undefined)
        if (intent.choice === 'save') contact.reviewThen(after)
        else if (intent.choice === 'discard') {
          contact.discard()
          if (after === 'exit') finish()
        }
        return
      }
      case 'restore': {
        const view = navigationRef.current.view
        if (view.name === 'restore') contact.answerRestore(intent.choice, view)
        return
      }
      case 'startup':
        return
    }
  }

  useKeys((input, key) => {
    for (const press of toKeyPresses(input, key)) {
      const { mode, context } = live()
      for (const intent of screenFor(mode).keys(press, mode, context)) run(intent)
    }
  })

  // A paste goes to whatever has the text cursor, cleaned there (one line, or kept lines in multi-line text).
  usePastedText((text) => {
    const { mode, context } = live()
    for (const intent of screenFor(mode).paste?.(text, mode, context) ?? []) run(intent)
  })

  const current = context({ navigation, contacts, searchCursor, editor: contact.editor })
  const mode = modeOf(navigation, contact.editor, contacts)
  const screen = screenFor(mode)
  const open = current.editor
  const dirty = open ? dirtyFields(open).length : 0
  return (
    <Layout
      screen={screen}
      props={{ mode, context: current }}
      frame={{
        session,
        title: open ? `${open.title} · ${dirty === 0 ? 'no changes' : unsavedLabel(dirty)}` : 'Contacts',
        status: toast ? (
          <Toast toast={toast} />
        ) : open ? (
          <DraftStatus unsaved={dirty} errors={Object.keys(editorErrors(open)).length} draftsProblem={draftsProblem} />
        ) : draftsProblem ? (
          <DraftsProblem problem={draftsProblem} />
        ) : null,
        hints: screen.hints(mode, current),
        width,
        height: rows,
        bodyHeight: height,
      }}
    />
  )
}
