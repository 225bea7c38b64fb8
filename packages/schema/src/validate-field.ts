import { fieldErrors } from './field-errors.js'
import { type ContactFieldName, contactFieldSchemas } from './people.js'

/**
 * The message `fieldErrors` would give for this one field of a patch, or `undefined` when the value
 * is valid. `undefined` is valid: a patch may leave any field out.
 */
export function validateField(name: ContactFieldName, value: unknown): string | undefined {
  const schema = contactFieldSchemas[name]
  if (!schema) throw new TypeError(`Unknown contact field "${String(name)}"`)
  if (value === undefined) return undefined
  const result = schema.safeParse(value)
  if (result.success) return undefined
  // Stryker disable next-line MethodExpression: fieldErrors keeps the issues' order, so its first entry is the first issue's, cut or not
  return Object.values(fieldErrors(result.error.issues.slice(0, 1), { prefix: [name] }))[0]
}
