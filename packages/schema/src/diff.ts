import type { ContactFieldName, ContactValues, Person, PersonEmail, PersonPhone } from './people.js'
import { contactFieldNames } from './people.js'
import { parseTags } from './tags.js'

type TextFieldName = Exclude<ContactFieldName, 'price' | 'tags'>

const primary = <T extends PersonEmail | PersonPhone>(items: readonly T[]): T | undefined =>
  items.find((item) => item.isPrimary === true) ?? items[0]

const text = (value: string | null | undefined): string | undefined => (typeof value === 'string' ? value : undefined)

/**
 * A contact as the API returns it (read model) → the values a form edits and a patch sends (write
 * model): the primary email and phone, tags split into an array, `stageId` as `stage`. Only fields
 * the person has are present.
 */
export function toUpdateInput(person: Person): ContactValues {
  const values: ContactValues = {
    firstName: text(person.firstName),
    lastName: text(person.lastName),
    // Stryker disable next-line ArrayDeclaration: items without a value (any list of text) give no email, as an empty list does
    email: text(primary(person.emails ?? [])?.value),
    // Stryker disable next-line ArrayDeclaration: items without a value (any list of text) give no phone, as an empty list does
    phone: text(primary(person.phones ?? [])?.value),
    source: text(person.source),
    stage: text(person.stageId),
    price: typeof person.price === 'number' ? person.price : undefined,
    timeframe: text(person.timeframe),
    background: text(person.background),
    tags: typeof person.tags === 'string' ? parseTags(person.tags) : undefined,
    street: text(person.street),
    city: text(person.city),
    state: text(person.state),
    zipCode: text(person.zipCode),
  }
  return withoutUndefined(values)
}

function withoutUndefined(values: ContactValues): ContactValues {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value
  return out as ContactValues
}

const sameTags = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((tag, index) => tag === b[index])

/**
 * The smallest patch that turns `before` into `after`: only the fields that changed, `{}` when
 * nothing did. A missing string field counts as `''` and missing tags as `[]`, so a field cleared
 * in `after` is sent as `''` (tags as `[]`). A price cannot be cleared (the API takes no null):
 * a price missing from `after` is left as it is.
 */
export function diffContact(before: ContactValues, after: ContactValues): ContactValues {
  const patch: Record<string, unknown> = {}
  for (const name of contactFieldNames) {
    if (name === 'price') {
      if (after.price !== undefined && after.price !== before.price) patch.price = after.price
    } else if (name === 'tags') {
      const next = after.tags ?? []
      if (!sameTags(before.tags ?? [], next)) patch.tags = [...next]
    } else {
      const field: TextFieldName = name
      const next = after[field] ?? ''
      if ((before[field] ?? '') !== next) patch[field] = next
    }
  }
  return patch as ContactValues
}
