import * as z from 'zod'
import { type ContactFieldName, contactFieldSchemas } from './people.js'
import { formatTags } from './tags.js'

/** How a form draws a field. */
export type ContactFieldKind = 'text' | 'multiline' | 'email' | 'phone' | 'money' | 'tags' | 'state' | 'zip' | 'stage'

/** The section of a form a field belongs to. */
export type ContactFieldGroup = 'Name' | 'Contact' | 'Pipeline' | 'Tags' | 'Address' | 'Background'

/** Everything a form needs to know about one writable contact field. */
export interface ContactField<N extends ContactFieldName = ContactFieldName> {
  name: N
  label: string
  help: string
  /** An example value, written the way a person types it (tags comma-separated). */
  example: string
  kind: ContactFieldKind
  group: ContactFieldGroup
  minLength?: number
  maxLength?: number
  maxItems?: number
  itemMinLength?: number
  itemMaxLength?: number
  schema: (typeof contactFieldSchemas)[N]
}

/** Form order, input kind and section of every field. Label, help, example and limits come from the schema. */
const layout: readonly (readonly [ContactFieldName, ContactFieldKind, ContactFieldGroup])[] = [
  ['firstName', 'text', 'Name'],
  ['lastName', 'text', 'Name'],
  ['email', 'email', 'Contact'],
  ['phone', 'phone', 'Contact'],
  ['stage', 'stage', 'Pipeline'],
  ['source', 'text', 'Pipeline'],
  ['price', 'money', 'Pipeline'],
  ['timeframe', 'text', 'Pipeline'],
  ['tags', 'tags', 'Tags'],
  ['street', 'text', 'Address'],
  ['city', 'text', 'Address'],
  ['state', 'state', 'Address'],
  ['zipCode', 'zip', 'Address'],
  ['background', 'multiline', 'Background'],
]

interface LimitsJson {
  minLength?: number
  maxLength?: number
  maxItems?: number
  items?: { minLength?: number; maxLength?: number }
}

const exampleText = (value: unknown): string => {
  if (Array.isArray(value)) return formatTags(value.map(String))
  // Stryker disable next-line StringLiteral,ConditionalExpression: every contact field has an example (fields.test.ts checks each one)
  return value === undefined ? '' : String(value)
}

function describeField<N extends ContactFieldName>(name: N, kind: ContactFieldKind, group: ContactFieldGroup) {
  const schema = contactFieldSchemas[name]
  const meta = z.globalRegistry.get(schema) ?? {}
  // The JSON Schema of the field is where zod publishes the limits of its checks.
  const json = z.toJSONSchema(schema, { io: 'input' }) as LimitsJson
  const field: ContactField<N> = {
    name,
    label: meta.title ?? name,
    // Stryker disable next-line StringLiteral: every contact field has a description (fields.test.ts checks each one)
    help: meta.description ?? '',
    example: exampleText(Array.isArray(meta.examples) ? meta.examples[0] : undefined),
    kind,
    group,
    schema,
  }
  if (json.minLength !== undefined) field.minLength = json.minLength
  if (json.maxLength !== undefined) field.maxLength = json.maxLength
  if (json.maxItems !== undefined) field.maxItems = json.maxItems
  if (json.items?.minLength !== undefined) field.itemMinLength = json.items.minLength
  if (json.items?.maxLength !== undefined) field.itemMaxLength = json.items.maxLength
  return Object.freeze(field)
}

/** The writable contact fields in form order, with label, help, example, input kind, section and limits. */
export const contactFields: readonly ContactField[] = Object.freeze(
  layout.map(([name, kind, group]) => describeField(name, kind, group)),
)

const byName = new Map<ContactFieldName, ContactField>(contactFields.map((field) => [field.name, field]))

/** One field's metadata by name. */
export function contactField<N extends ContactFieldName>(name: N): ContactField<N> {
  const field = byName.get(name)
  if (!field) throw new TypeError(`Unknown contact field "${String(name)}"`)
  return field as ContactField<N>
}
