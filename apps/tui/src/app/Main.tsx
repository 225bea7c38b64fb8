import { contactField, type Person, toUpdateInput } from '@cc/schema'
import { Box, Text, useApp, useWindowSize } from 'ink'
import { type ReactNode, useCallback, useEffect, useRef } from 'react'
import type { Draft, DraftStore } from '../drafts/draft-store.js'
import type { Command, Context } from '../keys/keymap.js'
import { toKeyPresses } from '../keys/keypress.js'
import { type ContactsState, contactsReducer, initialContacts, visibleRows } from '../state/contacts/list.js'
import { stagesSeen } from '../state/contacts/rows.js'
import { type EditorAction, editorReducer } from '../state/editor/editor.js'
import { dirtyFields, editorErrors } from '../state/editor/selectors.js'
import { createEditor, type EditorState } from '../state/editor/state.js'
import { type FormValues, toForm } from '../state/form.js'
import { HintBar } from '../ui/components/HintBar.js'
import { Spinner } from '../ui/components/Spinner.js'
import { Toast } from '../ui/components/StatusLine.js'
import { multilineHeight, multilineWidth } from '../ui/fields/MultilineField.js'
import { unsavedLabel } from '../ui/labels.js'
import { ConflictScreen, LinearConflict } from '../ui/screens/ConflictScreen.js'
import { ContactsScreen, LinearContacts } from '../ui/screens/ContactsScreen.js'
import { QuitGuard, RestorePrompt } from '../ui/screens/Dialogs.js'
import { EditorScreen } from '../ui/screens/EditorScreen.js'
import { HelpScreen } from '../ui/screens/HelpScreen.js'
import { LinearEditor } from '../ui/screens/LinearEditor.js'
import { LinearReview, ReviewScreen } from '../ui/screens/ReviewScreen.js'
import { useTheme } from '../ui/theme.js'
import { describeError } from './describe-error.js'
import { editExternally } from './external-editor.js'
import { useKeys, usePastedText } from './input-router.js'
import {
  conflictKeys,
  editorKeys,
  guardKeys,
  helpKeys,
  type Intent,
  listKeys,
  restoreKeys,
  reviewKeys,
} from './key-handlers.js'
import { saveDraft } from './save-draft.js'
import type { Session } from './session.js'
import { useContactsFeed } from './use-contacts-feed.js'
import { useLiveReducer, useLiveState } from './use-live.js'
import { useToast } from './use-toast.js'

type View =
  | { name: 'list' }
  | { name: 'opening'; title: string }
  | { name: 'restore'; draft: Draft; person: Person }
  | { name: 'editor' }

type Overlay = { kind: 'help'; top: number } | { kind: 'guard'; intent: 'exit' | 'list' } | undefined

type EditorSlot = EditorState | null
type SlotAction = EditorAction | { type: 'open'; editor: EditorState } | { type: 'close' }

function slotReducer(state: EditorSlot, action: SlotAction): EditorSlot {
  if (action.type === 'open') return action.editor
  if (action.type === 'close') return null
  return state ? editorReducer(state, action) : state
}

export interface MainProps {
  session: Session
  drafts: DraftStore
  env: NodeJS.ProcessEnv
  initial?: ContactsState
}

