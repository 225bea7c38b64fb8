import { type CreateContactInput, normalizePhone, type Person, toUpdateInput, validateField } from '@cc/schema'
import { toRow } from '../contacts/rows.js'
import { emptyForm, type FormValues, patchOf, toForm } from '../form.js'
import { rebase } from './conflict.js'
import { endRun } from './history.js'
import type { EditorState } from './state.js'

/** The fields of a new contact looked up as they become valid: another contact may have the value already. */
export type LookupField = 'email' | 'phone'
export const lookupFields: readonly LookupField[] = ['email', 'phone']

/** A contact a lookup found: its id, its name and its values (for the review's old → new), all cleaned. */
export interface Match {
  id: string
  name: string
  values: FormValues
}

/** What a lookup of one value found, or that it is still out, or why it failed. */
export type Lookup =
  | { value: string; status: 'checking' }
  | { value: string; status: 'free' }
  | { value: string; status: 'taken'; match: Match }
  | { value: string; status: 'failed'; message: string }

/** A new contact, not created yet: how its create stays safe to repeat, and what the lookups found. */
export interface CreateState {
  /** Minted with the draft and kept in it: every `POST /people` of this contact carries it. */
  idempotencyKey: string
  /** The body of a POST sent with the key whose answer is not known: sent again exactly, before anything else. */
  inFlight?: CreateContactInput
  lookups: Partial<Record<LookupField, Lookup>>
}

export type CreateAction =
  | { type: 'lookupStarted'; field: LookupField; value: string }
  | { type: 'lookupFinished'; field: LookupField; value: string; match?: Match | undefined }
  | { type: 'lookupFailed'; field: LookupField; value: string; message: string }
  /** The POST is about to go out with this body: from now on its answer may be lost. */
  | { type: 'createSending'; body: CreateContactInput }
  /** The API created the contact, or updated the one with the email (`person`), from `sent`. */
  | { type: 'createSucceeded'; person: Person; sent: CreateContactInput }

/** A contact as a match: what the review and the message under the field need of it, cleaned. */
export function matchOf(person: Person): Match {
  return { id: person.id, name: toRow(person).name, values: toForm(toUpdateInput(person)) }
}

/** The body of `POST /people` for a new contact: every field that has a value, as the schema reads it. */
export function createBody(values: FormValues): CreateContactInput {
  return patchOf(emptyForm(), values)
}

/**
 * The value of `field` to look up: the email as typed, the phone as it would be sent (normalised); `undefined`
 * when it is empty or not valid yet, when the contact is not new, or when its create is already out (the answer
 * to that decides which contact it is).
 */
export function lookupValue(state: EditorState, field: LookupField): string | undefined {
  if (!state.create || state.create.inFlight) return undefined
  const typed = state.values[field].trim()
  if (typed === '') return undefined
  const value = field === 'phone' ? normalizePhone(typed) : typed
  return validateField(field, value) === undefined ? value : undefined
}

/** The lookup of the value the field holds now; one of an earlier value is no longer news. */
export function currentLookup(state: EditorState, field: LookupField): Lookup | undefined {
  const value = lookupValue(state, field)
  const lookup = state.create?.lookups[field]
  return value !== undefined && lookup?.value === value ? lookup : undefined
}

/** The contacts that already have the new contact's email or phone, email first, without repeats. */
export function matchesFound(state: EditorState): { field: LookupField; match: Match }[] {
  const found: { field: LookupField; match: Match }[] = []
  for (const field of lookupFields) {
    const lookup = currentLookup(state, field)
    if (lookup?.status === 'taken' && !found.some((f) => f.match.id === lookup.match.id)) {
      found.push({ field, match: lookup.match })
    }
  }
  return found
}

/** The contact a save of this new contact would update instead: the one with its email (the API upserts by email). */
export function upsertTarget(state: EditorState): Match | undefined {
  const lookup = currentLookup(state, 'email')
  return lookup?.status === 'taken' ? lookup.match : undefined
}

function withLookup(state: EditorState, field: LookupField, value: string, lookup: Lookup | undefined): EditorState {
  const create = state.create
  // A late answer about a value the field no longer holds is dropped.
  if (!create || create.lookups[field]?.value !== value) return state
  return { ...state, create: { ...create, lookups: { ...create.lookups, [field]: lookup } } }
}

/** Lookups of a new contact's email and phone, and its create: sent, then answered. */
export function createReducer(state: EditorState, action: CreateAction): EditorState {
  const create = state.create
  if (!create) return state
  switch (action.type) {
    case 'lookupStarted':
      return {
        ...state,
        create: {
          ...create,
          lookups: { ...create.lookups, [action.field]: { value: action.value, status: 'checking' } },
        },
      }
    case 'lookupFinished':
      return withLookup(
        state,
        action.field,
        action.value,
        action.match
          ? { value: action.value, status: 'taken', match: action.match }
          : { value: action.value, status: 'free' },
      )
    case 'lookupFailed':
      return withLookup(state, action.field, action.value, {
        value: action.value,
        status: 'failed',
        message: action.message,
      })
    case 'createSending':
      return { ...state, create: { ...create, inFlight: action.body } }
    case 'createSucceeded': {
      // From here on it is a contact like any other: the server's values are the base, and what was edited while
      // the create was out (or after a crash, before it was sent again) stays as changes to save.
      const stored = toForm(toUpdateInput(action.person))
      const values = rebase(toForm(action.sent), state.values, stored)
      const { create: _created, ...rest } = state
      return {
        ...rest,
        contactId: action.person.id,
        title: toRow(action.person).name,
        base: stored,
        values,
        serverErrors: {},
        history: endRun(state.history),
      }
    }
  }
}
