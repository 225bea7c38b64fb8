import type { Person } from '@cc/schema'
import { displayLine } from '../text/sanitize.js'

/** A contact's name for one line of output, cleaned of control sequences: its full name, else first and last. */
export function displayName(person: Person): string {
  return (
    displayLine(person.fullName) ||
    displayLine([person.firstName, person.lastName].filter(Boolean).join(' ')) ||
    '(no name)'
  )
}