/** Header, body (the current screen), status line and hint bar. */
export function Main({ session, drafts, env, initial }: MainProps) {
  const { exit, suspendTerminal } = useApp()
  const { columns, rows } = useWindowSize()
  const theme = useTheme()
  // Live state: a burst of keys is handled key by key, each seeing what the previous one did.
  const [contacts, contactsDispatch, contactsRef] = useLiveReducer(contactsReducer, initial ?? initialContacts)
  const [searchCursor, setSearchCursor, searchCursorRef] = useLiveState(0)
  const [view, setView, viewRef] = useLiveState<View>({ name: 'list' })
  const [editor, editorDispatch, editorRef] = useLiveReducer(slotReducer, null)
  const [overlay, setOverlay, overlayRef] = useLiveState<Overlay>(undefined)
  const [toast, showToast] = useToast()
  const pendingIntent = useRef<'exit' | 'list' | undefined>(undefined)

  useContactsFeed(session, contacts, contactsDispatch)

  const width = Math.max(20, columns)
  const bodyHeight = Math.max(4, rows - 3)
  const stages = stagesSeen([...contacts.rows, ...(contacts.results ?? [])])
  const dirty = editor ? dirtyFields(editor) : []

  // Every change to a draft goes to the drafts file (debounced); a draft without changes is removed.
  const draftKey = editor && `${editor.contactId}`
  const draftBase = editor?.base
  const draftValues = editor?.values
  useEffect(() => {
    const current = editorRef.current
    if (!current || !draftKey) return
    if (dirtyFields(current).length > 0) {
      drafts.put({ contactId: current.contactId, title: current.title, base: current.base, values: current.values })
    } else {
      drafts.remove(current.contactId)
    }
  }, [draftKey, draftBase, draftValues, drafts])

  const finish = useCallback(() => {
    drafts.flush()
    exit()
  }, [drafts, exit])

  const openEditor = useCallback((id: string, title: string, base: FormValues, values?: FormValues) => {
    editorDispatch({
      type: 'open',
      editor: createEditor({ contactId: id, title, base, ...(values ? { values } : {}) }),
    })
    setView({ name: 'editor' })
  }, [])

  const closeEditor = useCallback(() => {
    editorDispatch({ type: 'close' })
    setView({ name: 'list' })
  }, [])

  const openSelected = useCallback(async () => {
    const current = contactsRef.current
    const row = visibleRows(current)[current.highlighted]
    if (!row) return
    setView({ name: 'opening', title: row.name })
    try {
      // Always start from the server's current copy, never from the (possibly stale) list row.
      const person = await session.client.people.get(row.id, { signal: session.signal })
      const draft = drafts.get(row.id)
      if (draft) setView({ name: 'restore', draft, person })
      else openEditor(row.id, row.name, toForm(toUpdateInput(person)))
    } catch (error) {
      if (session.signal.aborted) return
      setView({ name: 'list' })
      showToast({ kind: 'error', text: `Could not open ${row.name}: ${describeError(error).message}` })
    }
  }, [contactsRef, session, drafts, openEditor, setView, showToast])

  // The reducer decides whether the review can open; when it cannot, it says why in `flash`.
  const startReview = useCallback(() => {
    editorDispatch({ type: 'review' })
    return editorRef.current?.save.phase === 'review'
  }, [editorDispatch, editorRef])

  const flash = editor?.flash
  useEffect(() => {
    if (!flash) return
    showToast({ kind: flash.kind, text: flash.text })
    if (flash.kind === 'error') pendingIntent.current = undefined
  }, [flash, showToast])

  const confirmSave = useCallback(async () => {
    const current = editorRef.current
    if (!current) return
    editorDispatch({ type: 'saveStarted' })
    const outcome = await saveDraft(session.client, current.contactId, current.base, current.values, session.signal)
    switch (outcome.kind) {
      case 'saved': {
        editorDispatch({ type: 'saveSucceeded', values: outcome.values })
        drafts.remove(current.contactId)
        drafts.flush()
        if (outcome.person) contactsDispatch({ type: 'contactUpdated', person: outcome.person })
        const what = outcome.changed.length === 1 ? '1 field' : `${outcome.changed.length} fields`
        showToast({
          kind: 'success',
          text:
            outcome.changed.length === 0
              ? 'Already up to date.'
              : `Saved ${what}${outcome.requestId ? ` · request ${outcome.requestId}` : ''}`,
        })
        const intent = pendingIntent.current
        pendingIntent.current = undefined
        if (intent === 'exit') finish()
        else if (intent === 'list') closeEditor()
        return
      }
      case 'conflict':
        editorDispatch({ type: 'conflictDetected', theirs: outcome.theirs, conflicts: outcome.conflicts })
        return
      case 'rejected':
        editorDispatch({ type: 'saveRejected', errors: outcome.errors })
        showToast({ kind: 'error', text: outcome.message })
        return
      case 'failed':
        editorDispatch({ type: 'saveFailed', message: outcome.message })
    }
  }, [session, drafts, showToast, finish, closeEditor])

  const editBackground = useCallback(async () => {
    const current = editorRef.current
    if (!current) return
    if (current.focus !== 'background') editorDispatch({ type: 'focus', field: 'background' })
    const meta = contactField('background')
    try {
      const result = await editExternally(current.values.background, {
        label: meta.label,
        maxLength: meta.maxLength ?? Number.POSITIVE_INFINITY,
        env,
        suspend: (run) => suspendTerminal(run),
      })
      if (result.kind === 'edited') {
        editorDispatch({ type: 'edit', field: 'background', value: result.text, kind: 'replace' })
        showToast({ kind: 'info', text: `${meta.label} updated from the editor.` })
      } else if (result.kind === 'failed') showToast({ kind: 'error', text: result.message })
    } catch (error) {
      showToast({ kind: 'error', text: `The editor failed: ${(error as Error).message}` })
    }
  }, [env, suspendTerminal, showToast])

  const requestQuit = useCallback(
    (intent: 'exit' | 'list') => {
      const current = editorRef.current
      if (viewRef.current.name === 'editor' && current && dirtyFields(current).length > 0) {
        setOverlay({ kind: 'guard', intent })
        return
      }
      if (intent === 'exit') finish()
      else closeEditor()
    },
    [editorRef, viewRef, setOverlay, finish, closeEditor],
  )

  const run = (intent: Intent) => {
    switch (intent.type) {
      case 'editor':
        editorDispatch(intent.action)
        return
      case 'contacts':
        contactsDispatch(intent.action)
        return
      case 'searchText':
        contactsDispatch({ type: 'queryChanged', query: intent.value })
        setSearchCursor(intent.cursor)
        return
      case 'openSelected':
        void openSelected()
        return
      case 'reload':
        contactsDispatch({ type: 'reload' })
        return
      case 'help':
        setOverlay({ kind: 'help', top: 0 })
        return
      case 'closeHelp':
        setOverlay(undefined)
        return
      case 'helpScroll':
        setOverlay((o) => (o?.kind === 'help' ? { kind: 'help', top: Math.max(0, o.top + intent.delta) } : o))
        return
      case 'quit':
        requestQuit('exit')
        return
      case 'leaveEditor':
        requestQuit('list')
        return
      case 'review':
        startReview()
        return
      case 'confirmSave':
        void confirmSave()
        return
      case 'externalEditor':
        void editBackground()
        return
      case 'guard': {
        const current = overlayRef.current
        const guardIntent = current?.kind === 'guard' ? current.intent : 'exit'
        setOverlay(undefined)
        if (intent.choice === 'save') {
          if (startReview()) pendingIntent.current = guardIntent
        } else if (intent.choice === 'discard') {
          const current = editorRef.current
          if (current) {
            drafts.remove(current.contactId)
            drafts.flush()
          }
          // Close first, so the autosave effect cannot put the draft back.
          closeEditor()
          if (guardIntent === 'exit') finish()
        }
        return
      }
      case 'restore': {
        const currentView = viewRef.current
        if (currentView.name !== 'restore') return
        const { draft, person } = currentView
        if (intent.choice === 'restore') openEditor(draft.contactId, draft.title, draft.base, draft.values)
        else if (intent.choice === 'discard') {
          drafts.remove(draft.contactId)
          drafts.flush()
          openEditor(draft.contactId, draft.title, toForm(toUpdateInput(person)))
        } else setView({ name: 'list' })
        return
      }
      case 'startup':
        return
    }
  }

  const intentsFor = (key: ReturnType<typeof toKeyPresses>[number]): Intent[] => {
    const overlay = overlayRef.current
    const view = viewRef.current
    const editor = editorRef.current
    if (overlay?.kind === 'help') return helpKeys(key)
    if (overlay?.kind === 'guard') return guardKeys(key)
    if (view.name === 'restore') return restoreKeys(key)
    if (view.name === 'opening') return []
    if (view.name === 'editor' && editor) {
      const phase = editor.save.phase
      if (phase === 'conflict') return conflictKeys(key)
      if (phase !== 'editing') return reviewKeys(key, editor)
      return editorKeys(
        key,
        editor,
        {
          backgroundWidth: multilineWidth(width),
          backgroundRows: multilineHeight(bodyHeight, true),
        },
        stages,
      )
    }
    return listKeys(key, contactsRef.current, searchCursorRef.current, Math.max(1, bodyHeight - 4))
  }

  useKeys((input, key) => {
    for (const press of toKeyPresses(input, key)) for (const intent of intentsFor(press)) run(intent)
  })

  // A paste goes to whatever has the text cursor, cleaned there (one line, or kept lines for the background).
  usePastedText((text) => {
    if (overlayRef.current) return
    const view = viewRef.current
    if (view.name === 'editor' && editorRef.current?.save.phase === 'editing') editorDispatch({ type: 'insert', text })
    else if (view.name === 'list' && contactsRef.current.searchFocused) {
      for (const intent of listKeys(
        { name: 'text', ctrl: false, meta: false, shift: false, text },
        contactsRef.current,
        searchCursorRef.current,
        1,
      )) {
        run(intent)
      }
    }
  })

  // What the hint bar shows, most specific first.
  const contexts: Context[] = []
  if (overlay?.kind === 'help') contexts.push('help')
  else if (overlay?.kind === 'guard') contexts.push('quitGuard')
  else if (view.name === 'restore') contexts.push('restore')
  else if (view.name === 'editor' && editor) {
    const phase = editor.save.phase
    if (phase === 'conflict') contexts.push('conflict')
    else if (phase !== 'editing') contexts.push('review')
    else {
      const kind = contactField(editor.focus).kind
      if (editor.stagePicker) contexts.push('stagePicker')
      else if (kind === 'tags') contexts.push('tags')
      else if (kind === 'stage') contexts.push('stage')
      contexts.push('editor')
    }
  } else if (contacts.searchFocused) contexts.push('search')
  else contexts.push('list')
  contexts.push('global')

  const typing =
    !overlay &&
    ((view.name === 'list' && contacts.searchFocused) ||
      (view.name === 'editor' && editor?.save.phase === 'editing' && contactField(editor.focus).kind !== 'stage'))
  const phase = editor?.save.phase
  const exclude: Command[] =
    phase === 'saving'
      ? ['review.confirm', 'review.retry', 'review.back']
      : phase === 'failed'
        ? ['review.confirm']
        : ['review.retry']
  const errors = editor ? Object.keys(editorErrors(editor)).length : 0
  let body: ReactNode
  if (overlay?.kind === 'help') body = <HelpScreen top={overlay.top} height={bodyHeight} />
  else if (overlay?.kind === 'guard') {
    body = (
      <Box paddingTop={2} paddingLeft={2}>
        <QuitGuard count={dirty.length} width={width - 4} />
      </Box>
    )
  } else if (view.name === 'opening') body = <Spinner label={`Opening ${view.title}…`} />
  else if (view.name === 'restore') body = <RestorePrompt draft={view.draft} width={width} />
  else if (view.name === 'editor' && editor) {
    const phase = editor.save.phase
    if (editor.save.phase === 'conflict') {
      body = theme.linear ? (
        <LinearConflict conflict={editor.save.conflict} />
      ) : (
        <ConflictScreen conflict={editor.save.conflict} height={bodyHeight} />
      )
    } else if (phase !== 'editing') {
      body = theme.linear ? (
        <LinearReview editor={editor} />
      ) : (
        <ReviewScreen editor={editor} width={width} height={bodyHeight} />
      )
    } else if (theme.linear) body = <LinearEditor editor={editor} />
    else body = <EditorScreen editor={editor} stages={stages} width={width} height={bodyHeight} />
  } else if (theme.linear) body = <LinearContacts contacts={contacts} />
  else body = <ContactsScreen contacts={contacts} searchCursor={searchCursor} width={width} height={bodyHeight} />

  const title =
    view.name === 'editor' && editor
      ? `${editor.title} · ${dirty.length === 0 ? 'no changes' : unsavedLabel(dirty.length)}`
      : 'Contacts'

  return (
    <Box flexDirection="column" width={width} height={rows}>
      <Box height={1}>
        <Text bold>Client Commander</Text>
        <Text> · </Text>
        <Text
          bold={session.mode === 'sandbox'}
          color={session.mode === 'sandbox' ? theme.color('sandbox') : theme.color('muted')}
        >
          {session.label}
        </Text>
        <Box flexGrow={1} />
        <Text wrap="truncate-start">{title}</Text>
      </Box>
      <Box height={bodyHeight} flexDirection="column" overflow="hidden">
        {body}
      </Box>
      <Box height={1}>
        {toast ? (
          <Toast toast={toast} />
        ) : view.name === 'editor' && editor ? (
          <Text color={errors > 0 ? theme.color('error') : theme.color('muted')} wrap="truncate-end">
            {dirty.length === 0
              ? 'No unsaved changes'
              : `* ${unsavedLabel(dirty.length)} (kept as a draft until saved)`}
            {errors > 0 ? ` · ✗ ${errors} ${errors === 1 ? 'field needs' : 'fields need'} fixing` : ''}
          </Text>
        ) : null}
      </Box>
      <HintBar contexts={contexts} width={width} typing={typing} exclude={exclude} />
    </Box>
  )
}
