import type { Person } from '@cc/schema'
import { Text, useApp, useWindowSize } from 'ink'
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { type AppPaths, appPaths } from '../config/paths.js'
import { type DraftStore, isNewContactId } from '../drafts/draft-store.js'
import { useActivitySession } from '../hooks/use-activity-session.js'
import { useContactsFeed } from '../hooks/use-contacts-feed.js'
import { useDeleteContact } from '../hooks/use-delete-contact.js'
import { useEditorSession } from '../hooks/use-editor-session.js'
import { useJobs } from '../hooks/use-jobs.js'
import { useLiveReducer, useLiveState } from '../hooks/use-live.js'
import { useToast } from '../hooks/use-toast.js'
import { useKeys, usePastedText } from '../input/input-router.js'
import type { Intent } from '../input/keys/intents.js'
import { formatBinding, keyLabel } from '../keys/format.js'
import { toKeyPresses } from '../keys/keypress.js'
import type { Session } from '../services/session.js'
import { type ContactsState, contactsReducer, initialContacts, rowAt } from '../state/contacts/list.js'
import { dirtyFields, editorErrors, editorTitle } from '../state/editor/selectors.js'
import { modeOf } from '../state/mode.js'
import type { Dialog, Navigation, Origin, View } from '../state/navigation.js'
import { DraftStatus, DraftsProblem, Toast } from '../ui/components/StatusLine.js'
import { plural, unsavedLabel } from '../ui/labels.js'
import { FullScreenLayout, LinearLayout } from '../ui/layouts/layouts.js'
import { useTheme } from '../ui/theme.js'
import { type ScreenContext, screenFor } from './screens.js'

export interface MainProps {
  session: Session
  drafts: DraftStore
  env: NodeJS.ProcessEnv
  initial?: ContactsState
  /** Where bulk edit and import journals live (the user state directory unless given). */
  paths?: Pick<AppPaths, 'bulkDir' | 'importsDir'>
}

