import type { KeyPress } from '../../keys/keypress.js'
import { commandFor } from '../../keys/match.js'
import type { ContactsState } from '../../state/contacts/list.js'
import { applyLineOp, insertLine } from '../../text/line.js'
import { globalKeys, pick, textOpFor } from './common.js'
import type { Intent } from './intents.js'

/** The contacts list: moving the highlight, opening, searching, reloading; a new contact, deleting, logging. */
export function listKeys(key: KeyPress, pageRows: number): Intent[] {
  // A burst of keys (a key held down, or keys sent faster than they are read) arrives as one run of text: in the
  // list each of them is a command.
  if (key.name === 'text' && [...key.text].length > 1) {
    return [...key.text].flatMap((ch) => listKeys({ ...key, name: ch === ' ' ? 'space' : ch, text: ch }, pageRows))
  }
  const global = globalKeys(key, true)
  if (global) return global
  const move = (delta: number): Intent[] => [{ type: 'contacts', action: { type: 'move', delta } }]
  switch (commandFor('list', key)) {
    case 'list.up':
      return move(-1)
    case 'list.down':
      return move(1)
    case 'list.pageUp':
      return move(-pageRows)
    case 'list.pageDown':
      return move(pageRows)
    case 'list.first':
      return [{ type: 'contacts', action: { type: 'highlight', index: 0 } }]
    case 'list.last':
      return [{ type: 'contacts', action: { type: 'highlight', index: Number.MAX_SAFE_INTEGER } }]
    case 'list.open':
      return [{ type: 'openSelected' }]
    case 'list.search':
      return [{ type: 'contacts', action: { type: 'focusSearch', focused: true } }]
    case 'list.new':
      return [{ type: 'newContact' }]
    case 'list.delete':
      return [{ type: 'deleteAsk', from: 'list' }]
    case 'list.log':
      return [{ type: 'logActivity', from: 'list' }]
    case 'list.refresh':
      return [{ type: 'reload' }]
    case 'list.quit':
      return [{ type: 'quit' }]
    case 'list.select':
      return [{ type: 'contacts', action: { type: 'toggleSelected' } }]
    case 'list.selectShown':
      return [{ type: 'contacts', action: { type: 'selectShown' } }]
    case 'list.clearSelection':
      return [{ type: 'contacts', action: { type: 'clearSelection' } }]
    case 'list.bulk':
      return [{ type: 'job', command: 'openBulk' }]
    case 'list.import':
      return [{ type: 'job', command: 'openImport' }]
    default:
      return []
  }
}

/** The search box: typing and editing the query, then going to the results or clearing it. */
export function searchKeys(key: KeyPress, contacts: ContactsState, searchCursor: number): Intent[] {
  const global = globalKeys(key, false)
  if (global) return global
  const command = commandFor('search', key)
  if (command === 'search.accept') return [{ type: 'contacts', action: { type: 'focusSearch', focused: false } }]
  if (command === 'search.cancel') {
    return [
      { type: 'searchText', value: '', cursor: 0 },
      { type: 'contacts', action: { type: 'focusSearch', focused: false } },
    ]
  }
  const box = { value: contacts.query, cursor: searchCursor }
  const op = textOpFor(key)
  if (op) return [{ type: 'searchText', ...applyLineOp(box, op) }]
  if (key.text) return [{ type: 'searchText', ...insertLine(box, key.text) }]
  return []
}

/** While a contact opens: Esc or Ctrl+C gives it up (back to the list); help still opens. */
export function openingKeys(key: KeyPress): Intent[] {
  return pick('opening', key, { 'opening.cancel': { type: 'cancelOpening' } }) ?? globalKeys(key, true) ?? []
}
