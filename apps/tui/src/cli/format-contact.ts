import { contactFields, type Person, toUpdateInput } from '@cc/schema'
import { describeValue, toForm } from '../state/form.js'
import { displayLine } from '../text/sanitize.js'

/** A contact as plain text for `cc-tui get`: its name and id, then every writable field, cleaned of control sequences. */
export function formatContact(person: Person): string {
  const form = toForm(toUpdateInput(person))
  const name =
    displayLine(person.fullName) || displayLine([person.firstName, person.lastName].filter(Boolean).join(' '))
  const width = Math.max(...contactFields.map((field) => field.label.length)) + 2
  const lines = [`${name || '(no name)'} (${displayLine(person.id)})`]
  for (const field of contactFields) {
    const value = form[field.name]
    if (field.name === 'stage' && person.stageName && person.stageId) {
      lines.push(`${`${field.label}:`.padEnd(width)}${displayLine(person.stageName)} (${displayLine(person.stageId)})`)
    } else if (field.name === 'background' && typeof value === 'string' && value.includes('\n')) {
      lines.push(`${`${field.label}:`.padEnd(width)}`, ...value.split('\n').map((line) => `  ${line}`))
    } else {
      lines.push(`${`${field.label}:`.padEnd(width)}${describeValue(field.name, value)}`)
    }
  }
  if (person.updatedAt) lines.push(`${'Updated:'.padEnd(width)}${displayLine(person.updatedAt)}`)
  return `${lines.join('\n')}\n`
}