/** The editor once connected: the contacts list, the open contact, dialogs; keys go to the current mode's screen. */
export function Main({ session, drafts, env, initial, paths }: MainProps) {
  const { exit } = useApp()
  const { columns, rows } = useWindowSize()
  // Chosen once: sentences for a screen reader, the full-screen editor for everyone else.
  const Layout = useTheme().linear ? LinearLayout : FullScreenLayout
  // Live state: a burst of keys is handled key by key, each seeing what the previous one did.
  const width = Math.max(20, columns)
  const height = Math.max(4, rows - 3)
  // Rows of the list on screen (the search box, the column titles and the footer take the rest).
  const listRows = Math.max(1, height - 4)
  const [start] = useState(() => contactsReducer(initial ?? initialContacts, { type: 'viewport', rows: listRows }))
  const [contacts, contactsDispatch, contactsRef] = useLiveReducer(contactsReducer, start)
  useEffect(() => contactsDispatch({ type: 'viewport', rows: listRows }), [listRows, contactsDispatch])
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
  const onAdded = useCallback(
    (person: Person) => contactsDispatch({ type: 'contactAdded', person }),
    [contactsDispatch],
  )
  const contact = useEditorSession({ session, drafts, env, showToast, setView, onSaved, onAdded, finish })
  const activity = useActivitySession({ session, drafts, env, showToast, setView, finish })
  const closeEditorOf = useCallback(
    (id: string) => {
      // Its drafts went with it: closing drops the editor without asking.
      if (contact.editorRef.current?.contactId === id) contact.close()
    },
    [contact],
  )
  const [journalPaths] = useState(() => paths ?? appPaths())
  const isIdle = useCallback(
    () => navigationRef.current.view.name === 'list' && navigationRef.current.dialog === undefined,
    [navigationRef],
  )
  const jobs = useJobs({ session, paths: journalPaths, contactsRef, contactsDispatch, setView, showToast, isIdle })
  // Asked to quit once the run under way has stopped: it quits when the run's requests under way are done.
  const quitWhenStopped = useRef(false)
  useEffect(() => {
    if (quitWhenStopped.current && jobs.flow?.step !== 'running') finish()
  }, [jobs.flow, finish])
  const deletion = useDeleteContact({
    session,
    drafts,
    showToast,
    navigationRef,
    setNavigation,
    contactsDispatch,
    closeEditorOf,
  })

  const context = (current: {
    navigation: Navigation
    contacts: ContactsState
    searchCursor: number
    editor: typeof contact.editor
    activity: typeof activity.form
    job: typeof jobs.flow
  }): ScreenContext => ({
    contacts: current.contacts,
    searchCursor: current.searchCursor,
    stages: current.contacts.stages,
    editor: current.navigation.view.name === 'editor' ? current.editor : null,
    activity: current.navigation.view.name === 'activity' ? current.activity : null,
    job: current.job,
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
      activity: activity.formRef.current,
      job: jobs.flowRef.current,
    }
    return {
      mode: modeOf(current.navigation, current.editor, current.contacts, current.activity, jobs.flowRef.current),
      context: context(current),
    }
  }

  /** Leaving the activity form or the open contact (or the app) with unsaved work asks first; so does quitting a run. */
  const leave = (after: 'exit' | 'back') => {
    const view = navigationRef.current.view.name
    if (after === 'exit' && jobs.flowRef.current?.step === 'running') {
      // Already stopping to quit: a second Ctrl+C does not wait.
      return quitWhenStopped.current ? finish() : setDialog({ name: 'runGuard' })
    }
    if (view === 'activity' && activity.hasUnsavedWork()) return setDialog({ name: 'quitGuard', after })
    if (view === 'editor' && contact.hasUnsavedChanges()) return setDialog({ name: 'quitGuard', after })
    if (after === 'exit') return finish()
    if (view === 'activity') return activity.close()
    contact.close()
  }

  /** The contact a list or editor command is about: the highlighted row, or the open contact once it exists. */
  const targetOf = (from: Origin) => {
    if (from === 'editor') {
      const open = contact.editorRef.current
      if (!open) return undefined
      if (open.create) {
        showToast({ kind: 'info', text: 'This contact is not created yet: save it first (Ctrl+S).' })
        return undefined
      }
      const confirmWord = open.base.lastName.trim() || open.base.firstName.trim() || open.contactId
      return { id: open.contactId, name: open.title, confirmWord }
    }
    const list = contactsRef.current
    const row = rowAt(list, list.highlighted)
    return row && { id: row.id, name: row.name, confirmWord: row.confirmWord }
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
        const row = targetOf('list')
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
      case 'leaveActivity':
        return leave('back')
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
        const onActivity = navigationRef.current.view.name === 'activity'
        setDialog(undefined)
        if (intent.choice === 'save') {
          if (onActivity) activity.reviewThen(after)
          else contact.reviewThen(after)
        } else if (intent.choice === 'discard') {
          if (onActivity) activity.discard()
          else contact.discard()
          // Quitting from the activity form over an open contact: that contact's changes ask in their turn.
          if (after === 'exit') leave('exit')
        }
        return
      }
      case 'runGuard':
        setDialog(undefined)
        if (intent.choice === 'keep') return
        // Nothing more is sent; the journal keeps what is done, to resume from.
        jobs.stop()
        if (intent.choice === 'now' || jobs.flowRef.current?.step !== 'running') return finish()
        quitWhenStopped.current = true
        return
      case 'restore': {
        const view = navigationRef.current.view
        if (view.name !== 'restore') return
        if (view.draft.kind === 'activity') activity.answerRestore(intent.choice, view.draft)
        else if (intent.choice === 'cancel') setView({ name: view.back })
        else contact.answerRestore(intent.choice, { draft: view.draft, person: view.person })
        return
      }
      case 'chordStart':
        return setDialog({ name: 'chord', prefix: intent.prefix, context: intent.context })
      case 'chordEnd':
        setDialog(undefined)
        if (intent.unknown) showToast({ kind: 'info', text: `${intent.unknown} is not a command.` })
        return
      case 'newContact':
        return contact.openNew()
      case 'openMatch':
        return contact.openMatch()
      case 'deleteAsk': {
        const target = targetOf(intent.from)
        if (target) deletion.ask({ ...target, from: intent.from })
        return
      }
      case 'delete':
        return deletion.update(intent.action)
      case 'deleteConfirm':
        return void deletion.confirm()
      case 'deleteCancel':
        return deletion.cancel()
      case 'logActivity': {
        const target = targetOf(intent.from)
        if (target) activity.open(target, intent.from)
        return
      }
      case 'activity':
        return activity.dispatch(intent.action)
      case 'activityReview':
        activity.review()
        return
      case 'activitySend':
        return void activity.send()
      case 'activityExternalEditor':
        return void activity.editContent()
      case 'startup':
        return
      case 'flow':
        return jobs.dispatch(intent.action)
      case 'job':
        return void runJobCommand(intent.command)
      case 'resumeRun':
        return void jobs.answerResume(intent.choice)
    }
  }

  const runJobCommand = (command: Extract<Intent, { type: 'job' }>['command']) => {
    switch (command) {
      case 'openBulk':
        return jobs.openBulk()
      case 'openImport':
        return jobs.openImport()
      case 'chooseAction':
        return jobs.chooseAction()
      case 'acceptValue':
        return jobs.acceptValue()
      case 'confirmBulk':
        return jobs.confirmBulk()
      case 'acceptPath':
        return jobs.acceptPath()
      case 'confirmImport':
        return jobs.confirmImport()
      case 'stop':
        return jobs.stop()
      case 'retry':
        return jobs.retry()
      case 'close':
        return jobs.close()
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

  // New contacts left as drafts (by a crash, or by "open that contact instead"): the list says how to get them back.
  const onList = navigation.view.name === 'list'
  // Read again each time the list comes back.
  const keptNewContacts = useMemo(
    () => (onList ? drafts.list().filter((draft) => draft.create && isNewContactId(draft.contactId)).length : 0),
    [onList, drafts],
  )

  const current = context({
    navigation,
    contacts,
    searchCursor,
    editor: contact.editor,
    activity: activity.form,
    job: jobs.flow,
  })
  const mode = modeOf(navigation, contact.editor, contacts, activity.form, jobs.flow)
  const screen = screenFor(mode)
  const open = current.editor
  const dirty = open ? dirtyFields(open).length : 0
  const form = current.activity
  const title = form
    ? `Log an activity · ${form.contactName}`
    : open
      ? `${editorTitle(open)} · ${dirty === 0 ? 'no changes' : unsavedLabel(dirty)}`
      : navigation.view.name === 'jobs'
        ? jobs.flow?.step.startsWith('import') || (jobs.flow && 'run' in jobs.flow && jobs.flow.run === 'import')
          ? 'Import'
          : 'Bulk edit'
        : contacts.selected.size > 0
          ? `Contacts · ${contacts.selected.size} selected`
          : 'Contacts'
  let status = null
  if (toast) status = <Toast toast={toast} />
  else if (mode.name === 'chord') status = <Text bold>{`${formatBinding(mode.prefix)} …`}</Text>
  else if (open)
    status = (
      <DraftStatus unsaved={dirty} errors={Object.keys(editorErrors(open)).length} draftsProblem={draftsProblem} />
    )
  else if (draftsProblem) status = <DraftsProblem problem={draftsProblem} />
  else if (keptNewContacts > 0 && onList)
    status = (
      <Text>{`ℹ ${plural(keptNewContacts, 'unsaved new contact')} kept as a draft: ${keyLabel('list.new')} continues it`}</Text>
    )
  return (
    <Layout
      screen={screen}
      props={{ mode, context: current }}
      frame={{
        session,
        title,
        status,
        hints: screen.hints(mode, current),
        width,
        height: rows,
        bodyHeight: height,
      }}
    />
  )
}
