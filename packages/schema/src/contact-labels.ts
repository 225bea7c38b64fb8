import * as z from 'zod'
import type { FieldLabel } from './field-errors.js'
import { type ContactFieldName, contactFieldNames, contactFieldSchemas } from './people.js'

let labels: Readonly<Record<ContactFieldName, FieldLabel>> | undefined

/**
 * The form label of every writable contact field: the `title` its schema registers (`firstName` → "First name").
 * One item of `tags` is a "tag". Read from zod's registry, so nothing here builds form or JSON Schema metadata.
 */
export function contactFieldLabels(): Readonly<Record<ContactFieldName, FieldLabel>> {
  labels ??= Object.fromEntries(
    contactFieldNames.map((name) => {
      const label = z.globalRegistry.get(contactFieldSchemas[name])?.title ?? name
      return [name, name === 'tags' ? { label, item: 'tag' } : label]
    }),
  ) as Record<ContactFieldName, FieldLabel>
  return labels
}
