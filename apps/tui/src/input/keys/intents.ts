import type { Context } from '../../keys/keymap.js'
import type { ActivityAction } from '../../state/activity/form.js'
import type { ContactsAction } from '../../state/contacts/list.js'
import type { DeleteAction } from '../../state/delete.js'
import type { EditorAction } from '../../state/editor/editor.js'
import type { FlowAction } from '../../state/jobs/flow.js'
import type { Origin } from '../../state/navigation.js'

/**
 * What a key press asks for. Key handlers are pure: they read the state and the keymap and return
 * intents; the app carries them out (dispatching to reducers, or starting a save).
 */
export type Intent =
  | { type: 'editor'; action: EditorAction }
  | { type: 'contacts'; action: ContactsAction }
  | { type: 'searchText'; value: string; cursor: number }
  | { type: 'openSelected' }
  | { type: 'cancelOpening' }
  | { type: 'reload' }
  | { type: 'help' }
  | { type: 'quit' }
  | { type: 'review' }
  | { type: 'leaveEditor' }
  | { type: 'externalEditor' }
  | { type: 'confirmSave' }
  | { type: 'guard'; choice: 'save' | 'discard' | 'keep' }
  /** The answer to "A bulk edit is under way. Quit now?": once the requests under way finish, at once, or not. */
  | { type: 'runGuard'; choice: 'quit' | 'now' | 'keep' }
  | { type: 'restore'; choice: 'restore' | 'discard' | 'cancel' }
  | { type: 'helpScroll'; delta: number }
  | { type: 'closeHelp' }
  | { type: 'startup'; choice: 'retry' | 'sandbox' | 'quit' }
  /** The first key of a chord: wait for the second. */
  | { type: 'chordStart'; prefix: string; context: Context }
  /** The chord is over: done, cancelled, or `unknown` names the keys that are no command. */
  | { type: 'chordEnd'; unknown?: string }
  | { type: 'newContact' }
  /** A new contact's email or phone belongs to a contact already: open that one instead. */
  | { type: 'openMatch' }
  /** Ask before deleting the highlighted contact (`list`) or the open one (`editor`). */
  | { type: 'deleteAsk'; from: Origin }
  | { type: 'delete'; action: DeleteAction }
  | { type: 'deleteConfirm' }
  | { type: 'deleteCancel' }
  /** Open the activity form for the highlighted contact (`list`) or the open one (`editor`). */
  | { type: 'logActivity'; from: Origin }
  | { type: 'activity'; action: ActivityAction }
  | { type: 'activityReview' }
  | { type: 'activitySend' }
  | { type: 'activityExternalEditor' }
  | { type: 'leaveActivity' }
  /** A step of a bulk edit or an import changes (typing, moving). */
  | { type: 'flow'; action: FlowAction }
  /** A bulk edit or an import moves on: opened, a choice made, sent, stopped, retried, closed. */
  | {
      type: 'job'
      command:
        | 'openBulk'
        | 'openImport'
        | 'chooseAction'
        | 'acceptValue'
        | 'confirmBulk'
        | 'acceptPath'
        | 'confirmImport'
        | 'stop'
        | 'retry'
        | 'close'
    }
  | { type: 'resumeRun'; choice: 'resume' | 'discard' | 'later' }

export const editorIntent = (action: EditorAction): Intent => ({ type: 'editor', action })
export const activityIntent = (action: ActivityAction): Intent => ({ type: 'activity', action })
