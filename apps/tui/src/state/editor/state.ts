import type { CreateContactInput } from '@cc/schema'
import type { FieldName, FormValues } from '../form.js'
import { fieldNames } from '../form.js'
import type { CreateState } from './create.js'
import { emptyHistory, type History } from './history.js'
import type { SavePhase } from './save.js'
import type { StagePicker } from './stage-picker.js'
import { emptyTagBox, type TagBox } from './tags.js'
import { textOf } from './values.js'

/** The editor of one contact: the server values the draft started from, the draft, and how saving goes. */
export interface EditorState {
  /** The contact's id; a local one (`new-…`) while it is a new contact. */
  contactId: string
  /** The contact's name as the list showed it, for the header. */
  title: string
  /** The server's values the draft started from: what a save checks for conflicts against. */
  base: FormValues
  /** The draft, as the person sees it. */
  values: FormValues
  focus: FieldName
  /** Cursor in the focused text field (a UTF-16 offset). */
  cursor: number
  tagBox: TagBox
  /** The stage picker, while open. */
  stagePicker?: StagePicker
  history: History
  /** Messages the API sent back (422), shown on their field until it is edited. `'*'`: the whole contact. */
  serverErrors: Partial<Record<FieldName | '*', string>>
  /** Non-error notes under a field, e.g. how a phone number was normalised. */
  notices: Partial<Record<FieldName, string>>
  save: SavePhase
  /** A one-off message for the person (why the review did not open); a new object each time. */
  flash?: { kind: 'info' | 'error'; text: string }
  /** A new contact, until the API has created it: its base is the empty form, and a save is `POST /people`. */
  create?: CreateState
}

/** An editor on `base`, starting from a restored draft's `values` when there is one. */
export function createEditor(options: {
  contactId: string
  title: string
  base: FormValues
  values?: FormValues
  /** A new contact: the key its creates carry, and the body of a create whose answer was lost. */
  create?: { idempotencyKey: string; inFlight?: CreateContactInput | undefined }
}): EditorState {
  const values = options.values ?? options.base
  const focus = fieldNames[0] as FieldName
  return {
    contactId: options.contactId,
    title: options.title,
    base: options.base,
    values,
    focus,
    cursor: textOf(values, focus).length,
    tagBox: emptyTagBox,
    history: emptyHistory,
    serverErrors: {},
    notices: {},
    save: { phase: 'editing' },
    ...(options.create
      ? {
          create: {
            idempotencyKey: options.create.idempotencyKey,
            ...(options.create.inFlight ? { inFlight: options.create.inFlight } : {}),
            lookups: {},
          },
        }
      : {}),
  }
}
